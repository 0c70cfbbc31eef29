import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../../src/core';

const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 4
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: "nginx:1.27", resources: { requests: { cpu: 100m } } }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  replicas: 2
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: pg, image: "postgres:16" }]
  volumeClaimTemplates:
  - metadata: { name: data }
    spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: tick }
spec:
  schedule: "*/2 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{ name: t, image: "busybox:1.36" }]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers: [{ name: a, image: "busybox:1.36" }]
`;

/** A session with every controller busy: rollouts, a rollback, scaling, deletions with each propagation policy. */
function session(sim: Simulation): void {
  sim.apply(WORKLOADS);
  sim.advance(45);
  sim.apply(WORKLOADS.replace('nginx:1.27', 'nginx:1.28'));
  sim.advance(20);
  sim.scale('deployment', 'web', 6);
  sim.advance(30);
  sim.rollout('undo', 'deployment', 'web');
  sim.advance(60);
  sim.delete('statefulset', 'db', undefined, { propagationPolicy: 'Foreground' });
  sim.advance(200);
  sim.delete('deployment', 'web', undefined, { propagationPolicy: 'Orphan' });
  sim.advance(10);
}

describe('determinism with the controllers running', () => {
  it('gives the same event log and objects, byte for byte, for the same seed and commands', () => {
    const run = (seed: number) => {
      const sim = createSimulation({ seed, cluster: 'minimal' });
      session(sim);
      return JSON.stringify({ events: sim.events(), pods: sim.list('pods'), rs: sim.list('rs'), slices: sim.list('endpointslices'), jobs: sim.list('jobs') });
    };
    const a = run(11);
    expect(run(11)).toBe(a);
    expect(run(12)).not.toBe(a);
  });

  it('restores a snapshot taken mid-rollout exactly, and the restored copy goes on identically', () => {
    const sim = createSimulation({ seed: 3, cluster: 'minimal' });
    session(sim);
    const snap = JSON.parse(JSON.stringify(sim.snapshot()));
    const copy = createSimulation();
    copy.restore(snap);
    const state = (s: Simulation) => JSON.stringify([s.now(), s.events(), ...['pods', 'rs', 'deploy', 'sts', 'pvc', 'pv', 'svc', 'endpointslices', 'jobs', 'cronjobs', 'ds', 'controllerrevisions'].map((k) => s.list(k))]);
    expect(state(copy)).toBe(state(sim));
    sim.advance(300);
    copy.advance(300);
    expect(state(copy)).toBe(state(sim));
    expect(copy.snapshot()).toEqual(sim.snapshot());
  });
});
