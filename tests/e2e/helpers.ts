import { expect, type Page } from '@playwright/test';

/** Collect console errors and uncaught exceptions, to assert a clean run. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Open the playground fresh: no saved session, editor or settings. */
export async function openFresh(page: Page): Promise<void> {
  await page.goto('./');
  await page.evaluate(() => localStorage.clear());
  await page.goto('./');
  await expect(page.getByRole('group', { name: /Node worker-1/ })).toBeVisible();
}

/**
 * Replace the editor's text by pasting it, as a learner pastes a manifest (typing line by line
 * would let Monaco's auto-indent re-indent it).
 */
export async function setEditorText(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'YAML manifest editor' });
  await expect(editor).toBeAttached();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('kubelab.editor.text'))).toBe(JSON.stringify(text));
}
