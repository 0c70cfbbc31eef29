/**
 * Takes the README and docs screenshots from a production build: `npm run docs:screenshots`.
 * Needs Debian's Chromium at /usr/bin/chromium (see .ci/run).
 */
import { chromium, type Page } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';

const PORT = 4318;
const POD = (name: string, cpu: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    resources:
      requests:
        cpu: ${cpu}
        memory: 256Mi
`;

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByRole('textbox', { name: 'YAML manifest editor' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

async function main(): Promise<void> {
  execSync('npx vite build', { stdio: 'inherit' });
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: theme, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.evaluate(() => localStorage.clear());
      await page.goto(`http://127.0.0.1:${PORT}/?preset=minimal`);
      await page.getByRole('group', { name: /Node worker-1/ }).waitFor();
      const docs = [POD('web-1', '500m'), POD('web-2', '500m'), POD('web-3', '1'), POD('too-big', '6')].join('---\n');
      await paste(page, docs);
      await page.getByRole('button', { name: /Apply/ }).click();
      await page.waitForTimeout(1400);
      await page.screenshot({ path: `docs/screenshot-${theme}-starting.png` });
      await page.waitForTimeout(9000);
      await page.screenshot({ path: `docs/screenshot-${theme}.png` });
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

void main();
