import type { PodAffinityTerm } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { CycleState } from '../../../../src/core/scheduler/framework';
import { PodInfo } from '../../../../src/core/scheduler/pod-info';
import { createInterPodAffinity } from '../../../../src/core/scheduler/plugins/inter-pod-affinity';
import { cluster, filterAll, nodeWithLabels, pod, verdict } from '../builders';

const HOST = 'kubernetes.io/hostname';
const term = (app: string, topologyKey = HOST): PodAffinityTerm => ({ labelSelector: { matchLabels: { app } }, topologyKey });
const antiAffinity = (app: string) => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term(app)] } });
const affinity = (app: string, key = HOST) => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term(app, key)] } });
const nodes = () => [nodeWithLabels('n1', { zone: 'z1' }), nodeWithLabels('n2', { zone: 'z1' }), nodeWithLabels('n3', { zone: 'z2' })];

describe('InterPodAffinity filter', () => {
  it('Required anti-affinity keeps a replica off the node that runs another replica.', () => {
    const cl = cluster(nodes(), [pod('cache-1', { labels: { app: 'cache' }, nodeName: 'n1' })]);
    const out = filterAll(createInterPodAffinity({}, cl.handle), pod('cache-2', { labels: { app: 'cache' }, affinity: antiAffinity('cache') }), cl);
    expect(verdict(out.n1!)).toBe("Unschedulable: node(s) didn't match pod anti-affinity rules");
    expect(verdict(out.n2!)).toBe('fits');
    expect(verdict(out.n3!)).toBe('fits');
  });

  it('Anti-affinity of a pod already running keeps matching pods away from it.', () => {
    const cl = cluster(nodes(), [pod('db', { labels: { app: 'db' }, nodeName: 'n2', affinity: antiAffinity('batch') })]);
    const out = filterAll(createInterPodAffinity({}, cl.handle), pod('job', { labels: { app: 'batch' } }), cl);
    expect(verdict(out.n2!)).toBe("Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules");
    expect(verdict(out.n1!)).toBe('fits');
  });

  it('Anti-affinity over zones keeps the pod out of the whole zone.', () => {
    const cl = cluster(nodes(), [pod('a', { labels: { app: 'cache' }, nodeName: 'n1' })]);
    const p = pod('b', { labels: { app: 'cache' }, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('cache', 'zone')] } } });
    const out = filterAll(createInterPodAffinity({}, cl.handle), p, cl);
    expect([verdict(out.n1!), verdict(out.n2!), verdict(out.n3!)]).toEqual([
      "Unschedulable: node(s) didn't match pod anti-affinity rules",
      "Unschedulable: node(s) didn't match pod anti-affinity rules",
      'fits',
    ]);
  });

  it('Required affinity places the pod only in the topology of a matching pod.', () => {
    const cl = cluster(nodes(), [pod('db', { labels: { app: 'db' }, nodeName: 'n3' })]);
    const out = filterAll(createInterPodAffinity({}, cl.handle), pod('web', { affinity: affinity('db', 'zone') }), cl);
    expect([verdict(out.n1!), verdict(out.n3!)]).toEqual(["UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules", 'fits']);
  });

  it('The first pod of a group with affinity to itself may go anywhere.', () => {
    const cl = cluster(nodes());
    const out = filterAll(createInterPodAffinity({}, cl.handle), pod('first', { labels: { app: 'group' }, affinity: affinity('group') }), cl);
    expect(Object.values(out).map(verdict)).toEqual(['fits', 'fits', 'fits']);
  });

  it('A pod with no affinity and no anti-affinity around skips the filter.', () => {
    const cl = cluster(nodes(), [pod('x', { nodeName: 'n1' })]);
    expect(createInterPodAffinity({}, cl.handle).preFilter(new CycleState(), new PodInfo(pod('p')))).toMatchObject({ code: 'Skip' });
  });
});

describe('InterPodAffinity score', () => {
  it('Preferred anti-affinity lowers the score of domains with matching pods.', () => {
    const cl = cluster(nodes(), [pod('a', { labels: { app: 'web' }, nodeName: 'n1' })]);
    const plugin = createInterPodAffinity({}, cl.handle);
    const pi = new PodInfo(pod('b', { labels: { app: 'web' }, affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term('web') }] } } }));
    const state = new CycleState();
    expect(plugin.preScore(state, pi).code).toBe('Success');
    const scores = Array.from(cl.cache.nodes.map((n) => plugin.score(state, pi, n)));
    expect([...scores]).toEqual([-100, 0, 0]);
    plugin.normalizeScores(state, pi, scores);
    expect([...scores]).toEqual([0, 100, 100]);
  });
});
