import type { Container } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { CycleState } from '../../../../src/core/scheduler/framework';
import { PodInfo } from '../../../../src/core/scheduler/pod-info';
import { createNodeResourcesFit } from '../../../../src/core/scheduler/plugins/node-resources-fit';
import { cluster, filterAll, node, pod, podRequesting, verdict } from '../builders';

const c = (name: string, requests: Record<string, string>, restartPolicy?: string): Container => ({
  name,
  image: 'busybox:1.36',
  resources: { requests },
  ...(restartPolicy ? { restartPolicy } : {}),
});

const dgx = node('dgx', { cpu: '128', memory: '1Ti', extended: { 'nvidia.com/gpu': '8' } });
const migNode = node('mig', { cpu: '64', memory: '512Gi', extended: { 'nvidia.com/mig-1g.5gb': '7', 'nvidia.com/mig-3g.20gb': '2' } });
const cpuNode = node('cpu', { cpu: '4', memory: '16Gi' });

describe('NodeResourcesFit filter: GPUs and MIG devices', () => {
  const cases: { name: string; requests: Record<string, string>; used?: Record<string, string>; node: typeof dgx; want: string }[] = [
    { name: 'A pod asking for one GPU fits a DGX node with eight free.', requests: { 'nvidia.com/gpu': '1' }, node: dgx, want: 'fits' },
    { name: 'A pod asking for all eight GPUs fits an idle DGX node.', requests: { 'nvidia.com/gpu': '8' }, node: dgx, want: 'fits' },
    {
      name: 'A pod asking for a GPU does not fit where the GPUs are taken, and preemption might help.',
      requests: { 'nvidia.com/gpu': '2' },
      used: { 'nvidia.com/gpu': '7' },
      node: dgx,
      want: 'Unschedulable: Insufficient nvidia.com/gpu',
    },
    {
      name: 'A pod asking for more GPUs than the node has is unresolvable.',
      requests: { 'nvidia.com/gpu': '9' },
      node: dgx,
      want: 'UnschedulableAndUnresolvable: Insufficient nvidia.com/gpu',
    },
    { name: 'A GPU pod does not fit a CPU-only node.', requests: { 'nvidia.com/gpu': '1' }, node: cpuNode, want: 'UnschedulableAndUnresolvable: Insufficient nvidia.com/gpu' },
    { name: 'A MIG slice request fits a node advertising that profile (mixed strategy).', requests: { 'nvidia.com/mig-3g.20gb': '2' }, node: migNode, want: 'fits' },
    {
      name: 'A MIG profile the node does not advertise does not fit.',
      requests: { 'nvidia.com/mig-2g.10gb': '1' },
      node: migNode,
      want: 'UnschedulableAndUnresolvable: Insufficient nvidia.com/mig-2g.10gb',
    },
    {
      name: 'Every insufficient resource is reported, cpu and memory before extended ones.',
      requests: { cpu: '200', memory: '2Ti', 'nvidia.com/gpu': '1' },
      node: cpuNode,
      want: 'UnschedulableAndUnresolvable: Insufficient cpu, Insufficient memory, Insufficient nvidia.com/gpu',
    },
  ];
  for (const t of cases) {
    it(t.name, () => {
      const running = t.used ? [pod('running', { requests: t.used, nodeName: t.node.metadata.name })] : [];
      const out = filterAll(createNodeResourcesFit(), podRequesting('p', t.requests), cluster([t.node], running));
      expect(verdict(out[t.node.metadata.name]!)).toBe(t.want);
    });
  }

  it('A node at its pod limit reports Too many pods.', () => {
    const full = node('full', { pods: '1' });
    const out = filterAll(createNodeResourcesFit(), podRequesting('p', { cpu: '1' }), cluster([full], [pod('x', { nodeName: 'full' })]));
    expect(verdict(out.full!)).toBe('Unschedulable: Too many pods');
  });

  it('Ignored extended resources are not checked.', () => {
    const out = filterAll(createNodeResourcesFit({ ignoredResources: ['example.com/widget'] }), podRequesting('p', { 'example.com/widget': '3' }), cluster([cpuNode]));
    expect(verdict(out.cpu!)).toBe('fits');
  });
});

