import { expect, test } from '@playwright/test';
import { applyButton, applyOutput, openFresh, openTemplate, openTerminal, speedUp, terminalOutput, type } from './helpers';

const GPU_NODES = ['t4-1', 'a100-1', 'h100-1'];

test('a GPU pod from the template is bound to a GPU on a GPU node, runs there, and is linked to that GPU', async ({ page }) => {
  await openFresh(page, '?preset=gpu-lab');
  await expect(page.getByRole('group', { name: /^Node t4-1, Ready/ })).toBeVisible();
  await speedUp(page);
  await openTemplate(page, /^GPU pod \(CUDA sample\)/, 'gpu-pod.yaml');
  await applyButton(page).click();
  await expect(applyOutput(page)).toContainText('pod/cuda-vectoradd created');

  // The GPU Operator's device plugin advertises nvidia.com/gpu some virtual seconds after boot;
  // the pod waits in the queue until then, and is bound once a node offers a GPU.
  const placed = page.getByRole('button', { name: new RegExp(`^Pod cuda-vectoradd: (ContainerCreating|Running|Completed) on (${GPU_NODES.join('|')})`) });
  await expect(placed).toBeVisible({ timeout: 30_000 });
  const [, node] = (await placed.getAttribute('aria-label'))!.match(/ on ([\w-]+)/)!;

  // The chip names the GPU the device manager gave it; that GPU names the pod back. (A finished
  // pod keeps its allocation until the kubelet admits the next GPU pod, as the real one does.)
  await expect(placed).toHaveAccessibleName(/ Holds GPU \d\.$/);
  const [, index] = (await placed.getAttribute('aria-label'))!.match(/Holds GPU (\d)\.$/)!;
  const gpu = page.getByRole('button', { name: new RegExp(`^GPU ${index} on ${node}: .*Used by default/cuda-vectoradd\\.$`) });
  await expect(gpu).toBeVisible();
  await expect(page.getByRole('button', { name: /^GPU \d on .*Used by default\/cuda-vectoradd/ })).toHaveCount(1);

  // Hovering the pod lights its GPU; hovering the GPU lights the pod.
  await placed.hover();
  await expect(gpu).toHaveClass(/\blinked\b/);
  await gpu.hover();
  await expect(placed).toHaveClass(/\blinked\b/);

  await openTerminal(page);
  await type(page, `kubectl get node ${node} -o jsonpath={.status.allocatable}`);
  await expect(terminalOutput(page)).toContainText('"nvidia.com/gpu":"');
  await type(page, 'kubectl get pod cuda-vectoradd -o wide');
  await expect(terminalOutput(page)).toContainText(new RegExp(`cuda-vectoradd\\s+\\S+\\s+\\S+\\s+\\d+\\s+\\S+\\s+\\S+\\s+${node}`));
});

test('Xid 79 raised from a GPU fault menu marks that GPU lost and takes it out of the node allocatable', async ({ page }) => {
  await openFresh(page, '?preset=gpu-lab');
  await speedUp(page);
  // Healthy and served by the device plugin: the name says nothing about health.
  const gpu = page.getByRole('button', { name: /^GPU 2 on t4-1: Tesla T4\. Free\.$/ });
  await expect(gpu).toBeVisible({ timeout: 30_000 });
  await openTerminal(page);
  await type(page, 'kubectl get node t4-1 -o jsonpath={.status.allocatable}');
  await expect(terminalOutput(page)).toContainText('"nvidia.com/gpu":"4"');

  await gpu.click({ button: 'right' });
  await page.getByRole('menuitem', { name: /^Xid 79: GPU has fallen off the bus/ }).click();
  const lost = page.getByRole('button', { name: /^GPU 2 on t4-1: Tesla T4, lost \(fallen off the bus\), Xid 79\. Free\.$/ });
  await expect(lost).toBeVisible();
  // The other GPUs are untouched.
  await expect(page.getByRole('button', { name: /^GPU [013] on t4-1: Tesla T4\. Free\.$/ })).toHaveCount(3);

  // The device plugin reports the GPU unhealthy; the kubelet's next status update lowers allocatable (capacity stays).
  await expect(async () => {
    await type(page, 'clear');
    await type(page, 'kubectl get node t4-1 -o jsonpath={.status.allocatable}');
    await expect(terminalOutput(page)).toContainText('"nvidia.com/gpu":"3"', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await type(page, 'clear');
  await type(page, 'kubectl get node t4-1 -o jsonpath={.status.capacity}');
  await expect(terminalOutput(page)).toContainText('"nvidia.com/gpu":"4"');
});
