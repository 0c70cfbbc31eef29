import fc from 'fast-check';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../../src/core';

/**
 * Random sessions of valid and invalid manifests, deletions with every propagation policy,
 * scaling and time passing. After every step: nothing throws, a refused manifest changed
 * nothing, and no object is left pointing at an owner that is gone. At the end, once the
 * cluster has settled, every ReplicaSet runs exactly its replicas.
 */
const NAMES = ['alpha', 'beta', 'gamma'];
const IMAGES = ['nginx:1.27', 'nginx:1.28', 'redis:7.2'];

const workload = (kind: 'Deployment' | 'ReplicaSet', name: string, replicas: number, image: string) => `apiVersion: apps/v1
kind: ${kind}
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers: [{ name: c, image: "${image}", resources: { requests: { cpu: 10m } } }]
`;

/** Ways to break a valid manifest, each refused by decoding, validation or the API server. */
const BREAKAGES: readonly ((yaml: string) => string)[] = [
  (y) => y.replace(/replicas: \d+/, 'replicas: -3'),
  (y) => y.replace('matchLabels: { app:', 'matchLabels: { tier:'),
  (y) => y.replace('resources:', 'resourcez:'),
  (y) => y.replace('cpu: 10m', 'cpu: ten'),
  (y) => y.replace('cpu: 10m', 'cpu: 10m }, limits: { nvidia.com/gpu: 0.5'),
  (y) => y.replace(/name: (alpha|beta|gamma) }/, 'name: Not_Valid }'),
  (y) => y.replace('kind: ', 'kind: Widget'),
  (y) => y.replace('spec:\n', 'spec:\n  - broken\n'),
  (y) => y.replace('image: "', 'image: ""  # "'),
];

type Op =
  | { op: 'apply'; kind: 'Deployment' | 'ReplicaSet'; name: string; replicas: number; image: string }
  | { op: 'applyInvalid'; kind: 'Deployment' | 'ReplicaSet'; name: string; breakage: number }
  | { op: 'delete'; kind: 'deployment' | 'replicaset' | 'pod'; name: string; policy: 'Background' | 'Foreground' | 'Orphan' }
  | { op: 'scale'; kind: 'deployment' | 'replicaset'; name: string; replicas: number }
  | { op: 'advance'; seconds: number };

const kindArb = fc.constantFrom<'Deployment' | 'ReplicaSet'>('Deployment', 'ReplicaSet');
const nameArb = fc.constantFrom(...NAMES);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('apply' as const), kind: kindArb, name: nameArb, replicas: fc.integer({ min: 0, max: 4 }), image: fc.constantFrom(...IMAGES) }),
  fc.record({ op: fc.constant('applyInvalid' as const), kind: kindArb, name: nameArb, breakage: fc.integer({ min: 0, max: BREAKAGES.length - 1 }) }),
  fc.record({ op: fc.constant('delete' as const), kind: fc.constantFrom<'deployment' | 'replicaset' | 'pod'>('deployment', 'replicaset', 'pod'), name: nameArb, policy: fc.constantFrom<'Background' | 'Foreground' | 'Orphan'>('Background', 'Foreground', 'Orphan') }),
  fc.record({ op: fc.constant('scale' as const), kind: fc.constantFrom<'deployment' | 'replicaset'>('deployment', 'replicaset'), name: nameArb, replicas: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 45 }) }),
);

/** Everything in the store, for "nothing changed". */
function world(sim: Simulation): string {
  return JSON.stringify(['namespaces', 'deployments', 'replicasets', 'pods', 'events', 'services', 'endpointslices'].map((k) => sim.list(k)));
}

function run(sim: Simulation, o: Op): void {
  switch (o.op) {
    case 'apply': {
      const out = sim.apply(workload(o.kind, o.name, o.replicas, o.image));
      // A Deployment and a ReplicaSet with one name may fight over pods; the API still answers.
      expect(out.results).toHaveLength(1);
      return;
    }
    case 'applyInvalid': {
      const before = world(sim);
      const out = sim.apply(BREAKAGES[o.breakage]!(workload(o.kind, o.name, 1, 'nginx:1.27')));
      expect(out.ok).toBe(false);
      expect(out.stderr).not.toBe('');
      expect(world(sim)).toBe(before);
      return;
    }
    case 'delete': {
      const target = o.kind === 'pod' ? sim.list<Pod>('pods').find((p) => p.metadata?.labels?.app === o.name)?.metadata?.name : o.name;
      if (target) sim.delete(o.kind, target, undefined, { propagationPolicy: o.policy });
      return;
    }
    case 'scale':
      sim.scale(o.kind, o.name, o.replicas);
      return;
    case 'advance':
      sim.advance(o.seconds);
      noOrphans(sim);
  }
}

/** No live object references an owner uid that no longer exists (the collector runs at once). */
function noOrphans(sim: Simulation): void {
  const uids = new Set(['deployments', 'replicasets', 'pods'].flatMap((k) => sim.list(k).map((o) => o.metadata!.uid!)));
  for (const kind of ['replicasets', 'pods']) {
    for (const o of sim.list(kind)) {
      if (o.metadata?.deletionTimestamp) continue;
      for (const ref of o.metadata?.ownerReferences ?? []) expect(uids.has(ref.uid), `${kind} ${o.metadata?.name} owned by missing ${ref.kind} ${ref.name}`).toBe(true);
    }
  }
}

/** Settled: every ReplicaSet has exactly spec.replicas active pods it controls, and says so. */
function converged(sim: Simulation): void {
  const pods = sim.list<Pod>('pods').filter((p) => !p.metadata?.deletionTimestamp);
  for (const rs of sim.list<ReplicaSet>('replicasets')) {
    if (rs.metadata?.deletionTimestamp) continue;
    const owned = pods.filter((p) => p.metadata?.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata?.uid));
    expect(owned, `ReplicaSet ${rs.metadata?.name}`).toHaveLength(rs.spec?.replicas ?? 1);
    expect(rs.status?.replicas ?? 0).toBe(rs.spec?.replicas ?? 1);
  }
}

describe('controllers under random operations (property)', () => {
  it('never throw, never change anything for a refused manifest, leave no orphans, and converge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(opArb, { minLength: 1, maxLength: 20 }), (seed, ops) => {
        const sim = createSimulation({ seed, cluster: 'minimal' });
        for (const o of ops) run(sim, o);
        sim.advance(180);
        noOrphans(sim);
        converged(sim);
      }),
      { numRuns: 60, seed: 20260105 },
    );
    // 60 seeded simulations of three virtual minutes each: seconds of CPU, more on a loaded machine.
  }, 60_000);
});
