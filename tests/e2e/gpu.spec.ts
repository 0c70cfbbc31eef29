import { expect, test } from '@playwright/test';
import { applyButton, applyOutput, openFresh, openTerminal, speedUp, terminalOutput, type } from './helpers';

const GPU_NODES = ['t4-1', 'a100-1', 'h100-1'];

test('a GPU pod from the template is bound to a GPU node and runs there', async ({ page }) => {
  await openFresh(page, '?preset=gpu-lab');
  await expect(page.getByRole('group', { name: /^Node t4-1, Ready/ })).toBeVisible();
  await speedUp(page);
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /^GPU pod \(CUDA sample\)/ }).click();
  await expect(page.getByRole('tab', { name: 'gpu-pod.yaml' })).toHaveAttribute('aria-selected', 'true');
  await applyButton(page).click();
  await expect(applyOutput(page)).toContainText('pod/cuda-vectoradd created');

  // A node offers nvidia.com/gpu once the NVIDIA device plugin runs on it; until the simulation
  // has a device plugin (issue 6), no node does, and the pod rightly waits: Insufficient nvidia.com/gpu.
  await openTerminal(page);
  await type(page, 'kubectl get node t4-1 -o jsonpath={.status.allocatable}');
  await expect(terminalOutput(page)).toContainText('"pods":"110"');
  const advertised = (await terminalOutput(page).textContent())!.includes('nvidia.com/gpu');
  if (!advertised) {
    await expect(page.getByRole('button', { name: /^Pod cuda-vectoradd: Pending\. .*Insufficient nvidia\.com\/gpu/ })).toBeVisible();
  }
  test.skip(!advertised, 'no node advertises nvidia.com/gpu yet: the device plugin is not simulated on this core');

  const placed = page.getByRole('button', { name: new RegExp(`^Pod cuda-vectoradd: (ContainerCreating|Running|Completed) on (${GPU_NODES.join('|')})`) });
  await expect(placed).toBeVisible({ timeout: 30_000 });
  await type(page, 'kubectl get pod cuda-vectoradd -o wide');
  await expect(terminalOutput(page)).toContainText(new RegExp(`cuda-vectoradd\\s+\\S+\\s+\\S+\\s+\\d+\\s+\\S+\\s+\\S+\\s+(${GPU_NODES.join('|')})`));
});
