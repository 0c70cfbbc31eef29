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

/** Open the playground fresh: no saved session, files or settings. */
export async function openFresh(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`./${query}`);
  await expect(page.getByRole('region', { name: 'Cluster diagram' })).toBeVisible();
}

/** Wait for the minimal preset's workers to be drawn. */
export async function waitForWorkers(page: Page): Promise<void> {
  await expect(page.getByRole('group', { name: /^Node worker-1, Ready/ })).toBeVisible();
}

/** The text of the active editor tab, as saved in local storage. */
export async function savedActiveText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('kubelab.files') ?? 'null') as { files: { id: string; text: string }[]; active: string } | null;
    return saved?.files.find((f) => f.id === saved.active)?.text;
  });
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
  await expect.poll(() => savedActiveText(page)).toBe(text);
}

/** Open a template, and wait until its tab is the one shown (its manifest loads on the first choice). */
export async function openTemplate(page: Page, name: RegExp, fileName: string): Promise<void> {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  await expect(page.getByRole('tab', { name: fileName })).toHaveAttribute('aria-selected', 'true');
}

export const applyButton = (page: Page) => page.getByRole('button', { name: /^Apply/ });
export const applyOutput = (page: Page) => page.getByRole('region', { name: 'Apply output' });

export function podManifest(name: string, cpu = '250m', extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: web
    image: nginx:1.27
    resources:
      requests:
        cpu: ${cpu}
        memory: 128Mi
${extra}`;
}

/** Run the virtual clock at 10× so pods come up in a second or two, as a learner might. */
export async function speedUp(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
}

/** The animations pod chips ran (recorded since the page loaded), and those running on one now, as keyframes. */
export function chipAnimations(page: Page, name: RegExp): Promise<Keyframe[][]> {
  return page.getByRole('button', { name }).evaluate((el) =>
    (window as unknown as { kubelabAnimations?: Keyframe[][] }).kubelabAnimations?.concat(el.getAnimations().map((a) => (a.effect as KeyframeEffect).getKeyframes())) ?? [],
  );
}

/** Record every animation started on a pod chip or its box, since they end before a test can look. */
export async function recordAnimations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { kubelabAnimations: Keyframe[][] };
    w.kubelabAnimations = [];
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, keyframes, options) {
      if (this.closest('.pod')) w.kubelabAnimations.push(Array.isArray(keyframes) ? (keyframes as Keyframe[]) : []);
      return animate.call(this, keyframes, options);
    };
  });
}

export const terminalOutput = (page: Page) => page.getByRole('log', { name: 'Terminal output' });
export const commandLine = (page: Page) => page.getByRole('textbox', { name: 'Command line' });

/** Open the terminal tab of the dock. */
export async function openTerminal(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(commandLine(page)).toBeVisible();
}

/** Type a command into the terminal and press Enter, as a learner does. */
export async function type(page: Page, command: string): Promise<void> {
  const input = commandLine(page);
  await expect(input).toBeEditable();
  await input.pressSequentially(command, { delay: 5 });
  await input.press('Enter');
}
