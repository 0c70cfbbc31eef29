import { createSimulation } from '../src/core';
import type { BenchResult } from './report';

/**
 * End-to-end simulation speed on the foundation: pods applied to a cluster, scheduled, pulled
 * and started by the kubelets, with every event recorded.
 */
export function podStartup(): BenchResult[] {
  const sim = createSimulation({ seed: 1, cluster: 'large' });
  const pods = 2000;
  const docs: string[] = [];
  for (let i = 0; i < pods; i++) {
    docs.push(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${i}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    resources:\n      requests: { cpu: 100m, memory: 64Mi }\n`);
  }
  const start = performance.now();
  const tasksBefore = sim.tasksRun();
  for (let i = 0; i < docs.length; i += 250) {
    const out = sim.apply(docs.slice(i, i + 250).join('---\n'));
    if (!out.ok) throw new Error(out.stderr);
  }
  sim.advance(120);
  const seconds = (performance.now() - start) / 1000;
  const running = sim.list('pods').filter((p) => (p.status as { phase?: string }).phase === 'Running').length;
  return [
    { name: `simulation: ${pods} pods to Running on 270 nodes`, value: seconds * 1000, unit: 'ms wall', note: `${running} running after 120 virtual s` },
    { name: 'simulation: engine tasks per wall second (same run)', value: (sim.tasksRun() - tasksBefore) / seconds, unit: 'tasks/s' },
  ];
}