describe('NodeResourcesFit: the pod request (init containers, sidecars, overhead)', () => {
  const cases: { name: string; containers: Container[]; init?: Container[]; overhead?: Record<string, string>; cpu: number; memory: number }[] = [
    { name: 'App containers add up.', containers: [c('a', { cpu: '1', memory: '1Gi' }), c('b', { cpu: '500m', memory: '1Gi' })], cpu: 1500, memory: 2 * 2 ** 30 },
    {
      name: 'The largest init container counts when it is larger than the app containers together.',
      containers: [c('a', { cpu: '1', memory: '1Gi' }), c('b', { cpu: '1', memory: '1Gi' })],
      init: [c('i1', { cpu: '2', memory: '1Gi' }), c('i2', { cpu: '500m', memory: '3Gi' })],
      cpu: 2000,
      memory: 3 * 2 ** 30,
    },
    {
      name: 'Init containers smaller than the app containers do not add to the request.',
      containers: [c('a', { cpu: '3', memory: '1Gi' })],
      init: [c('i', { cpu: '1', memory: '512Mi' })],
      cpu: 3000,
      memory: 2 ** 30,
    },
    {
      name: 'A sidecar (restartPolicy Always) adds to the app containers and to the init containers after it.',
      containers: [c('a', { cpu: '1' })],
      init: [c('sidecar', { cpu: '500m' }, 'Always'), c('later', { cpu: '2' })],
      cpu: 2500,
      memory: 0,
    },
    { name: 'Pod overhead is added on top.', containers: [c('a', { cpu: '1', memory: '1Gi' })], overhead: { cpu: '250m', memory: '120Mi' }, cpu: 1250, memory: 2 ** 30 + 120 * 2 ** 20 },
  ];
  for (const t of cases) {
    it(t.name, () => {
      const pi = new PodInfo(pod('p', { containers: t.containers, ...(t.init ? { initContainers: t.init } : {}), ...(t.overhead ? { overhead: t.overhead } : {}) }));
      expect([pi.requests.milliCPU, pi.requests.memory]).toEqual([t.cpu, t.memory]);
    });
  }

  it('A pod whose largest init container does not fit is rejected even though its app containers would.', () => {
    const p = pod('p', { containers: [c('a', { cpu: '1' })], initContainers: [c('migrate', { cpu: '3500m' })] });
    const out = filterAll(createNodeResourcesFit(), p, cluster([cpuNode], [pod('x', { requests: { cpu: '1' }, nodeName: 'cpu' })]));
    expect(verdict(out.cpu!)).toBe('Unschedulable: Insufficient cpu');
  });
});

describe('NodeResourcesFit score: strategies', () => {
  const busy = node('busy', { cpu: '8', memory: '32Gi' });
  const idle = node('idle', { cpu: '8', memory: '32Gi' });
  const cl = cluster([busy, idle], [pod('x', { requests: { cpu: '6', memory: '24Gi' }, nodeName: 'busy' })]);
  const score = (plugin: ReturnType<typeof createNodeResourcesFit>, name: string) => plugin.score(new CycleState(), new PodInfo(podRequesting('p', { cpu: '1', memory: '4Gi' })), cl.info(name));

  it('LeastAllocated (the default) prefers the emptier node: mean of the free fractions.', () => {
    const plugin = createNodeResourcesFit();
    // busy: cpu (8000-7000)/8000 → 12, memory (32-28)/32 → 12; idle: 87, 87.
    expect([score(plugin, 'busy'), score(plugin, 'idle')]).toEqual([12, 87]);
  });

  it('MostAllocated prefers the fuller node, which packs pods.', () => {
    const plugin = createNodeResourcesFit({ scoringStrategy: { type: 'MostAllocated', resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] } });
    expect([score(plugin, 'busy'), score(plugin, 'idle')]).toEqual([87, 12]);
  });

  it('RequestedToCapacityRatio follows its shape between the points.', () => {
    const plugin = createNodeResourcesFit({
      scoringStrategy: { type: 'RequestedToCapacityRatio', resources: [{ name: 'cpu', weight: 1 }], requestedToCapacityRatio: { shape: [{ utilization: 0, score: 0 }, { utilization: 100, score: 10 }] } },
    });
    expect([score(plugin, 'busy'), score(plugin, 'idle')]).toEqual([87, 12]);
  });

  it('MostAllocated on nvidia.com/gpu packs GPU pods onto the node with fewest free GPUs.', () => {
    const a = node('a', { extended: { 'nvidia.com/gpu': '8' } });
    const b = node('b', { extended: { 'nvidia.com/gpu': '8' } });
    const gcl = cluster([a, b], [pod('x', { requests: { 'nvidia.com/gpu': '6' }, nodeName: 'a' })]);
    const plugin = createNodeResourcesFit({ scoringStrategy: { type: 'MostAllocated', resources: [{ name: 'nvidia.com/gpu', weight: 1 }] } });
    const pi = new PodInfo(podRequesting('p', { 'nvidia.com/gpu': '1' }));
    expect([plugin.score(new CycleState(), pi, gcl.info('a')), plugin.score(new CycleState(), pi, gcl.info('b'))]).toEqual([87, 12]);
  });

  it('Containers without requests count at 100m and 200 MB when scoring.', () => {
    const plugin = createNodeResourcesFit();
    const one = cluster([node('n', { cpu: '1', memory: '1000Mi' })]);
    // cpu (1000-100)/1000 → 90; memory (1000Mi-200MB)/1000Mi → 80.
    expect(plugin.score(new CycleState(), new PodInfo(pod('p')), one.info('n'))).toBe(85);
  });
});
