import { describe, expect, it } from 'vitest';
import { numFeasibleNodesToFind } from '../../../src/core/scheduler/schedule-one';
import { podManifest, world } from './world';

describe('numFeasibleNodesToFind (percentageOfNodesToScore)', () => {
  const cases: [string, number, number, number][] = [
    ['Below 100 nodes every node is examined.', 0, 99, 99],
    ['At 100 nodes the adaptive 49% is raised to the minimum of 100.', 0, 100, 100],
    ['At 1,000 nodes the adaptive share is 50% − 8% = 42%.', 0, 1000, 420],
    ['At 5,000 nodes the adaptive share is 50% − 40% = 10%.', 0, 5000, 500],
    ['At 6,000 nodes the adaptive share stops at the 5% floor.', 0, 6000, 300],
    ['A configured 100% examines every node.', 100, 5000, 5000],
    ['A configured share below 100 nodes is raised to 100.', 1, 5000, 100],
  ];
  for (const [name, pct, nodes, want] of cases) it(name, () => expect(numFeasibleNodesToFind(pct, nodes)).toBe(want));
});

describe('Explanations', () => {
  it('A scheduled pod’s explanation lists each score plugin’s raw, normalised and weighted score, and the chosen node leads.', () => {
    const w = world([{ name: 'w', count: 3, machine: 'cpu-small' }]);
    w.create(podManifest('busy', { cpu: '3' }, { nodeName: 'w-1' }));
    w.run(1);
    w.create(podManifest('web', { cpu: '500m', memory: '256Mi' }));
    w.run(1);
    const e = w.explain('web')!;
    expect(e).toMatchObject({ outcome: 'Scheduled', profile: 'default-scheduler', nodesInCluster: 3, feasibleNodes: 3, feasibleNodesToFind: 3, rejectedNodes: [] });
    expect(e.node).toBe(w.pod('web')!.spec!.nodeName);
    expect(e.node).not.toBe('w-1');
    expect(e.scoredNodes[0]!.node).toBe(e.node);
    const fit = e.scoredNodes[0]!.scores.find((s) => s.plugin === 'NodeResourcesFit')!;
    expect(fit.weight).toBe(1);
    expect(fit.weighted).toBe(fit.normalized);
    for (const n of e.scoredNodes) expect(n.total).toBe(n.scores.reduce((sum, s) => sum + s.weighted, 0));
    expect(e.scoredNodes.at(-1)!.node).toBe('w-1');
    expect(e.skippedScorePlugins).toEqual(['NodeAffinity', 'PodTopologySpread', 'InterPodAffinity']);
  });

  it('A Pending pod’s explanation names the plugin and reasons for every node, and the message.', () => {
    const w = world([{ name: 'w', count: 2, machine: 'cpu-small', taints: [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }] }]);
    w.create(podManifest('web', { cpu: '1' }));
    w.run(1);
    const e = w.explain('web')!;
    expect(e.outcome).toBe('Unschedulable');
    expect(e.rejectedNodes).toEqual([
      { node: 'w-1', plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {dedicated: infra}'] },
      { node: 'w-2', plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {dedicated: infra}'] },
    ]);
    expect(e.message).toBe(
      '0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: infra}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });

  it('Scheduling is deterministic: the same seed gives the same placements and event log.', () => {
    const run = () => {
      const w = world([{ name: 'w', count: 4, machine: 'cpu-small' }], 9);
      for (let i = 0; i < 12; i++) w.create(podManifest(`p-${i}`, { cpu: '250m' }));
      w.run(5);
      return JSON.stringify(w.store.list('Event'));
    };
    expect(run()).toBe(run());
  });
});

describe('Scheduling gates', () => {
  it('A pod with scheduling gates is not tried while they remain.', () => {
    const w = world([{ name: 'w', count: 1, machine: 'cpu-small' }]);
    w.create(podManifest('gated', { cpu: '100m' }, { schedulingGates: [{ name: 'example.com/quota' }] }));
    w.run(5);
    expect(w.pod('gated')?.spec?.nodeName).toBeUndefined();
    expect(w.explain('gated')).toBeUndefined();
    expect(w.events('FailedScheduling')).toEqual([]);
  });
});

describe('Explanation retention', () => {
  it('Keeps the latest attempt of the most recent pods and forgets a pod that is deleted.', () => {
    const w = world([{ name: 'w', count: 2, machine: 'cpu-small' }]);
    w.create(podManifest('a', { cpu: '100m' }));
    w.run(1);
    expect(w.explain('a')?.outcome).toBe('Scheduled');
    w.store.delete('Pod', 'a', 'default', { gracePeriodSeconds: 0 });
    expect(w.explain('a')).toBeUndefined();
  });
});
