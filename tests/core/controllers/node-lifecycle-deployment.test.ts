import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../../src/core';
import { NODE_EVICTION_PERIOD_MS, NODE_MONITOR_GRACE_MS, NODE_MONITOR_PERIOD_MS } from '../../../src/core/controllers/node-lifecycle';
import { parseTimestamp } from '../../../src/core/engine/time';
import { WEB_DEPLOYMENT } from '../kubelet/helpers';


const ms = (sim: Simulation) => Math.round(sim.now() * 1000);
const available = (sim: Simulation) => sim.get<Deployment>('deployment', 'web')?.status?.availableReplicas ?? 0;
const nodeReady = (sim: Simulation, node: string) => sim.get<Node>('node', node)?.status?.conditions?.find((c) => c.type === 'Ready')?.status;

/** Every change of the Deployment's available count, and when pods were marked for deletion or created. */
function record(sim: Simulation) {
  const availability: [number, number][] = [];
  const deleted = new Map<string, number>();
  const created = new Map<string, number>();
  const running = new Map<string, number>();
  const ready = new Map<string, number>();
  let notReadyAt: number | undefined;
  sim.watch((e) => {
    const now = ms(sim);
    if (e.object.kind === 'Node' && notReadyAt === undefined && e.object.metadata.name === 'worker-1' && nodeReady(sim, 'worker-1') === 'Unknown') notReadyAt = now;
    if (e.object.kind === 'Pod') {
      const p = e.object as Pod;
      if (e.type === 'ADDED') created.set(p.metadata!.name!, now);
      const name = p.metadata!.name!;
      if (p.metadata?.deletionTimestamp && !deleted.has(name)) deleted.set(name, now);
      if (!running.has(name) && p.status?.containerStatuses?.[0]?.state?.running) running.set(name, now);
      if (!ready.has(name) && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) ready.set(name, now);
    }
    if (e.object.kind === 'Deployment' && available(sim) !== availability.at(-1)?.[1]) availability.push([now, available(sim)]);
  });
  return { availability, deleted, created, running, ready, notReadyAt: () => notReadyAt };
}

describe('a 3-replica Deployment on the minimal preset when a node loses power', () => {
  function scenario() {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(WEB_DEPLOYMENT);
    sim.advance(60);
    const onWorker1 = sim.list<Pod>('pod').filter((p) => p.spec?.nodeName === 'worker-1').map((p) => p.metadata!.name!).sort();
    const lastRenewal = parseTimestamp(sim.get<Lease>('lease', 'worker-1', 'kube-node-lease')!.spec!.renewTime!);
    const rec = record(sim);
    sim.inject({ type: 'node-down', node: 'worker-1' });
    sim.advance(420);
    return { sim, onWorker1, lastRenewal, ...rec };
  }

  it('is whole again with no manual action: the lost pods are evicted after 300 s and replaced on the surviving node', () => {
    const { sim, onWorker1, lastRenewal, availability, deleted, created, running, ready, notReadyAt } = scenario();
    expect(onWorker1.length).toBeGreaterThan(0);
    // NotReady at the first monitor pass more than 50 s after the last renewal it saw; the pods
    // are marked not ready then, so the Deployment loses their availability at once.
    const unknownAt = Math.ceil(lastRenewal / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS + NODE_MONITOR_GRACE_MS + NODE_MONITOR_PERIOD_MS;
    expect(notReadyAt()).toBe(unknownAt);
    expect(availability[0]).toEqual([unknownAt, 3 - onWorker1.length]);
    // The NoExecute taint a pass later (plus the 100 ms tainting tick), then the 300 s toleration.
    const evictAt = unknownAt + NODE_MONITOR_PERIOD_MS + NODE_EVICTION_PERIOD_MS + 300_000;
    expect(onWorker1.map((n) => deleted.get(n))).toEqual(onWorker1.map(() => evictAt));
    // The ReplicaSet replaces them in the same instant; they run on worker-2 and become available.
    const replacements = [...created.keys()];
    expect(replacements).toHaveLength(onWorker1.length);
    expect(replacements.map((n) => created.get(n))).toEqual(replacements.map(() => evictAt));
    expect(replacements.map((n) => sim.get<Pod>('pod', n)?.spec?.nodeName)).toEqual(replacements.map(() => 'worker-2'));
    // The readiness probe runs when the PLEG notices the start, a second later, and passes. The
    // Deployment is whole when the last replacement is Ready.
    for (const n of replacements) expect(ready.get(n)! - running.get(n)!).toBe(1_000);
    expect(availability.at(-1)).toEqual([Math.max(...replacements.map((n) => ready.get(n)!)), 3]);
    // The lost pods stay Terminating until their node comes back.
    const get = sim.kubectl('get pods -o wide').stdout;
    for (const n of onWorker1) expect(get).toMatch(new RegExp(`${n}\\s+1/1\\s+Terminating\\s+0\\s+\\S+\\s+\\S+\\s+worker-1`));
    for (const n of replacements) expect(get).toMatch(new RegExp(`${n}\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+worker-2`));
  });

  it('leaves an event log that reads like a real cluster\'s', () => {
    const { sim } = scenario();
    const recent = sim.events().filter((e) => parseTimestamp(e.lastTimestamp!) > 60_000);
    const line = (e: (typeof recent)[number]) => `${e.type} ${e.reason} ${e.involvedObject.kind} (${e.source?.component}): ${e.message!.replace(/web-[0-9a-f]{10}-[a-z0-9]{5}/g, 'POD')}`;
    const twice = (text: string) => [text, text];
    // The control plane, in order…
    expect(recent.filter((e) => e.source?.component !== 'kubelet').map(line)).toEqual([
      'Normal NodeNotReady Node (node-controller): Node worker-1 status is now: NodeNotReady',
      ...twice('Warning NodeNotReady Pod (node-controller): Node is not ready'),
      ...twice('Normal TaintManagerEviction Pod (taint-eviction-controller): Marking for deletion Pod default/POD'),
      ...twice('Normal SuccessfulCreate ReplicaSet (replicaset-controller): Created pod: POD'),
      ...twice('Normal Scheduled Pod (default-scheduler): Successfully assigned default/POD to worker-2'),
    ]);
    // …and worker-2's kubelet starting each replacement (the two interleave).
    const kubelet = recent.filter((e) => e.source?.component === 'kubelet');
    const replacements = [...new Set(kubelet.map((e) => e.involvedObject.name))];
    expect(replacements).toHaveLength(2);
    for (const pod of replacements) {
      expect(kubelet.filter((e) => e.involvedObject.name === pod).map(line)).toEqual([
        'Normal Pulled Pod (kubelet): Container image "nginx:1.27" already present on machine',
        'Normal Created Pod (kubelet): Created container: nginx',
        'Normal Started Pod (kubelet): Started container nginx',
      ]);
    }
  });

  it('finishes deleting the lost pods when the node comes back, and stays at 3 replicas', () => {
    const { sim, onWorker1 } = scenario();
    sim.inject({ type: 'node-up', node: 'worker-1' });
    sim.advance(120);
    expect(onWorker1.map((n) => sim.get<Pod>('pod', n))).toEqual(onWorker1.map(() => undefined));
    expect(sim.get<Deployment>('deployment', 'web')?.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(nodeReady(sim, 'worker-1')).toBe('True');
    expect(sim.events().filter((e) => e.involvedObject.name === 'worker-1' && e.source?.component === 'kubelet').map((e) => e.reason)).toEqual(
      expect.arrayContaining(['Starting', 'Rebooted', 'NodeReady']),
    );
  });
});
