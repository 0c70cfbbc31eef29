import { describe, expect, it } from 'vitest';
import { CARD_W, layoutCluster } from '../../src/ui/viz/layout';
import type { NodeView, PodView } from '../../src/worker/protocol';

const node = (id: string, pool: string, gpus = 0): NodeView => ({
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
  gpus: Array.from({ length: gpus }, (_, i) => ({ index: i, name: 'NVIDIA A100-SXM4-40GB', product: 'NVIDIA-A100-SXM4-40GB', memoryMiB: 40960, uuid: `GPU-${id}-${i}`, health: 'healthy' as const, lastXid: 0, pods: [], migDevices: [] })),
  runtime: 'containerd://1.7.27',
  internalIP: '172.18.0.2',
});

const pod = (id: string, nodeName?: string, createdMs = 0): PodView => ({
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
  containers: [],
  createdMs,
  deleting: false,
  requests: { cpuMillis: 0, memoryBytes: 0, gpus: 0 },
});

describe('cluster layout', () => {
  it('puts unbound pods in the queue lane and bound pods inside their node card', () => {
    const layout = layoutCluster([node('a', 'p'), node('b', 'p')], [pod('q1'), pod('on-b', 'b')], 1200);
    const queued = layout.pods.get('q1')!;
    expect(queued.inQueue).toBe(true);
    expect(queued.y).toBeLessThan(layout.queue.y + layout.queue.h);
    const placed = layout.pods.get('on-b')!;
    const b = layout.nodes.get('b')!;
    expect(placed.inQueue).toBe(false);
    expect(placed.x).toBeGreaterThanOrEqual(b.x);
    expect(placed.x + placed.w).toBeLessThanOrEqual(b.x + b.w);
    expect(placed.y).toBeGreaterThanOrEqual(b.y + b.podsTop);
  });

  it('keeps pods in creation order on a node, two per row', () => {
    const layout = layoutCluster([node('a', 'p')], [pod('late', 'a', 30), pod('early', 'a', 10), pod('mid', 'a', 20)], 1200);
    const [early, mid, late] = ['early', 'mid', 'late'].map((id) => layout.pods.get(id)!);
    expect(early!.y).toBe(mid!.y);
    expect(early!.x).toBeLessThan(mid!.x);
    expect(late!.y).toBeGreaterThan(early!.y);
  });

  it('lets small pools share a row and wraps when the view is narrow', () => {
    const wide = layoutCluster([node('cp', 'control-plane'), node('w1', 'worker'), node('w2', 'worker')], [], 1200);
    expect(wide.nodes.get('cp')!.y).toBe(wide.nodes.get('w1')!.y);
    const narrow = layoutCluster([node('cp', 'control-plane'), node('w1', 'worker'), node('w2', 'worker')], [], CARD_W * 2);
    expect(narrow.nodes.get('w1')!.y).toBeGreaterThan(narrow.nodes.get('cp')!.y);
  });

  it('makes room for GPUs in GPU nodes', () => {
    const layout = layoutCluster([node('cpu', 'a'), node('gpu', 'b', 8)], [pod('x', 'cpu'), pod('y', 'gpu')], 1200);
    expect(layout.nodes.get('gpu')!.podsTop).toBeGreaterThan(layout.nodes.get('cpu')!.podsTop);
  });
});
