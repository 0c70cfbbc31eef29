import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { Rng } from '../../../src/core/engine/rng';
import { gpuModel } from '../../../src/core/gpu/catalogue';
import { createComputeInstance, createGpuInstance, MIG_DISABLED, MIG_ENABLED_EMPTY, type MigState } from '../../../src/core/gpu/mig-geometry';
import { migGeometry, profileByName } from '../../../src/core/gpu/mig-profiles';
import type { NodeGpu } from '../../../src/core/gpu/node-gpu';
import { parseGoDuration } from '../../../src/core/format/duration';
import { backOffMs, gpuView } from '../../../src/core/view/project';
import { bootedCluster, reconfigure } from '../gpu/scenarios/helpers';

describe('pod views', () => {
  it('read the kubelet back-off from its waiting message', () => {
    expect(backOffMs('back-off 40s restarting failed container=web pod=web_default(1234)')).toBe(40_000);
    expect(backOffMs('back-off 5m0s restarting failed container=web pod=web_default(1234)')).toBe(300_000);
    expect(backOffMs('Back-off pulling image "nginx:nope"')).toBeUndefined();
    expect(parseGoDuration('2m40s')).toBe(160_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('soon')).toBeUndefined();
  });
});

describe('the inspector projection', () => {
  it('explains a pod that fits nowhere, node by node, with the filter that rejected each', () => {
    const sim = createSimulation({ cluster: 'minimal' });
    sim.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    resources:\n      requests: { cpu: "6" }\n');
    sim.advance(2);
    const view = sim.inspect({ kind: 'pod', name: 'big' });
    expect(view.found).toBe(true);
    expect(view.describe).toContain('Name:             big');
    expect(view.yaml).toContain('reason: Unschedulable');
    const e = view.explanation!;
    expect(e.outcome).toBe('Unschedulable');
    expect(e.nodes.map((n) => [n.node, n.verdict, n.plugin])).toEqual([
      ['control-plane', 'rejected', 'TaintToleration'],
      ['worker-1', 'rejected', 'NodeResourcesFit'],
      ['worker-2', 'rejected', 'NodeResourcesFit'],
    ]);
  });

  it('puts the chosen node first with every score plugin, for a pod that was placed', () => {
    const sim = createSimulation({ cluster: 'minimal' });
    sim.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: small\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n');
    sim.advance(2);
    const e = sim.inspect({ kind: 'pod', name: 'small' }).explanation!;
    expect(e.outcome).toBe('Scheduled');
    expect(e.nodes[0]).toMatchObject({ node: e.node, verdict: 'chosen' });
    expect(e.scorePlugins.length).toBeGreaterThan(0);
    expect(e.nodes[0]!.scores).toHaveLength(e.scorePlugins.length);
    expect(e.nodes.at(-1)).toMatchObject({ node: 'control-plane', verdict: 'rejected' });
  });

  it('describes a GPU from its hardware, and says what no longer exists', () => {
    const sim = createSimulation({ cluster: 'dgx-a100' });
    const gpu = sim.inspect({ kind: 'Gpu', node: 'dgx-1', index: 3 });
    expect(gpu.describe).toContain('NVIDIA A100-SXM4-40GB');
    expect(gpu.yaml).toBeUndefined();
    expect(sim.inspect({ kind: 'pod', name: 'gone' }).found).toBe(false);
  });

  it("adds the GPU stack's live view: health, the Xid and the recovery it needs, sensors, MIG config", () => {
    const sim = createSimulation({ cluster: 'dgx-a100' });
    sim.advance(60);
    const before = sim.inspect({ kind: 'Gpu', node: 'dgx-1', index: 3 }).describe;
    expect(before).toMatch(/^Health: +healthy$/m);
    expect(before).toMatch(/^Last Xid: +<none>$/m);
    expect(before).toMatch(/^Temperature: +\d+ C$/m);
    expect(before).toMatch(/^Memory Used: +0 MiB \/ 40960 MiB$/m);
    sim.inject({ type: 'gpu-xid', node: 'dgx-1', gpu: 3, xid: 48 });
    sim.advance(5);
    const after = sim.inspect({ kind: 'Gpu', node: 'dgx-1', index: 3 }).describe;
    expect(after).toMatch(/^Health: +unhealthy$/m);
    expect(after).toMatch(/^Last Xid: +48$/m);
    expect(after).toMatch(/^Recovery: +gpu-reset$/m);
    const node = sim.createViewTracker().snapshot(0).nodes.find((n) => n.name === 'dgx-1')!;
    expect(node.gpus[3]).toMatchObject({ health: 'unhealthy', lastXid: 48, recovery: 'gpu-reset' });
  });

  it('gives a time-sliced GPU its replicas', () => {
    const sim = bootedCluster('dgx-a100');
    reconfigure(sim, 'dgx-2', 'all-disabled', 'time-sliced');
    const gpus = (node: string) => sim.createViewTracker().snapshot(0).nodes.find((n) => n.name === node)!.gpus;
    expect(gpus('dgx-2').map((g) => g.replicas)).toEqual(Array(8).fill(4));
    expect(gpus('dgx-1')[0]!.replicas).toBeUndefined();
  });
});

