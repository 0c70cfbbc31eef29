import { chromium, type Page } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import type { BenchResult } from './report';

/**
 * The UI benchmark: a production build in Debian's Chromium, pods applied through the page's
 * `?bench` hook, frame times taken with requestAnimationFrame while they queue, fly to their
 * nodes, pulse while created and settle, and the worker → UI batches measured by the page
 * (latency from the worker sending a batch to the frame that draws it, objects and bytes).
 */
const PORT = Number(process.env.KUBELAB_BENCH_PORT ?? 4319);
const URL = `http://127.0.0.1:${PORT}/?bench`;
/** How long frames are recorded after the first apply: queue, flights, ContainerCreating, Running. */
const RECORD_MS = 12_000;

interface Scenario {
  readonly name: string;
  readonly cluster: string;
  readonly pods: number;
}

const cpuCluster = (nodes: number) => `apiVersion: kubelab.dev/v1alpha1
kind: Cluster
metadata: { name: bench-${nodes} }
spec:
  pools:
  - { name: cpu, count: ${nodes}, machine: cpu-standard, runtime: containerd }
`;

/** The DOM renderer draws clusters up to 240 pods as named chips; the canvas takes over beyond. */
const SCENARIOS: readonly Scenario[] = [
  // The noise floor: the same page with nothing happening, on a machine other processes share.
  { name: 'idle, 12 nodes, no pods (baseline)', cluster: cpuCluster(12), pods: 0 },
  { name: '200 pods, 12 nodes (DOM renderer, named chips)', cluster: cpuCluster(12), pods: 200 },
  { name: '500 pods, 40 nodes (canvas renderer)', cluster: cpuCluster(40), pods: 500 },
  { name: '5,000 pods, large preset: 270 nodes (canvas renderer)', cluster: 'large', pods: 5000 },
];

function podDocs(from: number, to: number): string {
  const docs: string[] = [];
  for (let i = from; i < to; i++) {
    docs.push(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${i}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    resources:\n      requests: { cpu: 100m, memory: 64Mi }\n`);
  }
  return docs.join('---\n');
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

async function run(page: Page, s: Scenario): Promise<BenchResult[]> {
  await page.goto(URL);
  await page.evaluate(() => localStorage.clear());
  await page.goto(URL);
  await page.waitForFunction(() => 'kubelab' in window && (window as unknown as { kubelab: { counts(): { nodes: number } } }).kubelab.counts().nodes > 0);
  await page.evaluate((c) => (window as unknown as { kubelab: { useCluster(c: string): Promise<void> } }).kubelab.useCluster(c), s.cluster);
  await page.waitForFunction(() => (window as unknown as { kubelab: { counts(): { nodes: number } } }).kubelab.counts().nodes > 0);
  // Monaco loads lazily; its one-time start-up is not part of what is measured.
  await page.locator('.monaco-editor').waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForTimeout(2500);
  // A string, not a function: tsx's transform would add helpers the page does not have.
  await page.evaluate(`(() => {
    window.kubelab.resetStats();
    window.frames = [];
    window.recording = true;
    let last = performance.now();
    const tick = (t) => {
      window.frames.push(t - last);
      last = t;
      if (window.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const started = Date.now();
  for (let i = 0; i < s.pods; i += 500) {
    const ok = await page.evaluate(`window.kubelab.apply(${JSON.stringify(podDocs(i, Math.min(s.pods, i + 500)))})`);
    if (!ok) throw new Error(`apply failed in ${s.name}`);
  }
  await page.waitForTimeout(Math.max(0, RECORD_MS - (Date.now() - started)));
  const out = await page.evaluate(() => {
    const w = window as unknown as {
      frames: number[];
      recording: boolean;
      kubelab: { stats(): { latencyMs: { p50: number; p95: number; count: number }; objects: { p50: number; p95: number; max: number }; bytes: { p50: number; p95: number; max: number } }; counts(): { pods: number; running: number } };
    };
    w.recording = false;
    return { frames: w.frames.slice(1), stats: w.kubelab.stats(), counts: w.kubelab.counts() };
  });
  const frames = out.frames;
  const p50 = quantile(frames, 0.5);
  const p95 = quantile(frames, 0.95);
  const fps = frames.length / (frames.reduce((a, b) => a + b, 0) / 1000);
  const st = out.stats;
  const tag = `ui: ${s.name}`;
  return [
    { name: `${tag}: frame time p50`, value: p50, unit: 'ms', note: `${Math.round(1000 / p50)} fps` },
    { name: `${tag}: frame time p95`, value: p95, unit: 'ms', note: `${Math.round(1000 / p95)} fps; mean ${fps.toFixed(1)} fps over ${frames.length} frames` },
    { name: `${tag}: batch latency p50`, value: st.latencyMs.p50, unit: 'ms', note: `${st.latencyMs.count} batches` },
    { name: `${tag}: batch latency p95`, value: st.latencyMs.p95, unit: 'ms', note: 'goal: within one frame (16.7 ms)' },
    { name: `${tag}: batch objects p50 / p95 / max`, value: st.objects.p95, unit: 'objects (p95)', note: `${st.objects.p50} / ${st.objects.p95} / ${st.objects.max}` },
    { name: `${tag}: batch size p50 / p95 / max`, value: st.bytes.p95 / 1024, unit: 'KiB (p95)', note: `${(st.bytes.p50 / 1024).toFixed(1)} / ${(st.bytes.p95 / 1024).toFixed(1)} / ${(st.bytes.max / 1024).toFixed(1)} KiB; ${out.counts.running}/${out.counts.pods} pods running at the end` },
  ];
}

export async function uiFrames(): Promise<BenchResult[]> {
  if (!process.env.KUBELAB_BENCH_NO_BUILD) execSync('npx vite build', { stdio: 'ignore' });
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const results: BenchResult[] = [];
    // KUBELAB_BENCH_ONLY=0,2 runs some scenarios (by index) while tuning.
    const only = process.env.KUBELAB_BENCH_ONLY?.split(',').map(Number);
    for (const [i, s] of SCENARIOS.entries()) if (!only || only.includes(i)) results.push(...(await run(page, s)));
    return results;
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}
