import { describe, expect, it } from 'vitest';
import { FAULT_KINDS, faultOf, faultsFor, supported } from '../../src/ui/lib/faults';
import type { GpuView, NodeView, PodView } from '../../src/worker/protocol';

const node = { kind: 'Node', id: 'w1', name: 'w1', condition: 'Ready' } as NodeView;
const down = { ...node, id: 'w2', name: 'w2', condition: 'Unknown' } as NodeView;
const pod = { kind: 'Pod', id: 'u1', name: 'web', namespace: 'shop', containers: [{ name: 'app' }, { name: 'sidecar' }] } as unknown as PodView;
const nodes = new Map([
  ['w1', node],
  ['w2', down],
]);
const pods = new Map([['u1', pod]]);

describe('fault actions', () => {
  it('offer every node fault the kubelet issue defines, for the node', () => {
    expect(faultsFor({ kind: 'Node', id: 'w1' }, nodes, pods).map((a) => a.fault)).toEqual(
      ['node-down', 'node-up', 'network-partition', 'network-heal', 'memory-pressure', 'disk-pressure', 'pressure-relieved'].map((type) => ({ type, node: 'w1' })),
    );
  });

  it('build cluster-wide faults without a target', () => {
    const outage = FAULT_KINDS.find((k) => k.type === 'registry-outage')!;
    expect(faultOf(outage, {})).toEqual({ type: 'registry-outage' });
    expect(faultOf(FAULT_KINDS.find((k) => k.type === 'node-down')!, {})).toBeUndefined();
  });

  it('crash or OOM-kill each container of a pod by name, kill the pod, or delete it', () => {
    const actions = faultsFor({ kind: 'Pod', id: 'u1' }, nodes, pods);
    expect(actions.map((a) => a.fault)).toEqual([
      { type: 'container-crash', pod: 'web', namespace: 'shop', container: 'app' },
      { type: 'oom', pod: 'web', namespace: 'shop', container: 'app' },
      { type: 'container-crash', pod: 'web', namespace: 'shop', container: 'sidecar' },
      { type: 'oom', pod: 'web', namespace: 'shop', container: 'sidecar' },
      { type: 'pod-kill', pod: 'web', namespace: 'shop' },
      undefined,
    ]);
    expect(actions.at(-1)!.deletePod).toEqual({ namespace: 'shop', name: 'web' });
    expect(actions.map((a) => [a.id, a.label, a.params, a.danger])).toEqual([
      ['crash-app', 'faults.crash', { container: 'app' }, true],
      ['oom-app', 'faults.oom', { container: 'app' }, true],
      ['crash-sidecar', 'faults.crash', { container: 'sidecar' }, true],
      ['oom-sidecar', 'faults.oom', { container: 'sidecar' }, true],
      ['pod-kill', 'faults.podKill', undefined, true],
      ['delete-pod', 'faults.deletePod', undefined, true],
    ]);
  });

  it('raise the Xids worth teaching on a GPU, and tell which faults the simulation supports', () => {
    const xids = faultsFor({ kind: 'Gpu', node: 'dgx-1', index: 3 }, nodes, pods);
    expect(xids.map((a) => a.fault)).toContainEqual({ type: 'gpu-xid', node: 'dgx-1', gpu: 3, xid: 79 });
    expect(supported(xids[0]!, ['gpu-xid'])).toBe(true);
    expect(supported(xids[0]!, [])).toBe(false);
  });

  it('offer the GPU reset only on a GPU whose last Xid needs one', () => {
    const gpu = { index: 3, health: 'unhealthy', lastXid: 48, recovery: 'gpu-reset' } as GpuView;
    const dgx = { ...node, id: 'dgx-1', name: 'dgx-1', gpus: [gpu, { index: 2, health: 'lost', lastXid: 79, recovery: 'node-reboot' } as GpuView] } as NodeView;
    const withDgx = new Map([['dgx-1', dgx]]);
    const ids = (index: number) => faultsFor({ kind: 'Gpu', node: 'dgx-1', index }, withDgx, pods).map((a) => a.id);
    expect(ids(3)).toEqual(['xid-79', 'xid-48', 'xid-94', 'xid-13', 'gpu-reset']);
    expect(faultsFor({ kind: 'Gpu', node: 'dgx-1', index: 3 }, withDgx, pods).at(-1)!.fault).toEqual({ type: 'gpu-reset', node: 'dgx-1', gpu: 3 });
    expect(ids(2)).toEqual(['xid-79', 'xid-48', 'xid-94', 'xid-13']);
  });
});
