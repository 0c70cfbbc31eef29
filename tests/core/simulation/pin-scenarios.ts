import { createSimulation, type Simulation } from '../../../src/core';
import { fingerprint, type Fingerprint, WatchRecorder } from './fingerprint';

/**
 * Busy seeded scenarios whose complete observable output is pinned (event-log-pin.test.ts), so
 * that performance work can prove it changed nothing: every controller, the scheduler and the
 * kubelets work through rollouts, scaling, deletions, probes, an autoscaler, a drain and faults.
 */

function app(i: number, image: string, replicas: number, extra: { probe?: boolean; cpuUsage?: string; minReady?: number } = {}): string {
  const probe = extra.probe ? ', readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }' : '';
  const annotations = extra.cpuUsage ? `\n      annotations: { kubelab.dev/cpu-usage: "${extra.cpuUsage}" }` : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: app-${i} }
spec:
  replicas: ${replicas}
  minReadySeconds: ${extra.minReady ?? 0}
  strategy: { rollingUpdate: { maxSurge: ${i % 2 ? '25%' : 2}, maxUnavailable: ${i % 2 ? 1 : '10%'} } }
  selector: { matchLabels: { app: app-${i} } }
  template:
    metadata:
      labels: { app: app-${i}, tier: t${i % 3} }${annotations}
    spec:
      containers: [{ name: c, image: "${image}", resources: { requests: { cpu: 100m, memory: 64Mi } }${probe} }]
---
apiVersion: v1
kind: Service
metadata: { name: app-${i} }
spec: { selector: { app: app-${i} }, ports: [{ port: 80, targetPort: 80 }] }
`;
}

const EXTRAS = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: app-2 }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: app-2 }
  minReplicas: 2
  maxReplicas: 30
  metrics: [{ type: Resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } } }]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: app-1 }
spec: { minAvailable: 80%, selector: { matchLabels: { app: app-1 } } }
---
apiVersion: batch/v1
kind: Job
metadata: { name: batch }
spec:
  completions: 12
  parallelism: 4
  backoffLimit: 3
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: w, image: "busybox:1.36", command: ["sh", "-c", "sleep 7"] }]
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: tick }
spec:
  schedule: "*/3 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: t, image: "busybox:1.36", command: ["sh", "-c", "sleep 2; exit 1"] }]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers: [{ name: a, image: "fluentd:v1.16" }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  replicas: 3
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: pg, image: "postgres:16", ports: [{ name: pg, containerPort: 5432 }] }]
  volumeClaimTemplates:
  - metadata: { name: data }
    spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
---
apiVersion: v1
kind: Service
metadata: { name: db }
spec: { clusterIP: None, selector: { app: db }, ports: [{ port: 5432, targetPort: pg }] }
`;

/** 12 nodes in three zones, six Deployments behind Services and every other controller, churned each minute for 25 minutes. */
export function busyScenario(): Fingerprint {
  const sim = createSimulation({
    seed: 42,
    cluster: {
      name: 'pin',
      pools: ['a', 'b', 'c'].map((z) => ({ name: `w${z}`, count: 4, machine: 'cpu-standard', zone: `zone-${z}` })),
    },
  });
  const watch = new WatchRecorder(sim);
  const images = ['nginx:1.27', 'nginx:1.28', 'httpd:2.4'];
  const version = [0, 0, 0, 0, 0, 0];
  const size = [24, 24, 6, 24, 24, 24];
  const extra = (i: number) => ({ probe: i % 2 === 1, ...(i === 2 ? { cpuUsage: '180m' } : {}), ...(i === 3 ? { minReady: 5 } : {}) });
  sim.apply([...size.map((n, i) => app(i, images[0]!, n, extra(i))), EXTRAS].join('---\n'));
  for (let minute = 0; minute < 25; minute++) {
    sim.advance(minute % 4 === 0 ? 60 : 59.5);
    const i = minute % 6;
    if (i === 2) continue; // the autoscaler owns app-2's replicas
    if (minute % 3 === 0) {
      version[i] = (version[i]! + 1) % images.length;
      sim.apply(app(i, images[version[i]!]!, size[i]!, extra(i)));
    } else if (minute % 3 === 1) {
      size[i] = size[i] === 24 ? 18 : 24;
      sim.scale('deployment', `app-${i}`, size[i]!);
    } else {
      for (const p of sim.list('pods', { labelSelector: `app=app-${i}` }).slice(0, 3)) sim.delete('pod', p.metadata!.name!);
    }
    churnFaults(sim, minute);
  }
  sim.advance(120);
  return fingerprint(sim, watch);
}

