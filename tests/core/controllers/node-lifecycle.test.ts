import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../../src/core';
import { NODE_EVICTION_PERIOD_MS, NODE_MONITOR_GRACE_MS, NODE_MONITOR_PERIOD_MS } from '../../../src/core/controllers/node-lifecycle';
import { parseTimestamp } from '../../../src/core/engine/time';
import { webPod } from '../kubelet/helpers';

const WEB = webPod;

/** Record the first time `probe` holds, in virtual ms, checking after every change. */
function firstTime(sim: Simulation, probe: () => boolean): () => number | undefined {
  let at: number | undefined;
  sim.watch(() => {
    if (at === undefined && probe()) at = Math.round(sim.now() * 1000);
  });
  return () => at;
}

const ready = (sim: Simulation, node: string) => sim.get<Node>('node', node)?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
const taints = (sim: Simulation, node: string) => (sim.get<Node>('node', node)?.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`);

/** The first node-monitor pass at or after `ms`. */
const nextPass = (ms: number) => Math.ceil(ms / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS;

describe('a node that goes down', () => {
  function downed() {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(WEB('web', 'worker-1'));
    sim.advance(30);
    const lastRenewal = parseTimestamp(sim.get<Lease>('lease', 'worker-1', 'kube-node-lease')!.spec!.renewTime!);
    const notReadyAt = firstTime(sim, () => ready(sim, 'worker-1') === 'Unknown');
    const noExecuteAt = firstTime(sim, () => taints(sim, 'worker-1').includes('node.kubernetes.io/unreachable:NoExecute'));
    const terminatingAt = firstTime(sim, () => sim.get<Pod>('pod', 'web')?.metadata?.deletionTimestamp !== undefined);
    sim.inject({ type: 'node-down', node: 'worker-1' });
    return { sim, lastRenewal, notReadyAt, noExecuteAt, terminatingAt };
  }

  it('goes Unknown at the first 5 s monitor pass more than 50 s after its last heartbeat, then gets the NoExecute taint, then its pods are evicted 300 s later', () => {
    const { sim, lastRenewal, notReadyAt, noExecuteAt, terminatingAt } = downed();
    sim.advance(420);
    // The controller notices the last renewal at its next pass; 50 s later it is not yet late,
    // the pass after that it is.
    const observed = nextPass(lastRenewal);
    expect(notReadyAt()).toBe(observed + NODE_MONITOR_GRACE_MS + NODE_MONITOR_PERIOD_MS);
    // The next pass queues the node for tainting; the tainting loop runs every 100 ms.
    expect(noExecuteAt()).toBe(notReadyAt()! + NODE_MONITOR_PERIOD_MS + NODE_EVICTION_PERIOD_MS);
    // The default toleration for node.kubernetes.io/unreachable lasts 300 s.
    expect(terminatingAt()).toBe(noExecuteAt()! + 300_000);
    expect(sim.kubectl('get nodes').stdout).toMatch(/worker-1\s+Unknown/);
    expect(sim.kubectl('get pod web').stdout).toMatch(/web\s+1\/1\s+Terminating/);
  });

  it('records what a real control plane records, in order', () => {
    const { sim } = downed();
    sim.advance(420);
    const log = sim
      .events()
      .filter((e) => parseTimestamp(e.lastTimestamp!) >= 31_000)
      .map((e) => `${e.type} ${e.reason} ${e.involvedObject.kind}/${e.involvedObject.name} (${e.source?.component}): ${e.message}`);
    expect(log).toEqual([
      'Normal NodeNotReady Node/worker-1 (node-controller): Node worker-1 status is now: NodeNotReady',
      'Warning NodeNotReady Pod/web (node-controller): Node is not ready',
      'Normal TaintManagerEviction Pod/web (taint-eviction-controller): Marking for deletion Pod default/web',
    ]);
    const node = sim.get<Node>('node', 'worker-1')!;
    expect(node.status?.conditions?.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual([
      'MemoryPressure=Unknown/NodeStatusUnknown',
      'DiskPressure=Unknown/NodeStatusUnknown',
      'PIDPressure=Unknown/NodeStatusUnknown',
      'Ready=Unknown/NodeStatusUnknown',
    ]);
    expect(node.status?.conditions?.[3]?.message).toBe('Kubelet stopped posting node status.');
    expect(taints(sim, 'worker-1')).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    const p = sim.get<Pod>('pod', 'web')!;
    expect(p.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    expect(p.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
  });

  it('evicts at once a pod that does not tolerate the taint, and never one that tolerates it without a time limit', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(WEB('fragile', 'worker-1', '  tolerations:\n  - { key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 0 }\n'));
    sim.apply(WEB('steadfast', 'worker-1', '  tolerations:\n  - { key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute }\n'));
    sim.advance(30);
    sim.inject({ type: 'node-down', node: 'worker-1' });
    sim.advance(100);
    expect(sim.get<Pod>('pod', 'fragile')?.metadata?.deletionTimestamp).toBeDefined();
    sim.advance(1000);
    expect(sim.get<Pod>('pod', 'steadfast')?.metadata?.deletionTimestamp).toBeUndefined();
  });

  it('rejoins when powered on: it reboots, reports Ready, loses its taints, and cleans up the evicted pods', () => {
    const { sim } = downed();
    sim.advance(420);
    sim.inject({ type: 'node-up', node: 'worker-1' });
    sim.advance(70);
    expect(ready(sim, 'worker-1')).toBe('True');
    expect(taints(sim, 'worker-1')).toEqual([]);
    expect(sim.get('pod', 'web')).toBeUndefined();
    const kubelet = sim.events().filter((e) => e.involvedObject.name === 'worker-1' && e.source?.component === 'kubelet' && parseTimestamp(e.lastTimestamp!) > 400_000);
    expect(kubelet.map((e) => e.reason)).toEqual(expect.arrayContaining(['Starting', 'Rebooted', 'NodeReady']));
  });

  it('restarts, after a reboot, the pods that were not evicted: the sandbox is recreated and the restart counted', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(WEB('web', 'worker-1'));
    sim.advance(30);
    sim.inject({ type: 'node-down', node: 'worker-1' });
    sim.advance(20);
    sim.inject({ type: 'node-up', node: 'worker-1' });
    sim.advance(90);
    const p = sim.get<Pod>('pod', 'web')!;
    expect(p.status?.containerStatuses?.[0]).toMatchObject({ restartCount: 1, ready: true, lastState: { terminated: { reason: 'Unknown', exitCode: 255 } } });
    expect(sim.events().some((e) => e.involvedObject.name === 'web' && e.reason === 'SandboxChanged' && e.message === 'Pod sandbox changed, it will be killed and re-created.')).toBe(true);
  });
});

describe('a network partition', () => {
  it('leaves the containers of the cut-off node running while the control plane gives up on them (split brain)', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(WEB('web', 'worker-1'));
    sim.advance(30);
    sim.inject({ type: 'network-partition', node: 'worker-1' });
    sim.advance(420);
    // The API server sees the pod terminating; on the node, nginx still serves.
    expect(sim.get<Pod>('pod', 'web')?.metadata?.deletionTimestamp).toBeDefined();
    const logs = sim.logs('web');
    expect(logs.ok).toBe(false);
    const metrics = sim.metrics().latest('container_memory_working_set_bytes', { pod: 'web' });
    expect(metrics[0]!.timeMs).toBeLessThan(40_000);
    sim.inject({ type: 'network-heal', node: 'worker-1' });
    sim.advance(5);
    // Back in touch: the kubelet learns of the deletion and stops the nginx that kept running.
    expect(sim.get('pod', 'web')).toBeUndefined();
    expect(sim.events().filter((e) => e.involvedObject.name === 'web').map((e) => e.reason)).toContain('Killing');
    sim.advance(10);
    expect(ready(sim, 'worker-1')).toBe('True');
  });
});

describe('zones', () => {
  it('stops tainting when every node of the cluster is down, as a control plane that lost its network would', () => {
    const sim = createSimulation({ seed: 1, cluster: { name: 'z', pools: [{ name: 'w', count: 2, machine: 'cpu-small', zone: 'a' }] } });
    sim.apply(WEB('web', 'w-1'));
    sim.advance(30);
    sim.inject({ type: 'node-down', node: 'w-1' });
    sim.inject({ type: 'node-down', node: 'w-2' });
    sim.advance(500);
    expect(ready(sim, 'w-1')).toBe('Unknown');
    expect(taints(sim, 'w-1')).not.toContain('node.kubernetes.io/unreachable:NoExecute');
    expect(sim.get<Pod>('pod', 'web')?.metadata?.deletionTimestamp).toBeUndefined();
  });

  it('taints the nodes of a zone one every 10 s (the eviction rate limit)', () => {
    const sim = createSimulation({ seed: 1, cluster: { name: 'z', pools: [{ name: 'w', count: 6, machine: 'cpu-small', zone: 'a' }] } });
    sim.advance(30);
    const times: number[] = [];
    sim.watch((e) => {
      if (e.object.kind !== 'Node' || e.type !== 'MODIFIED') return;
      const had = (e.old as Node | undefined)?.spec?.taints?.some((t) => t.effect === 'NoExecute');
      const has = (e.object as Node).spec?.taints?.some((t) => t.effect === 'NoExecute');
      if (has && !had) times.push(Math.round(sim.now() * 1000));
    });
    sim.inject({ type: 'node-down', node: 'w-1' });
    sim.inject({ type: 'node-down', node: 'w-2' });
    sim.advance(200);
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(10_000);
  });
});
