/**
 * Takes the README and docs screenshots from a production build: `npm run docs:screenshots`.
 * Needs Debian's Chromium at /usr/bin/chromium (see .ci/run).
 *
 * For each theme: the view at rest (docs/screenshot-<theme>.png), mid-animation while pods fly
 * from the scheduling queue to their nodes (docs/screenshot-<theme>-starting.png), and during a
 * node failure (docs/screenshot-<theme>-node-failure.png) when the simulation supports the
 * node-down fault, and with kubectl typed into the terminal (docs/screenshot-<theme>-terminal.png);
 * then a DGX A100 cluster with one node's GPUs cut into MIG slices, pods holding slices and whole
 * GPUs, and a GPU fallen off the bus (docs/screenshot-<theme>-gpu.png).
 * KUBELAB_SCREENSHOTS_PORT picks the preview server's port (4318 by default).
 */
import { chromium, type Page } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';

const PORT = Number(process.env.KUBELAB_SCREENSHOTS_PORT ?? 4318);
const URL = `http://127.0.0.1:${PORT}/`;

/** A Deployment behind a Service, and a pod too big for any node: queue, flights, lines, "why Pending?". */
const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        readinessProbe:
          httpGet: { path: /, port: 80 }
        resources:
          requests: { cpu: 500m, memory: 256Mi }
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports:
  - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: too-big
spec:
  containers:
  - name: trainer
    image: python:3.12
    resources:
      requests: { cpu: "6", memory: 8Gi }
`;

/** CUDA pods on whole GPUs or, where the MIG manager has cut them (single strategy), on MIG slices. */
const GPU_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cuda
spec:
  replicas: 10
  selector:
    matchLabels: { app: cuda }
  template:
    metadata:
      labels: { app: cuda }
    spec:
      containers:
      - name: cuda
        image: nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04
        command: [sleep, infinity]
        resources:
          limits: { nvidia.com/gpu: 1 }
`;

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByRole('textbox', { name: 'YAML manifest editor' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

async function shoot(page: Page, theme: string): Promise<void> {
  await page.goto(URL);
  await page.evaluate(() => localStorage.clear());
  await page.goto(URL);
  await page.getByRole('group', { name: /^Node worker-1/ }).waitFor();
  await page.getByRole('textbox', { name: 'YAML manifest editor' }).waitFor({ state: 'attached' });
  await page.waitForTimeout(1500);
  await paste(page, MANIFEST);
  await page.getByRole('button', { name: /^Apply/ }).click();
  // Mid-flight: the pods have left the queue and are on their way to the workers.
  await page.waitForTimeout(650);
  await page.screenshot({ path: `docs/screenshot-${theme}-starting.png` });

  await page.getByRole('button', { name: /^Service web: ClusterIP [\d.]+, 4 of 4 endpoints ready/ }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(4000);
  await page.getByRole('button', { name: /^Pod too-big/ }).click();
  await page.getByRole('button', { name: 'Why Pending?' }).click();
  await page.mouse.move(5, 5);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `docs/screenshot-${theme}.png` });

  // The same cluster through kubectl: a command typed in the terminal moves the view too.
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const prompt = page.getByRole('textbox', { name: 'Command line' });
  for (const command of ['kubectl get deploy,svc', 'kubectl scale deployment web --replicas=6', 'kubectl get pods -o wide']) {
    await prompt.fill(command);
    await prompt.press('Enter');
    await page.waitForTimeout(300);
  }
  await page.getByRole('button', { name: /^Pod web-.*: Running/ }).nth(5).waitFor({ timeout: 60_000 });
  await prompt.fill('kubectl get pods -o wide');
  await prompt.press('Enter');
  await page.waitForTimeout(600);
  await page.screenshot({ path: `docs/screenshot-${theme}-terminal.png` });
  await page.getByRole('tab', { name: 'Inspector' }).click();

  const down = page.getByRole('button', { name: /^Node worker-2/ });
  await down.click({ button: 'right' });
  const item = page.getByRole('menuitem', { name: 'Take the node down' });
  if ((await item.getAttribute('aria-disabled')) === 'true') {
    console.log(`${theme}: the simulation does not support node-down yet; no node-failure screenshot`);
    await page.keyboard.press('Escape');
    return;
  }
  await item.click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  await page.getByRole('group', { name: /^Node worker-2, (NotReady|Unknown)/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: /Terminating/ }).first().waitFor({ timeout: 60_000 });
  // The replacements have landed on the surviving worker; the evicted pods stay Terminating on
  // the unreachable node, whose kubelet cannot confirm they are gone.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `docs/screenshot-${theme}-node-failure.png` });
}

async function shootGpu(page: Page, theme: string): Promise<void> {
  await page.goto(`${URL}?preset=dgx-a100`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${URL}?preset=dgx-a100`);
  await page.getByRole('textbox', { name: 'YAML manifest editor' }).waitFor({ state: 'attached' });
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('100');
  // The device plugin has registered: GPUs are served (their names no longer say "not advertised").
  await page.getByRole('button', { name: /^GPU 0 on dgx-1: [^,]*\. Free\.$/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const prompt = page.getByRole('textbox', { name: 'Command line' });
  await prompt.fill('kubectl label node dgx-1 nvidia.com/mig.config=all-1g.5gb --overwrite');
  await prompt.press('Enter');
  await page.getByRole('button', { name: /^GPU 7 on dgx-1: .*1g\.5gb/ }).waitFor({ timeout: 60_000 });
  await paste(page, GPU_MANIFEST);
  await page.getByRole('button', { name: /^Apply/ }).click();
  await page.getByRole('button', { name: /^Pod cuda-.*: Running .*Holds/ }).nth(9).waitFor({ timeout: 60_000 });
  const gpu = page.getByRole('button', { name: /^GPU 5 on dgx-2:/ });
  await gpu.click({ button: 'right' });
  await page.getByRole('menuitem', { name: /^Xid 79: GPU has fallen off the bus/ }).click();
  await page.getByRole('button', { name: /^GPU 5 on dgx-2: .*lost/ }).waitFor({ timeout: 30_000 });
  await prompt.fill('kubectl get node dgx-1 -L nvidia.com/mig.config.state,nvidia.com/gpu.count');
  await prompt.press('Enter');
  await prompt.fill('kubectl get node dgx-2 -o jsonpath={.status.allocatable}');
  await prompt.press('Enter');
  // At actual size the DGX cards are legible: slices, held instances, the lost GPU.
  await page.getByRole('button', { name: 'Actual size' }).click();
  await page.mouse.move(5, 5);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `docs/screenshot-${theme}-gpu.png` });
}

async function main(): Promise<void> {
  execSync('npx vite build', { stdio: 'inherit' });
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: theme, permissions: ['clipboard-read', 'clipboard-write'] });
      // One page at a time: an open page keeps saving its session into the shared localStorage.
      const first = await context.newPage();
      await shoot(first, theme);
      await first.close();
      await shootGpu(await context.newPage(), theme);
      await context.close();
    }
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

void main();
