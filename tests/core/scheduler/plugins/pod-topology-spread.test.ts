import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { CycleState } from '../../../../src/core/scheduler/framework';
import { PodInfo } from '../../../../src/core/scheduler/pod-info';
import { createPodTopologySpread } from '../../../../src/core/scheduler/plugins/pod-topology-spread';
import { cluster, filterAll, node, nodeWithLabels, pod, verdict } from '../builders';

const ZONE = 'topology.kubernetes.io/zone';
const spread = (maxSkew: number, whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway' = 'DoNotSchedule', extra: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
  maxSkew,
  topologyKey: ZONE,
  whenUnsatisfiable,
  labelSelector: { matchLabels: { app: 'web' } },
  ...extra,
});
const zoned = (name: string, zone: string) => nodeWithLabels(name, { [ZONE]: zone });
const web = (name: string, nodeName: string) => pod(name, { labels: { app: 'web' }, nodeName });

/** Zone a has two web pods, zone b one, zone c none. */
function threeZones() {
  const nodes = [zoned('a1', 'a'), zoned('b1', 'b'), zoned('c1', 'c')];
  return cluster(nodes, [web('w1', 'a1'), web('w2', 'a1'), web('w3', 'b1')]);
}

describe('PodTopologySpread filter', () => {
  const cases: { name: string; maxSkew: number; want: Record<string, string> }[] = [
    {
      name: 'With maxSkew 1 only the emptiest zone is allowed.',
      maxSkew: 1,
      want: { a1: "Unschedulable: node(s) didn't match pod topology spread constraints", b1: "Unschedulable: node(s) didn't match pod topology spread constraints", c1: 'fits' },
    },
    { name: 'With maxSkew 2 a zone one pod ahead of the emptiest is allowed.', maxSkew: 2, want: { a1: "Unschedulable: node(s) didn't match pod topology spread constraints", b1: 'fits', c1: 'fits' } },
    { name: 'With maxSkew 3 every zone is allowed.', maxSkew: 3, want: { a1: 'fits', b1: 'fits', c1: 'fits' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = filterAll(createPodTopologySpread({}, threeZones().handle), pod('new', { labels: { app: 'web' }, topologySpreadConstraints: [spread(c.maxSkew)] }), threeZones());
      expect(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, verdict(v)]))).toEqual(c.want);
    });
  }

  it('A node without the topology label is rejected as unresolvable.', () => {
    const cl = cluster([zoned('a1', 'a'), node('plain')]);
    const out = filterAll(createPodTopologySpread({}, cl.handle), pod('new', { labels: { app: 'web' }, topologySpreadConstraints: [spread(1)] }), cl);
    expect(verdict(out.plain!)).toBe("UnschedulableAndUnresolvable: node(s) didn't match pod topology spread constraints (missing required label)");
  });

  it('Pods of other namespaces and terminating pods are not counted.', () => {
    const other = pod('o', { labels: { app: 'web' }, nodeName: 'a1', namespace: 'other' });
    const cl = cluster([zoned('a1', 'a'), zoned('b1', 'b')], [other]);
    const out = filterAll(createPodTopologySpread({}, cl.handle), pod('new', { labels: { app: 'web' }, topologySpreadConstraints: [spread(1)] }), cl);
    expect(verdict(out.a1!)).toBe('fits');
  });

  it('minDomains above the number of domains makes the global minimum 0.', () => {
    const cl = cluster([zoned('a1', 'a'), zoned('b1', 'b')], [web('w1', 'a1'), web('w2', 'b1')]);
    const out = filterAll(createPodTopologySpread({}, cl.handle), pod('new', { labels: { app: 'web' }, topologySpreadConstraints: [spread(1, 'DoNotSchedule', { minDomains: 3 })] }), cl);
    expect(verdict(out.a1!)).toBe("Unschedulable: node(s) didn't match pod topology spread constraints");
  });

  it('With nodeAffinityPolicy Honor, domains the pod cannot reach do not hold the minimum down.', () => {
    // Zones a and b run one web pod each; zone c runs none, but the pod's node selector keeps it out of zone c.
    const nodes = [nodeWithLabels('a1', { [ZONE]: 'a', tier: 'web' }), nodeWithLabels('b1', { [ZONE]: 'b', tier: 'web' }), nodeWithLabels('c1', { [ZONE]: 'c' })];
    const cl = cluster(nodes, [web('w1', 'a1'), web('w2', 'b1')]);
    const placed = (policy: 'Honor' | 'Ignore') =>
      filterAll(createPodTopologySpread({}, cl.handle), pod('new', { labels: { app: 'web' }, nodeSelector: { tier: 'web' }, topologySpreadConstraints: [spread(1, 'DoNotSchedule', { nodeAffinityPolicy: policy })] }), cl);
    expect(verdict(placed('Honor').a1!)).toBe('fits');
    expect(verdict(placed('Ignore').a1!)).toBe("Unschedulable: node(s) didn't match pod topology spread constraints");
  });

  it('With nodeTaintsPolicy Honor, a tainted empty zone does not count as the minimum.', () => {
    const nodes = [zoned('a1', 'a'), zoned('b1', 'b'), { ...zoned('c1', 'c'), spec: { taints: [{ key: 'maintenance', effect: 'NoSchedule' }] } }];
    const cl = cluster(nodes, [web('w1', 'a1'), web('w2', 'b1')]);
    const honor = filterAll(createPodTopologySpread({}, cl.handle), pod('new', { labels: { app: 'web' }, topologySpreadConstraints: [spread(1, 'DoNotSchedule', { nodeTaintsPolicy: 'Honor' })] }), cl);
    expect(verdict(honor.a1!)).toBe('fits');
    const ignore = filterAll(createPodTopologySpread({}, cl.handle), pod('new', { labels: { app: 'web' }, topologySpreadConstraints: [spread(1)] }), cl);
    expect(verdict(ignore.a1!)).toBe("Unschedulable: node(s) didn't match pod topology spread constraints");
  });

  it('A pod without DoNotSchedule constraints skips the filter.', () => {
    const cl = threeZones();
    expect(createPodTopologySpread({}, cl.handle).preFilter(new CycleState(), new PodInfo(pod('p'))).code).toBe('Skip');
  });
});

