import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { CycleState } from '../../../../src/core/scheduler/framework';
import { PodInfo } from '../../../../src/core/scheduler/pod-info';
import { TaintToleration } from '../../../../src/core/scheduler/plugins/taint-toleration';
import { cluster, filterAll, nodeWithTaints, podWithTolerations, verdict } from '../builders';

const gpuTaint: Taint = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' };

describe('TaintToleration filter', () => {
  const cases: { name: string; taints: Taint[]; tolerations: Toleration[]; want: string }[] = [
    { name: 'A node without taints takes any pod.', taints: [], tolerations: [], want: 'fits' },
    {
      name: 'A NoSchedule taint keeps out a pod that does not tolerate it, naming the taint.',
      taints: [gpuTaint],
      tolerations: [],
      want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint {nvidia.com/gpu: present}',
    },
    { name: 'An Equal toleration with the same key, value and effect lets the pod in.', taints: [gpuTaint], tolerations: [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' }], want: 'fits' },
    { name: 'An Exists toleration ignores the value.', taints: [gpuTaint], tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }], want: 'fits' },
    {
      name: 'An Equal toleration with another value does not match.',
      taints: [gpuTaint],
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Equal', value: 'absent', effect: 'NoSchedule' }],
      want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint {nvidia.com/gpu: present}',
    },
    {
      name: 'A toleration for another effect does not match.',
      taints: [gpuTaint],
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoExecute' }],
      want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint {nvidia.com/gpu: present}',
    },
    {
      name: 'A NoExecute taint also keeps out pods that do not tolerate it.',
      taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }],
      tolerations: [],
      want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint {node.kubernetes.io/unreachable: }',
    },
    {
      name: 'A NoExecute toleration with tolerationSeconds still lets the pod be scheduled.',
      taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }],
      tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      want: 'fits',
    },
    { name: 'An empty key with Exists tolerates every taint.', taints: [gpuTaint, { key: 'a', effect: 'NoExecute' }], tolerations: [{ operator: 'Exists' }], want: 'fits' },
    { name: 'A PreferNoSchedule taint never filters.', taints: [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }], tolerations: [], want: 'fits' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const cl = cluster([nodeWithTaints('n1', ...c.taints)]);
      expect(verdict(filterAll(TaintToleration, podWithTolerations('p', ...c.tolerations), cl).n1!)).toBe(c.want);
    });
  }
});

describe('TaintToleration score', () => {
  it('Nodes with fewer intolerable PreferNoSchedule taints score higher, normalised and reversed.', () => {
    const prefer = (key: string): Taint => ({ key, effect: 'PreferNoSchedule' });
    const cl = cluster([nodeWithTaints('clean'), nodeWithTaints('one', prefer('a')), nodeWithTaints('two', prefer('a'), prefer('b'))]);
    const pi = new PodInfo(podWithTolerations('p'));
    const state = new CycleState();
    const nodes = cl.cache.nodes;
    const scores = Array.from(nodes.map((n) => TaintToleration.score(state, pi, n)));
    expect([...scores]).toEqual([0, 1, 2]);
    TaintToleration.normalizeScores(state, pi, scores);
    expect([...scores]).toEqual([100, 50, 0]);
  });

  it('A tolerated PreferNoSchedule taint does not count against the node.', () => {
    const cl = cluster([nodeWithTaints('n', { key: 'spot', effect: 'PreferNoSchedule' })]);
    const pi = new PodInfo(podWithTolerations('p', { key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule' }));
    expect(TaintToleration.score(new CycleState(), pi, cl.info('n'))).toBe(0);
  });
});
