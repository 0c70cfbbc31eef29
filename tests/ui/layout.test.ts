import { describe, expect, it } from 'vitest';
import { fitScale, fittedLayout } from '../../src/ui/viz/fit';
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

describe('fitted layout', () => {
  /** GPUs with MIG geometry, drawn with their slices: a DGX card is two columns wide. */
  const sliced = (id: string, n: number) => gpus(id, n).map((g) => ({ ...g, slices: { memory: 8, compute: 7 } }));

  it('keeps the view width when the cluster fits', () => {
    const l = fittedLayout({ nodes: [node('cp', 'control-plane'), node('w1', 'worker'), node('w2', 'worker')], pods: [], width: 900 }, 600);
    expect(l.width).toBe(900);
    expect(fitScale(l, 900, 600)).toBe(1);
  });

  it('lays a tall GPU cluster out wider, pools side by side, when that draws it larger in its view', () => {
    const nodes = [node('dgx-1', 'dgx', { gpus: sliced('a', 8) }), node('dgx-2', 'dgx', { gpus: sliced('b', 8) }), node('cpu-1', 'cpu')];
    const input = { nodes, pods: [], width: 800 };
    const atViewWidth = layoutCluster(input);
    // At the view's width every pool is in one column, about 830 px tall: shrunk to 0.63 in a 520 px view.
    expect(atViewWidth.nodes.get('cpu-1')!.y).toBeGreaterThan(atViewWidth.nodes.get('dgx-2')!.y);
    expect(fitScale(atViewWidth, 800, 520)).toBeCloseTo(0.627, 3);

    // The view passes its maps' value iterators: every candidate layout must see all of them.
    const fitted = fittedLayout({ ...input, nodes: new Map(nodes.map((n) => [n.id, n])).values() }, 520);
    expect(fitted.width).toBe(1000);
    expect([...fitted.nodes.keys()]).toEqual(['dgx-1', 'dgx-2', 'cpu-1']);
    expect(fitted.nodes.get('cpu-1')!.y).toBe(fitted.nodes.get('dgx-1')!.y);
    expect(fitScale(fitted, 800, 520)).toBeCloseTo(0.793, 3);
  });

  it('when nothing fits at the smallest scale, spreads only as wide as the view holds at that scale', () => {
    const nodes = [node('dgx-1', 'dgx', { gpus: sliced('a', 8) }), node('dgx-2', 'dgx', { gpus: sliced('b', 8) }), node('cpu-1', 'cpu')];
    // In a 300 px tall view nothing fits at 0.6: the layout is no wider than 800 px holds at 0.6
    // (1,333 px), and the shortest such (both DGX cards side by side), overflowing only downwards.
    const l = fittedLayout({ nodes, pods: [], width: 800 }, 300, 0.6);
    expect(l.width).toBe(1200);
    expect(l.nodes.get('dgx-2')!.y).toBe(l.nodes.get('dgx-1')!.y);
    expect(l.height).toBeLessThan(layoutCluster({ nodes, pods: [], width: 800 }).height);
  });

  it('keeps the width on screen while it is nearly as good, so cards do not jump for a pod more or less', () => {
    const nodes = [node('dgx-1', 'dgx', { gpus: sliced('a', 8) }), node('dgx-2', 'dgx', { gpus: sliced('b', 8) }), node('cpu-1', 'cpu')];
    const input = { nodes, pods: [], width: 800 };
    // 1,000 px is best in a 520 px view (0.79); 1,200 px draws it at 0.67, not nearly as good.
    expect(fittedLayout(input, 520, 0.6, 1200).width).toBe(1000);
    // In a 470 px view 1,000 px is still best (0.72) and 1,200 px close behind (0.67): it stays.
    expect(fittedLayout(input, 470, 0.6).width).toBe(1000);
    expect(fittedLayout(input, 470, 0.6, 1200).width).toBe(1200);
  });

  it('spreads a large (canvas) cluster only to the widest width the smallest scale allows', () => {
    const nodes = Array.from({ length: 40 }, (_, i) => node(`n${i}`, 'cpu'));
    // No smallest scale: nothing bounds the width, so the view's width is kept.
    expect(fittedLayout({ nodes, pods: [], width: 800 }, 200).width).toBe(800);
    // At 0.6, 800 px hold 1,333: more cards to a row, a shorter cluster, no empty margins.
    const wide = fittedLayout({ nodes, pods: [], width: 800 }, 200, 0.6);
    expect(wide.density).toBe('compact');
    expect(wide.width).toBe(1333);
    expect(wide.height).toBeLessThan(layoutCluster({ nodes, pods: [], width: 800 }).height);
  });
});
