import { createSimulation } from '../src/core';
import type { BenchResult } from './report';

/**
 * What the node agents cost once pods run: an hour of steady state on the `large` preset (270
 * kubelets renewing leases, posting status, publishing metrics every 10 s, 2,000 running pods with
 * readiness probes), then a node failure followed to the eviction of its pods.
 */
export function kubeletSteadyState(): BenchResult[] {
  const sim = createSimulation({ seed: 1, cluster: 'large' });
  const docs: string[] = [];
  for (let i = 0; i < 2000; i++) {
    docs.push(
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${i}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    resources:\n      requests: { cpu: 100m, memory: 64Mi }\n    readinessProbe:\n      httpGet: { path: /, port: 80 }\n`,
    );
  }
  for (let i = 0; i < docs.length; i += 250) sim.apply(docs.slice(i, i + 250).join('---\n'));
  sim.advance(120);
  let start = performance.now();
  const cpu = process.cpuUsage();
  const tasksBefore = sim.tasksRun();
  sim.advance(3600);
  const hour = performance.now() - start;
  const hourCpu = process.cpuUsage(cpu).user / 1000;
  const tasks = sim.tasksRun() - tasksBefore;
  const node = 'cpu-1';
  start = performance.now();
  sim.inject({ type: 'node-down', node });
  sim.advance(420);
  const failure = performance.now() - start;
  const terminating = sim.list('pods').filter((p) => (p.spec as { nodeName?: string }).nodeName === node && p.metadata?.deletionTimestamp).length;
  return [
    { name: 'kubelet: 1 virtual hour, 2,000 probed pods on 270 nodes', value: hour, unit: 'ms wall', note: `${Math.round(hourCpu).toLocaleString('en-US')} ms CPU, ${tasks.toLocaleString('en-US')} engine tasks` },
    { name: 'kubelet: node-down to eviction (420 virtual s)', value: failure, unit: 'ms wall', note: `${terminating} pods evicted` },
  ];
}
