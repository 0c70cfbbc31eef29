import { expect, test } from '@playwright/test';
import { openFresh, setEditorText, watchConsole } from './helpers';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
  - name: web
    image: nginx:1.27
    resources:
      requests:
        cpu: 250m
        memory: 128Mi
`;

test('a pod typed into the editor and applied runs on a node', async ({ page }) => {
  const errors = watchConsole(page);
  await openFresh(page);
  await setEditorText(page, POD);
  await page.getByRole('button', { name: /Apply/ }).click();

  await expect(page.getByRole('region', { name: 'Apply output' })).toContainText('pod/demo created');
  const pod = page.getByRole('img', { name: /^Pod demo: Running on worker-[12]$/ });
  await expect(pod).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Events' })).toContainText('Successfully assigned default/demo to worker-');
  await expect(page.getByRole('region', { name: 'Events' })).toContainText('Started container web');
  expect(errors).toEqual([]);
});

test('Ctrl+Enter in the editor applies too', async ({ page }) => {
  await openFresh(page);
  await setEditorText(page, POD.replace('name: demo', 'name: keyboard'));
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByRole('region', { name: 'Apply output' })).toContainText('pod/keyboard created');
});

test('bad YAML shows a clear error and changes nothing', async ({ page }) => {
  const errors = watchConsole(page);
  await openFresh(page);
  const broken = POD.replace('  name: demo', '  name: demo: oops');
  await setEditorText(page, broken);
  await page.getByRole('button', { name: /Apply/ }).click();
  const output = page.getByRole('region', { name: 'Apply output' });
  await expect(output).toContainText('yaml: line 4: mapping values are not allowed in this context');
  await expect(output).toContainText('L4');
  // The marker sits on line 4 of the editor; the text the user wrote is untouched.
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
  await expect(page.getByRole('img', { name: /^Pod demo/ })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('kubelab.editor.text'))).toBe(JSON.stringify(broken));
  expect(errors).toEqual([]);
});

test('an invalid pod is refused with the API server wording', async ({ page }) => {
  await openFresh(page);
  await setEditorText(page, POD.replace('    image: nginx:1.27\n', ''));
  await page.getByRole('button', { name: /Apply/ }).click();
  await expect(page.getByRole('region', { name: 'Apply output' })).toContainText('The Pod "demo" is invalid: spec.containers[0].image: Required value');
});
