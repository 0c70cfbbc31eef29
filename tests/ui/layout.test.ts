import { describe, expect, it } from 'vitest';
import { COMPACT, DETAIL, densityFor, layoutCluster } from '../../src/ui/viz/layout';
import type { NodeView, PodView } from '../../src/worker/protocol';

const node = (id: string, pool: string, extra: Partial<NodeView> = {}): NodeView => ({
  kind: 'Node',
  id,
  name: id,
  pool,
  condition: 'Ready',
  status: 'Ready',
  unschedulable: false,
  roles: [],
  taints: [],
  keyLabels: {},
  allocatable: { cpuMillis: 4000, memoryBytes: 8 * 2 ** 30, pods: 110 },
  requested: { cpuMillis: 0, memoryBytes: 0, pods: 0 },
  extendedResources: [],
  problems: [],
  gpus: [],
  runtime: 'containerd://1.7.27',
  internalIP: '172.18.0.2',
  ...extra,
});

const gpus = (id: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ index: i, name: 'NVIDIA A100-SXM4-40GB', product: 'NVIDIA-A100-SXM4-40GB', memoryMiB: 40960, uuid: `GPU-${id}-${i}`, health: 'healthy' as const, lastXid: 0, pods: [] }));

const pod = (id: string, nodeName?: string, createdMs = 0, containers = 1): PodView => ({
  kind: 'Pod',
  id,
  name: id,
  namespace: 'default',
  ...(nodeName ? { node: nodeName } : {}),
  phase: 'Pending',
  status: 'Pending',
  ready: '0/1',
  visual: 'pending',
  restarts: 0,
  containers: Array.from({ length: containers }, (_, i) => ({ name: `c${i}`, image: 'nginx', state: 'waiting' as const, ready: false, restarts: 0 })),
  createdMs,
  deleting: false,
  requests: { cpuMillis: 0, memoryBytes: 0, gpus: 0 },
});

describe('cluster layout', () => {
  it('puts unbound pods in the queue lane and bound pods inside their node card', () => {
    const layout = layoutCluster({ nodes: [node('a', 'p'), node('b', 'p')], pods: [pod('q1'), pod('on-b', 'b')], width: 1200 });
    const queued = layout.pods.get('q1')!;
    expect(queued.inQueue).toBe(true);
    expect(queued.y).toBeLessThan(layout.queue.y + layout.queue.h);
    const placed = layout.pods.get('on-b')!;
    const b = layout.nodes.get('b')!;
    expect(placed.inQueue).toBe(false);
    expect(placed.x).toBeGreaterThanOrEqual(b.x);
    expect(placed.x + placed.w).toBeLessThanOrEqual(b.x + b.w);
    expect(placed.y).toBeGreaterThanOrEqual(b.y + b.rows.podsTop);
    expect(placed.y + placed.h).toBeLessThanOrEqual(b.y + b.h);
  });

  it('keeps pods in creation order on a node, two per row', () => {
    const layout = layoutCluster({ nodes: [node('a', 'p')], pods: [pod('late', 'a', 30), pod('early', 'a', 10), pod('mid', 'a', 20)], width: 1200 });
    const [early, mid, late] = ['early', 'mid', 'late'].map((id) => layout.pods.get(id)!);
    expect(early!.y).toBe(mid!.y);
    expect(early!.x).toBeLessThan(mid!.x);
    expect(late!.y).toBeGreaterThan(early!.y);
  });

  it('lets small pools share a row and wraps when the view is narrow', () => {
    const nodes = [node('cp', 'control-plane'), node('w1', 'worker'), node('w2', 'worker')];
    const wide = layoutCluster({ nodes, pods: [], width: 1200 });
    expect(wide.nodes.get('cp')!.y).toBe(wide.nodes.get('w1')!.y);
    const narrow = layoutCluster({ nodes, pods: [], width: DETAIL.cardW * 2 });
    expect(narrow.nodes.get('w1')!.y).toBeGreaterThan(narrow.nodes.get('cp')!.y);
  });

  it('makes room for GPUs, taints and extended resources in a card', () => {
    const plain = node('cpu', 'a');
    const gpu = node('gpu', 'b', {
      gpus: gpus('gpu', 8),
      taints: ['nvidia.com/gpu=present:NoSchedule'],
      extendedResources: [{ name: 'nvidia.com/gpu', capacity: 8, allocatable: 8, requested: 1 }],
    });
    const layout = layoutCluster({ nodes: [plain, gpu], pods: [pod('x', 'cpu'), pod('y', 'gpu')], width: 1200 });
    const a = layout.nodes.get('cpu')!.rows;
    const b = layout.nodes.get('gpu')!.rows;
    expect(b.barsTop).toBeGreaterThan(a.barsTop);
    expect(b.bars).toBe(a.bars + 1);
    expect(b.gpuH).toBeGreaterThan(0);
    expect(b.podsTop).toBeGreaterThan(a.podsTop);
  });

  it('opens an expanded pod across the card, one row per container', () => {
    const layout = layoutCluster({ nodes: [node('a', 'p')], pods: [pod('one', 'a', 1), pod('two', 'a', 2, 3), pod('three', 'a', 3)], width: 1200, expanded: new Set(['two']) });
    const two = layout.pods.get('two')!;
    const one = layout.pods.get('one')!;
    const three = layout.pods.get('three')!;
    expect(two.expanded).toBe(true);
    expect(two.w).toBeGreaterThan(one.w * 1.5);
    expect(two.h).toBeGreaterThan(one.h * 2);
    expect(two.y).toBeGreaterThan(one.y);
    expect(three.y).toBeGreaterThanOrEqual(two.y + two.h);
  });

  it('switches to compact squares for large clusters and counts what the queue cannot show', () => {
    expect(densityFor(3, 10)).toBe('detail');
    expect(densityFor(270, 10)).toBe('compact');
    expect(densityFor(3, 1000)).toBe('compact');
    const pods = Array.from({ length: 2000 }, (_, i) => pod(`p${i}`, undefined, i));
    const layout = layoutCluster({ nodes: [node('a', 'p')], pods, width: 800 });
    expect(layout.density).toBe('compact');
    expect(layout.pods.get('p0')!.w).toBe(COMPACT.podW);
    expect(layout.queueOverflow).toBeGreaterThan(0);
    expect(layout.pods.size + layout.queueOverflow).toBe(2000);
  });
});
