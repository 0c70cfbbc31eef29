import { expect, test } from '@playwright/test';
import { commandLine, openFresh, openTerminal, setEditorText, speedUp, terminalOutput, type, waitForWorkers } from './helpers';

const deployment = (name: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources:
          requests: { cpu: 50m, memory: 32Mi }
`;

// A classroom projector and a small laptop: everything fits, nothing scrolls sideways.
for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  test(`at ${size.width}×${size.height} every part of the playground is on screen and usable`, async ({ page }) => {
    await page.setViewportSize(size);
    await openFresh(page);
    await waitForWorkers(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);

    const controls = [
      page.getByRole('combobox', { name: /^Cluster preset/ }),
      page.getByRole('button', { name: 'Pause' }),
      page.getByRole('combobox', { name: 'Speed' }),
      page.getByRole('button', { name: /^Fast-forward until the cluster is quiet/ }),
      page.getByRole('button', { name: 'Faults' }),
      page.getByRole('combobox', { name: 'Language' }),
      page.getByRole('button', { name: 'Keyboard shortcuts and help' }),
      page.getByRole('button', { name: /^Apply/ }),
      page.getByRole('button', { name: 'Templates' }),
      page.getByRole('group', { name: /^Node worker-2, Ready/ }),
      page.getByRole('tab', { name: 'Terminal' }),
      page.getByRole('tab', { name: 'Metrics' }),
    ];
    for (const control of controls) {
      await expect(control).toBeInViewport({ ratio: 1 });
    }

    await openTerminal(page);
    await type(page, 'kubectl get nodes');
    await expect(terminalOutput(page)).toContainText(/worker-2\s+Ready/);
    await expect(commandLine(page)).toBeInViewport({ ratio: 1 });
  });
}

// Auto-fit shrinks the diagram as the cluster grows, but not while the learner points at it:
// what they point at stays where it is until the pointer rests or leaves.
test('the diagram holds still while the learner points at it, and fits the grown cluster once the pointer rests', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openFresh(page);
  await waitForWorkers(page);
  await speedUp(page);
  // The manifest is typed and applied from the keyboard, so the pointer can stay on a node card.
  await setEditorText(page, deployment('many', 40));
  const worker = page.getByRole('group', { name: /^Node worker-2, Ready/ });
  await worker.hover({ position: { x: 10, y: 10 } });
  const before = (await worker.boundingBox())!;
  await page.keyboard.press('ControlOrMeta+Enter');
  // Keep pointing (small moves over the card) while the 40 pods start.
  const running = page.getByRole('button', { name: /^Pod many-[a-z0-9]+-[a-z0-9]{5}: Running on / });
  for (let i = 0; (await running.count()) < 40; i++) {
    expect(i).toBeLessThan(150);
    await page.mouse.move(before.x + 10 + (i % 2), before.y + 10);
    await page.waitForTimeout(200);
  }
  const grown = (await worker.boundingBox())!;
  expect({ x: grown.x, y: grown.y, width: grown.width }).toEqual({ x: before.x, y: before.y, width: before.width });
  expect(grown.height).toBeGreaterThan(before.height);

  // The pointer rests: the view shrinks to show the grown cluster whole.
  await expect.poll(async () => (await worker.boundingBox())!.width, { timeout: 5000 }).toBeLessThan(before.width);
});
