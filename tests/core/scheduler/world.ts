import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../../src/core/api/types';
import type { ClusterSpec } from '../../../src/core/cluster/cluster-spec';
import { World } from '../../../src/core/world';

/**
 * A whole simulated cluster for scheduler behaviour tests, with direct access to the store (to
 * give nodes GPU allocatable as the device plugin would, or set a PDB's status as the disruption
 * controller would).
 */
export function world(pools: ClusterSpec['pools'], seed = 1) {
  const w = new World(seed, { name: 'test', pools });
  const { store, clock } = w.ctx;
  return {
    w,
    store,
    run: (seconds: number) => clock.runUntil(clock.now() + seconds * 1000),
    pod: (name: string, namespace = 'default') => store.get<Pod>('Pod', name, namespace),
    create: (p: Stored<Pod> | Pod) => store.create(p as Pod),
    /** Events with `reason` in one namespace (the GPU operator's pods report in theirs). */
    events: (reason: string, namespace = 'default') =>
      store
        .list<{ reason?: string; message?: string; involvedObject: { name?: string } } & { kind?: string }>('Event', namespace)
        .filter((e) => e.reason === reason)
        .map((e) => `${e.involvedObject.name}: ${e.message}`),
    /** Give a node extended allocatable, as the NVIDIA device plugin does. */
    advertise: (nodeName: string, resources: Record<string, string>) =>
      store.patchStatus<Node>('Node', nodeName, undefined, (n) => {
        Object.assign(n.status!.allocatable!, resources);
        Object.assign(n.status!.capacity!, resources);
      }),
    explain: (name: string, namespace = 'default') => w.scheduler.explanationFor(namespace, name),
  };
}

/** A pod manifest requesting resources, optionally with a priority class. */
export function podManifest(name: string, requests: Record<string, string>, extra: Partial<NonNullable<Pod['spec']>> = {}, labels?: Record<string, string>): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
    spec: { containers: [{ name: 'main', image: 'registry.k8s.io/pause:3.10', resources: { requests, limits: requests } }], ...extra },
  };
}
