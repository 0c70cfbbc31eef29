import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { applyButton, applyOutput, openFresh, openTemplate, openTerminal, podManifest, setEditorText, speedUp, terminalOutput, type, waitForWorkers } from './helpers';

/** axe's serious and critical findings; `withEditor: false` leaves Monaco's large DOM out of a repeat scan. */
async function seriousViolations(page: Page, withEditor = true) {
  const builder = new AxeBuilder({ page });
  if (!withEditor) builder.exclude('.monaco-editor');
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openFresh(page);
    await waitForWorkers(page);
    await speedUp(page);
    await expect(page.getByRole('textbox', { name: 'YAML manifest editor' })).toBeAttached();
    await setEditorText(page, [podManifest('web'), podManifest('too-big', '6')].join('---\n'));
    await applyButton(page).click();
    await expect(page.getByRole('button', { name: /^Pod web: Running/ })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: /^Pod too-big/ }).click();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Metrics' }).click();
    await page.getByRole('tab', { name: /^Events/ }).click();
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    expect(await seriousViolations(page, false)).toEqual([]);

    // The terminal, with kubectl's coloured output and an error in it.
    await openTerminal(page);
    await type(page, 'kubectl get pods');
    await type(page, 'kubectl get pod nope');
    await expect(terminalOutput(page)).toContainText('NotFound');
    expect(await seriousViolations(page, false)).toEqual([]);

    await page.getByRole('button', { name: 'Keyboard shortcuts and help' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await seriousViolations(page, false)).toEqual([]);
  });
}

test('every control is reachable by keyboard, with a visible focus ring', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  const seen = new Set<string>();
  let escaped = false;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    // Monaco keeps Tab for indentation until Ctrl+M, as the hint under the editor says.
    if (!escaped && (await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')))) {
      await page.keyboard.press('Control+m');
      escaped = true;
    }
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el);
      const visible = style.boxShadow !== 'none' || style.outlineStyle !== 'none' || !!el.closest('.monaco-editor') || el.tagName === 'g';
      return { name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName, visible };
    });
    if (!info) continue;
    seen.add(info.name);
    expect(info.visible, `focus ring on ${info.name}`).toBe(true);
  }
  for (const name of ['Cluster preset (switching starts a fresh cluster; your files are kept)', 'Pause', 'Faults', 'Language', 'Keyboard shortcuts and help', 'Templates', 'Node worker-1: Ready. Press Enter to inspect.']) {
    expect([...seen], name).toContain(name);
  }
});

test('the language can be switched and is remembered', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('vi');
  await expect(page.getByRole('button', { name: /^Áp dụng/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Sự kiện/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await page.reload();
  await expect(page.getByRole('button', { name: /^Áp dụng/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sơ đồ cụm' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
  await expect(page.getByRole('button', { name: /^Apply/ })).toBeVisible();
});

test('important cluster events are announced in a live region', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await setEditorText(page, podManifest('too-big', '6'));
  await applyButton(page).click();
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Warning FailedScheduling on pod/too-big' })).toBeAttached();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations on held and broken GPUs in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await openFresh(page, '?preset=gpu-lab');
    await speedUp(page);
    // Apply only once the template's tab is the one shown, or the click can land on the tab being replaced.
    await openTemplate(page, /^GPU pod \(CUDA sample\)/, 'gpu-pod.yaml');
    await applyButton(page).click();
    await expect(applyOutput(page)).toContainText('pod/cuda-vectoradd created');
    await expect(page.getByRole('button', { name: /^Pod cuda-vectoradd: .* Holds GPU \d\.$/ })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: /^GPU 2 on t4-1: Tesla T4\. / }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: /^Xid 79/ }).click();
    await expect(page.getByRole('button', { name: /^GPU 2 on t4-1: Tesla T4, lost/ })).toBeVisible();
    expect(await seriousViolations(page, false)).toEqual([]);
  });
}