function churnFaults(sim: Simulation, minute: number): void {
  if (minute === 4) {
    const victim = sim.list('pods', { labelSelector: 'app=app-0' })[0];
    if (victim) sim.inject({ type: 'container-crash', pod: victim.metadata!.name! });
  }
  if (minute === 6) sim.inject({ type: 'node-down', node: 'wa-2' });
  if (minute === 9) sim.drain('wb-1', { ignoreDaemonsets: true, deleteEmptydirData: true });
  if (minute === 12) sim.inject({ type: 'node-up', node: 'wa-2' });
  if (minute === 14) sim.uncordon('wb-1');
  if (minute === 15) sim.inject({ type: 'network-partition', node: 'wc-3' });
  if (minute === 17) sim.inject({ type: 'network-heal', node: 'wc-3' });
  if (minute === 19) sim.delete('deployment', 'app-5', undefined, { propagationPolicy: 'Foreground' });
  if (minute === 20) sim.delete('statefulset', 'db', undefined, { propagationPolicy: 'Orphan' });
  if (minute === 22) sim.kubectl('rollout undo deployment/app-0');
}

/** The controllers' determinism session on the `minimal` preset, with a node failure and recovery. */
export function minimalScenario(): Fingerprint {
  const sim = createSimulation({ seed: 11, cluster: 'minimal' });
  const watch = new WatchRecorder(sim);
  sim.apply(app(0, 'nginx:1.27', 4, { probe: true }) + '---\n' + EXTRAS.replace('maxReplicas: 30', 'maxReplicas: 4'));
  sim.advance(45);
  sim.apply(app(0, 'nginx:1.28', 4, { probe: true }));
  sim.advance(20);
  sim.scale('deployment', 'app-0', 6);
  sim.advance(30);
  sim.rollout('undo', 'deployment', 'app-0');
  sim.inject({ type: 'node-down', node: 'worker-2' });
  sim.advance(400);
  sim.inject({ type: 'node-up', node: 'worker-2' });
  sim.advance(60);
  sim.delete('deployment', 'app-0', undefined, { propagationPolicy: 'Orphan' });
  sim.advance(100);
  return fingerprint(sim, watch);
}

/** A GPU lab: GPU pods through the device plugin and an Xid fault. */
export function gpuScenario(): Fingerprint {
  const sim = createSimulation({ seed: 5, cluster: 'gpu-lab' });
  const watch = new WatchRecorder(sim);
  sim.advance(60);
  sim.apply(`apiVersion: apps/v1
kind: Deployment
metadata: { name: train }
spec:
  replicas: 3
  selector: { matchLabels: { app: train } }
  template:
    metadata: { labels: { app: train } }
    spec:
      containers: [{ name: t, image: "nvcr.io/nvidia/pytorch:24.05-py3", resources: { limits: { nvidia.com/gpu: 1 } } }]
`);
  sim.advance(300);
  const node = sim.list('nodes').find((n) => n.metadata?.labels?.['nvidia.com/gpu.present'] === 'true')?.metadata?.name;
  if (node) sim.inject({ type: 'gpu-xid', node, gpu: 0, xid: 79 });
  sim.advance(300);
  return fingerprint(sim, watch);
}
