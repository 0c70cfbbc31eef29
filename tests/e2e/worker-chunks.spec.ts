import { expect, test } from '@playwright/test';
import { openFresh, openTerminal, terminalOutput, type, waitForWorkers, watchConsole } from './helpers';

// The simulation worker leaves kubectl and the YAML library out of its first download
// (src/core/deferred/registry.ts): the cluster runs without them, and each arrives when first used.
test('the cluster runs before kubectl and YAML are fetched; the first command fetches them', async ({ page }) => {
  const errors = watchConsole(page);
  const fetched: string[] = [];
  page.on('request', (r) => {
    const chunk = /deferred-(kubectl|yaml)/.exec(r.url());
    if (chunk) fetched.push(chunk[1]!);
  });
  await openFresh(page);
  await waitForWorkers(page);
  await expect(page.getByRole('group', { name: /^Node worker-2, Ready/ })).toBeVisible();
  expect(fetched).toEqual([]);

  await openTerminal(page);
  await type(page, 'kubectl get nodes');
  await expect(terminalOutput(page)).toContainText(/worker-1\s+Ready\s+<none>/);
  expect(fetched.sort()).toEqual(['kubectl', 'yaml']);
  expect(errors).toEqual([]);
});

test('a kubectl chunk that cannot be downloaded is said plainly, and the cluster keeps running', async ({ page }) => {
  await page.route(/deferred-kubectl-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
  await openFresh(page);
  await waitForWorkers(page);
  await openTerminal(page);
  await type(page, 'kubectl get nodes');
  await expect(terminalOutput(page)).toContainText('error: the simulation could not run the command (the notice above says why)');
  await expect(page.getByRole('status').filter({ hasText: 'The simulation could not do that: could not download kubectl' })).toBeVisible();
  // Only the command failed: the cluster is still there and still drawn.
  await expect(page.getByRole('group', { name: /^Node worker-2, Ready/ })).toBeVisible();
});
