import { expect, test, type Page } from '@playwright/test';
import { commandLine, openFresh, openTerminal, speedUp, waitForWorkers, watchConsole } from './helpers';

/** The chunks of the parts the first screen does not show, loaded with dynamic import() when first shown. */
const ON_DEMAND = /\/assets\/(Terminal|InspectorPanel|TableView|canvas-renderer|HelpDialog|FaultDialog|MetricsPanel|templates)-[\w-]+\.js$/;

/** The on-demand chunks the page has requested so far, by name. */
function requestedParts(page: Page): string[] {
  const parts: string[] = [];
  page.on('request', (r) => {
    const m = ON_DEMAND.exec(r.url());
    if (m) parts.push(m[1]!);
  });
  return parts;
}

test('the first screen downloads none of the parts loaded on demand; each loads when first shown', async ({ page }) => {
  const errors = watchConsole(page);
  const parts = requestedParts(page);
  await openFresh(page);
  await waitForWorkers(page);
  expect(parts).toEqual([]);

  await openTerminal(page);
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(page.getByText('Click or focus a node, pod or GPU in the cluster to inspect it.')).toBeVisible();
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.getByRole('searchbox', { name: 'Filter' })).toBeVisible();
  await page.getByRole('button', { name: 'Keyboard shortcuts and help' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  expect(parts.sort()).toEqual(['HelpDialog', 'InspectorPanel', 'TableView', 'Terminal']);
  expect(errors).toEqual([]);
});

test('a part whose code cannot be downloaded says so and offers a reload, instead of a blank pane', async ({ page }) => {
  await page.route(/\/assets\/Terminal-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await openFresh(page);
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Terminal' });
  await expect(panel.getByRole('alert')).toHaveText(/Terminal could not be loaded\. Check your connection, then reload the page\./);
  await expect(panel.getByRole('button', { name: 'Reload the page' })).toBeVisible();

  // Once the connection is back, the reload draws the terminal.
  await page.unroute(/\/assets\/Terminal-[\w-]+\.js$/);
  await panel.getByRole('button', { name: 'Reload the page' }).click();
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(commandLine(page)).toBeVisible();
});

test('a template whose manifests cannot be downloaded is reported in a notice, and opens nothing', async ({ page }) => {
  await page.route(/\/assets\/templates-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await openFresh(page);
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /^Deployment/ }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Templates could not be loaded' });
  await expect(notice).toContainText('Templates could not be loaded. Check your connection, then reload the page.');
  await expect(notice.getByRole('button', { name: 'Reload the page' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /deployment\.yaml/ })).toHaveCount(0);
});

test('a large cluster loads the canvas renderer; if it cannot be downloaded the diagram says so', async ({ page }) => {
  await page.route(/\/assets\/canvas-renderer-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
  await openFresh(page);
  await waitForWorkers(page);
  await page.getByRole('combobox', { name: /^Cluster preset/ }).selectOption('large');
  const view = page.getByRole('region', { name: 'Cluster diagram' });
  await expect(view.getByRole('alert')).toHaveText(/Cluster diagram could not be loaded/);

  await page.unroute(/\/assets\/canvas-renderer-[\w-]+\.js$/);
  await view.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.getByRole('img', { name: /^Cluster diagram: 270 nodes/ })).toBeVisible({ timeout: 30_000 });
});

test('the faults dialog loads on the first choice, starts at the first worker, injects, and gives focus back', async ({ page }) => {
  const errors = watchConsole(page);
  const parts = requestedParts(page);
  await openFresh(page);
  await waitForWorkers(page);
  await speedUp(page);
  const faults = page.getByRole('button', { name: 'Faults' });

  await faults.click();
  await page.getByRole('menuitem', { name: 'Take the node down…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Take the node down' });
  await expect(dialog.getByRole('combobox', { name: 'Node' })).toHaveValue('worker-1');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(faults).toBeFocused();

  await faults.press('ArrowDown');
  await page.getByRole('menuitem', { name: 'Take the node down…' }).press('Enter');
  await expect(dialog.getByRole('combobox', { name: 'Node' })).toHaveValue('worker-1');
  await dialog.getByRole('button', { name: 'Inject fault' }).click();
  await expect(dialog).toBeHidden();
  // The node controller marks a node whose kubelet stopped posting status Ready=Unknown.
  await expect(page.getByRole('group', { name: /^Node worker-1, Unknown/ })).toBeVisible({ timeout: 30_000 });
  expect(parts).toEqual(['FaultDialog']);
  expect(errors).toEqual([]);
});