describe('PodTopologySpread score', () => {
  it('ScheduleAnyway prefers zones with fewer matching pods.', () => {
    const cl = threeZones();
    const plugin = createPodTopologySpread({}, cl.handle);
    const pi = new PodInfo(pod('new', { labels: { app: 'web' }, topologySpreadConstraints: [spread(1, 'ScheduleAnyway')] }));
    const state = new CycleState();
    const nodes = cl.cache.nodes;
    expect(plugin.preScore(state, pi, nodes).code).toBe('Success');
    const scores = Array.from(nodes.map((n) => plugin.score(state, pi, n)));
    plugin.normalizeScores(state, pi, scores, nodes);
    expect(scores[2]).toBe(100);
    expect(scores[0]! < scores[1]! && scores[1]! < scores[2]!).toBe(true);
  });

  it('Without constraints or an owning Service or ReplicaSet, scoring is skipped.', () => {
    const cl = threeZones();
    expect(createPodTopologySpread({}, cl.handle).preScore(new CycleState(), new PodInfo(pod('p', { labels: { app: 'web' } })), cl.cache.nodes).code).toBe('Skip');
  });

  it('The system default constraints spread the pods of a Service.', () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', uid: 's', resourceVersion: '1', creationTimestamp: '' }, spec: { selector: { app: 'web' } } };
    const nodes = [zoned('a1', 'a'), zoned('b1', 'b')];
    const cl = cluster(nodes, [web('w1', 'a1'), web('w2', 'a1')], { Service: [service] });
    const plugin = createPodTopologySpread({}, cl.handle);
    const pi = new PodInfo(pod('new', { labels: { app: 'web' } }));
    const state = new CycleState();
    expect(plugin.preScore(state, pi, cl.cache.nodes).code).toBe('Success');
    const scores = Array.from(cl.cache.nodes.map((n) => plugin.score(state, pi, n)));
    plugin.normalizeScores(state, pi, scores, cl.cache.nodes);
    expect(scores[1]).toBe(100);
    expect(scores[0]! < 100).toBe(true);
  });
});
