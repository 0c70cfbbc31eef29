import { expect, test } from '@playwright/test';
import { applyButton, applyOutput, openFresh, openTemplate, speedUp, waitForWorkers } from './helpers';

test('a 3-replica Deployment runs three pods, and its Service links to the ready ones', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await speedUp(page);
  await openTemplate(page, /^Deployment/, 'deployment.yaml');
  await expect(page.getByRole('tab', { name: 'deployment.yaml' })).toHaveAttribute('aria-selected', 'true');
  await applyButton(page).click();
  await expect(applyOutput(page)).toContainText('deployment.apps/web created');

  const running = page.getByRole('button', { name: /^Pod web-[a-z0-9]+-[a-z0-9]{5}: Running on worker-[12]/ });
  await expect(running).toHaveCount(3, { timeout: 30_000 });
  // The control-plane keeps its taint: no replica lands there.
  await expect(page.getByRole('group', { name: /^Node control-plane, Ready, 0 pods/ })).toBeVisible();

  await openTemplate(page, /^Service/, 'service.yaml');
  await applyButton(page).click();
  await expect(applyOutput(page)).toContainText('service/web created');
  const service = page.getByRole('button', { name: /^Service web: ClusterIP [\d.]+, 3 of 3 endpoints ready/ });
  await expect(service).toBeVisible({ timeout: 30_000 });
  await service.click();
  await expect(page.getByRole('tabpanel', { name: 'Inspector' }).getByRole('heading', { name: 'service/web' })).toBeVisible();
});

test('a node taken down from the UI: fast-forward, and its replicas are replaced on the other worker', async ({ page }) => {
  await openFresh(page);
  await waitForWorkers(page);
  await speedUp(page);
  await openTemplate(page, /^Deployment/, 'deployment.yaml');
  await applyButton(page).click();
  await expect(page.getByRole('button', { name: /^Pod web-.*: Running on worker-/ })).toHaveCount(3, { timeout: 30_000 });

  // Right-click the node's header, as a learner would, and take it down.
  await page.getByRole('button', { name: /^Node worker-1: Ready/ }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Take the node down' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'worker-1' })).toBeVisible();

  const fastForward = page.getByRole('button', { name: /^Fast-forward until the cluster is quiet/ });
  await fastForward.click();
  await expect(fastForward).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByRole('group', { name: /^Node worker-1, (Unknown|NotReady)/ })).toBeVisible();
  // The 300 s toleration ran out: the old pods are Terminating, their replacements run on worker-2.
  await expect(page.getByRole('button', { name: /^Pod web-.*: Running on worker-2/ })).toHaveCount(3);
  await expect(page.getByRole('button', { name: /^Pod web-.*: Terminating on worker-1/ }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Events' })).toContainText('NodeNotReady');
});
