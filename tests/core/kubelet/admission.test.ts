import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../../../src/core/api/types';
import { admitPod, type AdmitAttributes } from '../../../src/core/kubelet/admission';
import { events, oneNode, pod, podYaml } from './helpers';

const node = (allocatable: Record<string, string>, labels: Record<string, string> = {}): Stored<Node> =>
  ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', uid: 'n', resourceVersion: '1', creationTimestamp: '', labels }, status: { allocatable } }) as Stored<Node>;

const podWith = (requests: Record<string, string>, extra: Partial<Pod['spec']> = {}): Stored<Pod> =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '' },
    spec: { containers: [{ name: 'c', image: 'x', resources: { requests, limits: requests } }], ...extra },
  }) as Stored<Pod>;

const attrs = (p: Stored<Pod>, n: Stored<Node>, over: Partial<AdmitAttributes> = {}): AdmitAttributes => ({ pod: p, node: n, activePods: [], memoryPressure: false, diskPressure: false, ...over });

describe('pod admission on the node', () => {
  it.each([
    ['admits a pod that fits', podWith({ cpu: '1' }), node({ cpu: '4', memory: '8Gi', pods: '110' }), { admit: true }],
    [
      'rejects a pod asking for more CPU than the node has: OutOfcpu, in millicores',
      podWith({ cpu: '8' }),
      node({ cpu: '4', memory: '8Gi', pods: '110' }),
      { admit: false, reason: 'OutOfcpu', message: "Node didn't have enough resource: cpu, requested: 8000, used: 0, capacity: 4000" },
    ],
    [
      'rejects a GPU pod on a node whose device plugin advertises no free GPU: OutOfnvidia.com/gpu',
      podWith({ 'nvidia.com/gpu': '1' }),
      node({ cpu: '4', memory: '8Gi', pods: '110', 'nvidia.com/gpu': '0' }),
      { admit: false, reason: 'OutOfnvidia.com/gpu', message: "Node didn't have enough resource: nvidia.com/gpu, requested: 1, used: 0, capacity: 0" },
    ],
    ['ignores an extended resource the node does not advertise at all, as the kubelet does', podWith({ 'example.com/widget': '2' }), node({ cpu: '4', memory: '8Gi', pods: '110' }), { admit: true }],
    [
      'rejects a pod whose nodeSelector the node does not match: NodeAffinity',
      podWith({}, { nodeSelector: { disk: 'ssd' } }),
      node({ cpu: '4', memory: '8Gi', pods: '110' }),
      { admit: false, reason: 'NodeAffinity', message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector" },
    ],
  ])('%s', (_name, p, n, expected) => {
    expect(admitPod(attrs(p, n), [])).toEqual(expected);
  });

  it('counts the pods already admitted against capacity', () => {
    const running = podWith({ memory: '6Gi' });
    expect(admitPod(attrs(podWith({ memory: '4Gi' }), node({ cpu: '4', memory: '8Gi', pods: '110' }), { activePods: [running] }), [])).toEqual({
      admit: false,
      reason: 'OutOfmemory',
      message: "Node didn't have enough resource: memory, requested: 4294967296, used: 6442450944, capacity: 8589934592",
    });
  });

  it('rejects BestEffort pods under memory pressure, and every pod under disk pressure', () => {
    const n = node({ cpu: '4', memory: '8Gi', pods: '110' });
    expect(admitPod(attrs(podWith({}), n, { memoryPressure: true }), [])).toEqual({ admit: false, reason: 'Evicted', message: 'The node had condition: [MemoryPressure]. ' });
    expect(admitPod(attrs(podWith({ memory: '1Gi' }), n, { memoryPressure: true }), [])).toEqual({ admit: true });
    expect(admitPod(attrs(podWith({ memory: '1Gi' }), n, { diskPressure: true }), [])).toEqual({ admit: false, reason: 'Evicted', message: 'The node had condition: [DiskPressure]. ' });
  });

  it('reports a device manager that cannot allocate as UnexpectedAdmissionError', () => {
    const deviceManager = { name: 'devicemanager', admit: () => ({ admit: false as const, reason: 'x', message: 'no healthy devices present; cannot allocate unhealthy devices nvidia.com/gpu' }) };
    expect(admitPod(attrs(podWith({ 'nvidia.com/gpu': '1' }), node({ cpu: '4', memory: '8Gi', pods: '110', 'nvidia.com/gpu': '8' })), [deviceManager])).toEqual({
      admit: false,
      reason: 'UnexpectedAdmissionError',
      message: 'Allocate failed due to no healthy devices present; cannot allocate unhealthy devices nvidia.com/gpu, which is unexpected',
    });
  });

  it('fails a pod bound with nodeName to a node too small for it, with the kubelet event and STATUS', () => {
    const sim = oneNode();
    sim.apply(podYaml('huge', '  - name: c\n    image: nginx:1.27\n    resources:\n      requests: { cpu: "8" }\n', '  nodeName: node-1\n'));
    sim.advance(2);
    const p = pod(sim, 'huge');
    expect(p.status).toMatchObject({ phase: 'Failed', reason: 'OutOfcpu', message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 8000, used: 0, capacity: 4000" });
    expect(events(sim, 'huge')).toEqual(["Warning OutOfcpu: Node didn't have enough resource: cpu, requested: 8000, used: 0, capacity: 4000"]);
    expect(sim.kubectl('get pod huge').stdout).toMatch(/huge\s+0\/1\s+OutOfcpu\s+0/);
  });
});
