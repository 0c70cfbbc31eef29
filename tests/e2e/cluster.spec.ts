import { expect, test } from '@playwright/test';
import { applyButton, openFresh, podManifest, setEditorText, speedUp, waitForWorkers } from './helpers';

test('the inspector answers "why Pending?" for an unschedulable pod, node by node', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await setEditorText(page, podManifest('too-big', '6'));
  await applyButton(page).click();

  // The pod waits in the queue with its FailedScheduling reason on hover or focus.
  const pod = page.getByRole('button', { name: /^Pod too-big: Pending/ });
  await expect(pod).toBeVisible();
  await expect(pod).toHaveAccessibleName(/0\/3 nodes are available/);
  await pod.focus();
  await expect(page.getByRole('tooltip')).toContainText('Insufficient cpu');

  await pod.press('Enter');
  const inspector = page.getByRole('tabpanel', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: 'pod/too-big' })).toBeVisible();
  await inspector.getByRole('button', { name: 'Why Pending?' }).click();
  await expect(inspector).toContainText('0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.');
  const rows = inspector.getByRole('row');
  await expect(rows.filter({ hasText: 'control-plane' })).toContainText('untolerated taint');
  await expect(rows.filter({ hasText: 'worker-1' })).toContainText('Insufficient cpu');
  await expect(rows.filter({ hasText: 'worker-2' })).toContainText('rejected');

  // The live YAML carries the status the scheduler wrote.
  await inspector.getByRole('button', { name: 'YAML', exact: true }).click();
  await expect(inspector.getByLabel('Live YAML, read-only')).toContainText('reason: Unschedulable');
});

test('the inspector says where a scheduled pod went and why', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await speedUp(page);
  await setEditorText(page, podManifest('placed'));
  await applyButton(page).click();
  const pod = page.getByRole('button', { name: /^Pod placed: Running on worker-/ });
  await pod.click({ timeout: 30_000 });
  const inspector = page.getByRole('tabpanel', { name: 'Inspector' });
  await expect(inspector.getByText('Restart Count:')).toBeVisible();
  await inspector.getByRole('button', { name: 'Why here?' }).click();
  await expect(inspector.getByRole('row').filter({ hasText: 'chosen' })).toContainText(/worker-[12]/);
  await expect(inspector.getByRole('row').filter({ hasText: 'control-plane' })).toContainText('untolerated taint');
});

test('the table view lists nodes and pods as text and opens the inspector', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await setEditorText(page, podManifest('listed'));
  await applyButton(page).click();
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  const nodes = page.getByRole('table', { name: /^Nodes/ });
  await expect(nodes.getByRole('row')).toHaveCount(4);
  await expect(nodes).toContainText('node-role.kubernetes.io/control-plane:NoSchedule');
  const pods = page.getByRole('table', { name: /^Pods/ });
  await expect(pods.getByRole('row').filter({ hasText: 'listed' })).toContainText(/worker-[12]/, { timeout: 30_000 });
  await pods.getByRole('button', { name: 'listed', exact: true }).click();
  await expect(page.getByRole('tabpanel', { name: 'Inspector' }).getByRole('heading', { name: 'pod/listed' })).toBeVisible();
});

test('a node offers its faults from the keyboard', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  const head = page.getByRole('button', { name: /^Node worker-2: Ready/ });
  await head.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Node worker-2' });
  await expect(menu.getByRole('menuitem', { name: 'Take the node down' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Inspect' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(head).toBeFocused();
});
