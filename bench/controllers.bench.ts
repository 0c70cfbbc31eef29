import { createSimulation } from '../src/core';
import type { BenchResult } from './report';

/**
 * A busy virtual hour: 100 nodes, 20 Deployments of 100 pods each (2,000 pods) behind Services,
 * with churn every virtual minute — a rolling update, a scale up or down, pods deleted — so
 * every controller, the scheduler and the kubelets work throughout. Reports wall time for the
 * hour, engine events (timed tasks) per second, and virtual seconds per second, measured in CPU
 * time of the process (the machine is shared; wall time is printed alongside).
 */
const DEPLOYMENTS = 20;
const REPLICAS = 100;
const VIRTUAL_SECONDS = Number(process.env.BENCH_VIRTUAL_SECONDS ?? 3600);

function deployment(i: number, image: string, replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: app-${i} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: app-${i} } }
  template:
    metadata: { labels: { app: app-${i} } }
    spec:
      containers: [{ name: c, image: "${image}", resources: { requests: { cpu: 50m, memory: 64Mi } } }]
---
apiVersion: v1
kind: Service
metadata: { name: app-${i} }
spec: { selector: { app: app-${i} }, ports: [{ port: 80 }] }
`;
}

export function busyHour(): BenchResult[] {
  const sim = createSimulation({ seed: 7, cluster: { name: 'bench', pools: [{ name: 'w', count: 100, machine: 'cpu-standard' }] } });
  const images = ['nginx:1.27', 'nginx:1.28', 'redis:7.2'];
  const version = new Array<number>(DEPLOYMENTS).fill(0);
  const size = new Array<number>(DEPLOYMENTS).fill(REPLICAS);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const tasksBefore = sim.tasksRun();
  const out = sim.apply(Array.from({ length: DEPLOYMENTS }, (_, i) => deployment(i, images[0]!, REPLICAS)).join('---\n'));
  if (!out.ok) throw new Error(out.stderr);
  for (let minute = 0; minute < VIRTUAL_SECONDS / 60; minute++) {
    sim.advance(60);
    const i = minute % DEPLOYMENTS;
    if (minute % 3 === 0) {
      version[i] = (version[i]! + 1) % images.length;
      sim.apply(deployment(i, images[version[i]!]!, size[i]!));
    } else if (minute % 3 === 1) {
      size[i] = size[i] === REPLICAS ? REPLICAS - 10 : REPLICAS;
      sim.scale('deployment', `app-${i}`, size[i]!);
    } else {
      const victims = sim.list('pods', { labelSelector: `app=app-${i}` }).slice(0, 5);
      for (const p of victims) sim.delete('pod', p.metadata!.name!);
    }
  }
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // CPU time, not wall time: the figure should not depend on what else the machine is running.
  const seconds = (cpu.user + cpu.system) / 1e6;
  const tasks = sim.tasksRun() - tasksBefore;
  const pods = sim.list('pods').length;
  return [
    { name: 'controllers: busy virtual hour, 100 nodes, 2,000 pods', value: seconds * 1000, unit: 'ms CPU', note: `${Math.round(wall * 1000)} ms wall; ${pods} pods at the end` },
    { name: 'controllers: engine events per CPU second (same run)', value: tasks / seconds, unit: 'events/s', note: `${tasks.toLocaleString('en-US')} timed tasks` },
    { name: 'controllers: virtual seconds per CPU second (same run)', value: VIRTUAL_SECONDS / seconds, unit: 'virtual s/s' },
  ];
}
