import { expect, test } from '@playwright/test';
import { applyButton, commandLine, openFresh, openTemplate, openTerminal, podManifest, savedActiveText, setEditorText, speedUp, terminalOutput, type, waitForWorkers } from './helpers';

test('a reload finds the editor tabs and the cluster as they were', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await speedUp(page);
  await setEditorText(page, podManifest('kept'));
  await applyButton(page).click();
  await expect(page.getByRole('button', { name: /^Pod kept: Running on worker-/ })).toBeVisible({ timeout: 30_000 });
  await openTemplate(page, /^Job/, 'job.yaml');
  const clockBefore = await page.getByTestId('virtual-clock').textContent();
  // The session is saved every two seconds and after every apply.
  await page.waitForTimeout(2500);

  await page.reload();
  await expect(page.getByRole('tab', { name: 'job.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'manifest.yaml' })).toBeVisible();
  await page.getByRole('tab', { name: 'manifest.yaml' }).click();
  await expect.poll(() => savedActiveText(page)).toBe(podManifest('kept'));
  await expect(page.getByRole('button', { name: /^Pod kept: Running on worker-/ })).toBeVisible();
  // Virtual time resumes from where it was rather than from zero.
  expect((await page.getByTestId('virtual-clock').textContent())! >= clockBefore!).toBe(true);
});

test('when storage is blocked, work is kept in memory and the user is told', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('./');
  await expect(page.getByRole('status').filter({ hasText: 'Local storage is unavailable or full' })).toBeVisible();
  await setEditorTextInMemory(page);
});

/** With storage blocked the text cannot be read back from localStorage; check the editor instead. */
async function setEditorTextInMemory(page: import('@playwright/test').Page): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'YAML manifest editor' });
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# still here');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('# still here');
  await applyButton(page).click();
  await expect(page.getByRole('region', { name: 'Apply output' })).toContainText('pod/hello created');
}

test('a crashed simulation worker is restarted from the last save, and the user is told', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await speedUp(page);
  await setEditorText(page, podManifest('survivor'));
  await applyButton(page).click();
  await expect(page.getByRole('button', { name: /^Pod survivor: Running/ })).toBeVisible({ timeout: 30_000 });
  // A watch left open in the terminal ends with the worker that streamed it.
  await openTerminal(page);
  await type(page, 'kubectl get pods -w');
  await expect(commandLine(page)).not.toBeEditable();

  const worker = page.workers().find((w) => w.url().includes('sim.worker'));
  expect(worker).toBeDefined();
  // Throwing from a timer is an uncaught error in the worker: the UI treats it as a crash.
  await worker!.evaluate(() => setTimeout(() => {
    throw new Error('simulated crash');
  }));
  await expect(page.getByRole('status').filter({ hasText: 'The simulation crashed and was restarted from your last save' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Pod survivor: Running/ })).toBeVisible({ timeout: 30_000 });
  await expect(commandLine(page)).toBeEditable();
  await type(page, 'kubectl get pods');
  await expect(terminalOutput(page)).toContainText(/survivor\s+1\/1\s+Running/);
});