describe('the view tracker', () => {
  const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        resources: { requests: { cpu: 100m } }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 5
  metrics:
  - type: Resource
    resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } }
`;

  it('projects Services with their endpoints and autoscalers with their targets, and reports them removed', () => {
    const sim = createSimulation({ cluster: 'minimal' });
    const tracker = sim.createViewTracker();
    expect(sim.apply(DEPLOY).ok).toBe(true);
    sim.advance(30);
    const diff = tracker.flush(30_000);
    const svc = diff.services.find((s) => s.name === 'web')!;
    expect(svc).toMatchObject({ id: 'svc/default/web', type: 'ClusterIP', ports: ['80→8080/TCP'] });
    expect(svc.endpoints).toHaveLength(2);
    expect(svc.endpoints.every((e) => e.ready && e.podId)).toBe(true);
    const snapshot = tracker.snapshot(30_000);
    const hpa = snapshot.autoscalers.find((h) => h.name === 'web')!;
    expect(hpa).toMatchObject({ target: 'Deployment/web', minReplicas: 2, maxReplicas: 5 });
    expect(hpa.metrics).toEqual([expect.objectContaining({ name: 'cpu', target: 50, targetType: 'Utilization' })]);
    expect(snapshot.services.map((s) => s.name)).toContain('kubernetes');

    sim.delete('service', 'web');
    sim.delete('hpa', 'web');
    expect(tracker.flush(31_000).removed).toEqual(expect.arrayContaining(['svc/default/web', 'hpa/default/web']));
  });
});

describe('view diffs under a burst', () => {
  it('spread thousands of changed pods over several diffs, losing none', () => {
    const sim = createSimulation({ cluster: 'minimal' });
    const tracker = sim.createViewTracker();
    const docs = Array.from({ length: 450 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p-${i}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n`);
    expect(sim.apply(docs.join('---\n')).ok).toBe(true);
    const seen = new Set<string>();
    let diffs = 0;
    while (tracker.hasChanges) {
      const d = tracker.flush(0, 200);
      expect(d.pods.length).toBeLessThanOrEqual(200);
      for (const p of d.pods) seen.add(p.name);
      diffs++;
    }
    expect(seen.size).toBe(450);
    expect(diffs).toBeGreaterThanOrEqual(3);
  });
});

describe('GPU views', () => {
  const a100 = gpuModel('A100-SXM4-40GB')!;
  const geometry = migGeometry('A100-SXM4-40GB')!;
  const gpu = (mig: MigState): NodeGpu => ({ index: 2, model: a100, uuid: 'GPU-1', busId: '00000000:47:00.0', mig });

  /** Create GPU instances of the named profiles at the given starts, each with one full compute instance. */
  function layout(parts: [string, number][]): MigState {
    const rng = new Rng(1);
    let state: MigState = MIG_ENABLED_EMPTY;
    for (const [name, start] of parts) {
      const gi = createGpuInstance(geometry, state, profileByName(geometry, name)!, start);
      if (!gi.ok) throw new Error(gi.error.reason);
      const ci = createComputeInstance(geometry, gi.value.state, gi.value.instance.id, rng);
      if (!ci.ok) throw new Error(ci.error.reason);
      state = ci.value.state;
    }
    return state;
  }

  it('give a MIG-capable GPU its 8 memory and 7 compute slices, and nothing more while MIG is off', () => {
    const view = gpuView(gpu(MIG_DISABLED));
    expect(view.slices).toEqual({ memory: 8, compute: 7 });
    expect(view.mig).toBeUndefined();
    expect(gpuView({ ...gpu(MIG_DISABLED), model: gpuModel('T4')! }).slices).toBeUndefined();
  });

  it('place MIG instances where they really sit, and mark the slices a layout leaves unusable', () => {
    // 4g.20gb takes slices 0–3 and 4 compute slices; a 2g.10gb at 4 leaves 2 compute slices, so
    // slices 6–7 can only take a 1g.5gb or 1g.10gb; none is unusable yet.
    const view = gpuView(gpu(layout([['4g.20gb', 0], ['2g.10gb', 4]])));
    expect(view.mig!.instances.map((i) => [i.profile, i.start, i.size, i.computeSlices])).toEqual([
      ['4g.20gb', 0, 4, 4],
      ['2g.10gb', 4, 2, 2],
    ]);
    expect(view.mig!.unusable).toEqual([]);
    // Seven 1g.5gb instances use all 7 compute slices; memory slice 7 is free but no profile fits.
    const full = gpuView(gpu(layout([0, 1, 2, 3, 4, 5, 6].map((s) => ['1g.5gb', s] as [string, number]))));
    expect(full.mig!.instances).toHaveLength(7);
    expect(full.mig!.unusable).toEqual([7]);
  });
});
