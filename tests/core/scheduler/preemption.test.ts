import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { describe, expect, it } from 'vitest';
import { podManifest, world } from './world';

const pools = [{ name: 'w', count: 2, machine: 'cpu-small', cpu: 4 }];
const classes = (w: ReturnType<typeof world>) => {
  for (const [name, value] of [['low', 100], ['mid', 500], ['high', 1000]] as const) {
    w.store.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value });
  }
};

/** Fill both 4-CPU workers: w-1 with a low and a mid pod, w-2 with two mid pods. */
function fullCluster() {
  const w = world(pools);
  classes(w);
  w.create(podManifest('low-1', { cpu: '2' }, { priorityClassName: 'low', nodeName: 'w-1' }));
  w.create(podManifest('mid-1', { cpu: '2' }, { priorityClassName: 'mid', nodeName: 'w-1' }));
  w.create(podManifest('mid-2', { cpu: '2' }, { priorityClassName: 'mid', nodeName: 'w-2' }));
  w.create(podManifest('mid-3', { cpu: '2' }, { priorityClassName: 'mid', nodeName: 'w-2' }));
  w.run(15);
  return w;
}

describe('DefaultPreemption', () => {
  it('A high-priority pod preempts the lowest-priority victim, is nominated, then runs there.', () => {
    const w = fullCluster();
    w.create(podManifest('urgent', { cpu: '2' }, { priorityClassName: 'high' }));
    w.run(0.1);
    const urgent = w.pod('urgent')!;
    expect(urgent.status?.nominatedNodeName).toBe('w-1');
    expect(w.events('FailedScheduling')).toEqual(['urgent: 0/2 nodes are available: 2 Insufficient cpu.']);
    expect(w.events('Preempted')).toEqual([`low-1: Preempted by pod ${urgent.metadata.uid} on node w-1`]);
    const victim = w.pod('low-1')!;
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    expect(victim.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    expect(w.explain('urgent')?.preemption).toEqual({ nominatedNode: 'w-1', victims: [{ namespace: 'default', name: 'low-1', priority: 100 }] });
    w.run(30);
    expect(w.pod('low-1')).toBeUndefined();
    expect(w.pod('urgent')?.spec?.nodeName).toBe('w-1');
    expect(w.pod('mid-1')?.spec?.nodeName).toBe('w-1');
  });

  it('A pod of equal or lower priority than every running pod finds no victims, with the exact message.', () => {
    const w = fullCluster();
    w.create(podManifest('peer', { cpu: '2' }, { priorityClassName: 'low' }));
    w.run(0.1);
    expect(w.events('FailedScheduling')).toEqual([
      'peer: 0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    ]);
    expect(w.pod('peer')?.status?.nominatedNodeName).toBeUndefined();
  });

  it('preemptionPolicy Never keeps the pod waiting without evicting anyone.', () => {
    const w = fullCluster();
    w.store.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'polite' }, value: 2000, preemptionPolicy: 'Never' });
    w.create(podManifest('polite', { cpu: '2' }, { priorityClassName: 'polite' }));
    w.run(0.1);
    expect(w.events('FailedScheduling')).toEqual(['polite: 0/2 nodes are available: 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.']);
    expect(w.events('Preempted')).toEqual([]);
  });

  it('Victims protected by a PodDisruptionBudget are spared when another node needs no violation.', () => {
    const w = world(pools);
    classes(w);
    w.create(podManifest('guarded', { cpu: '4' }, { priorityClassName: 'low', nodeName: 'w-1' }, { app: 'guarded' }));
    w.create(podManifest('plain', { cpu: '4' }, { priorityClassName: 'mid', nodeName: 'w-2' }));
    const pdb = w.store.create<PodDisruptionBudget>({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'guard', namespace: 'default' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'guarded' } } } });
    // As the disruption controller would report: no disruption allowed.
    w.store.updateStatus({ ...pdb, status: { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 1, expectedPods: 1 } });
    w.run(15);
    w.create(podManifest('urgent', { cpu: '4' }, { priorityClassName: 'high' }));
    w.run(0.1);
    // The mid-priority pod is taken rather than break the budget of the low-priority one.
    expect(w.pod('urgent')?.status?.nominatedNodeName).toBe('w-2');
    expect(w.events('Preempted').map((e) => e.split(':')[0])).toEqual(['plain']);
  });

  it('Among several candidate nodes the one whose most important victim has the lowest priority wins.', () => {
    const w = world(pools);
    classes(w);
    w.create(podManifest('mid-a', { cpu: '4' }, { priorityClassName: 'mid', nodeName: 'w-1' }));
    w.create(podManifest('low-b', { cpu: '4' }, { priorityClassName: 'low', nodeName: 'w-2' }));
    w.run(15);
    w.create(podManifest('urgent', { cpu: '3' }, { priorityClassName: 'high' }));
    w.run(0.1);
    expect(w.pod('urgent')?.status?.nominatedNodeName).toBe('w-2');
  });

  it('A pod too big for any node is told preemption is not helpful.', () => {
    const w = fullCluster();
    w.create(podManifest('huge', { cpu: '64' }, { priorityClassName: 'high' }));
    w.run(0.1);
    expect(w.events('FailedScheduling')).toEqual([
      'huge: 0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    ]);
  });
});
