import { expect, test } from '@playwright/test';
import { applyButton, applyOutput, openFresh, openTemplate, podManifest, savedActiveText, setEditorText, speedUp, waitForWorkers, watchConsole } from './helpers';

test('a pod typed into the editor and applied runs on a node', async ({ page }) => {
  const errors = watchConsole(page);
  await openFresh(page);
  await waitForWorkers(page);
  await speedUp(page);
  await setEditorText(page, podManifest('demo'));
  await applyButton(page).click();

  await expect(applyOutput(page)).toContainText('pod/demo created');
  await expect(page.getByRole('button', { name: /^Pod demo: Running on worker-[12]$/ })).toBeVisible({ timeout: 30_000 });
  const events = page.getByRole('region', { name: 'Events' });
  await expect(events).toContainText('Successfully assigned default/demo to worker-');
  await expect(events).toContainText('Started container web');
  expect(errors).toEqual([]);
});

test('Ctrl+Enter in the editor applies too', async ({ page }) => {
  await openFresh(page);
  await setEditorText(page, podManifest('keyboard'));
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(applyOutput(page)).toContainText('pod/keyboard created');
});

test('bad YAML shows a clear error on the right line and changes nothing', async ({ page }) => {
  const errors = watchConsole(page);
  await openFresh(page);
  const broken = podManifest('demo').replace('  name: demo', '  name: demo: oops');
  await setEditorText(page, broken);
  await applyButton(page).click();
  await expect(applyOutput(page)).toContainText('yaml: line 4: mapping values are not allowed in this context');
  await expect(applyOutput(page)).toContainText('line 4');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
  await expect(page.getByRole('button', { name: /^Pod demo/ })).toHaveCount(0);
  expect(await savedActiveText(page)).toBe(broken);
  expect(errors).toEqual([]);
});

test('an invalid pod is refused with the API server wording', async ({ page }) => {
  await openFresh(page);
  await setEditorText(page, podManifest('demo').replace('    image: nginx:1.27\n', ''));
  await applyButton(page).click();
  await expect(applyOutput(page)).toContainText('The Pod "demo" is invalid: spec.containers[0].image: Required value');
});

test('templates open in tabs of their own, and Delete removes what a file describes', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await speedUp(page);
  await openTemplate(page, /^GPU pod \(CUDA sample\)/, 'gpu-pod.yaml');
  await expect.poll(() => savedActiveText(page)).toContain('nvidia.com/gpu: 1');

  // Back to the first tab: its text is untouched.
  await page.getByRole('tab', { name: 'manifest.yaml' }).click();
  await setEditorText(page, podManifest('short-lived'));
  await applyButton(page).click();
  await expect(page.getByRole('button', { name: /^Pod short-lived: Running/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(applyOutput(page)).toContainText('pod "short-lived" deleted');
  await expect(page.getByRole('button', { name: /^Pod short-lived/ })).toHaveCount(0, { timeout: 30_000 });
});

test('a closed tab can be brought back with its text', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: 'New file' }).click();
  await expect(page.getByRole('tab', { name: 'untitled.yaml' })).toHaveAttribute('aria-selected', 'true');
  await setEditorText(page, '# my notes\n');
  await page.getByRole('tab', { name: 'untitled.yaml' }).press('Delete');
  await expect(page.getByRole('tab', { name: 'untitled.yaml' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('tab', { name: 'untitled.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => savedActiveText(page)).toBe('# my notes\n');
});
