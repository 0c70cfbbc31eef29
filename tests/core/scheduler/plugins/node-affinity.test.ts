import type { NodeSelectorRequirement } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { CycleState } from '../../../../src/core/scheduler/framework';
import { PodInfo } from '../../../../src/core/scheduler/pod-info';
import { createNodeAffinity } from '../../../../src/core/scheduler/plugins/node-affinity';
import { cluster, filterAll, node, nodeWithLabels, pod, verdict } from '../builders';

const NO_MATCH = "UnschedulableAndUnresolvable: node(s) didn't match Pod's node affinity/selector";
const required = (...matchExpressions: NodeSelectorRequirement[]) => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] } },
});
const gpuNode = nodeWithLabels('gpu-node', { 'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3', 'nvidia.com/gpu.count': '8' });

describe('NodeAffinity filter: operators', () => {
  const cases: { name: string; expr: NodeSelectorRequirement; want: string }[] = [
    { name: 'In matches when the label has one of the values.', expr: { key: 'nvidia.com/gpu.product', operator: 'In', values: ['Tesla-T4', 'NVIDIA-H100-80GB-HBM3'] }, want: 'fits' },
    { name: 'In rejects when the label has another value.', expr: { key: 'nvidia.com/gpu.product', operator: 'In', values: ['Tesla-T4'] }, want: NO_MATCH },
    { name: 'NotIn rejects a node with one of the values.', expr: { key: 'nvidia.com/gpu.product', operator: 'NotIn', values: ['NVIDIA-H100-80GB-HBM3'] }, want: NO_MATCH },
    { name: 'NotIn accepts a node without the label.', expr: { key: 'kubernetes.io/arch-missing', operator: 'NotIn', values: ['x'] }, want: 'fits' },
    { name: 'Exists needs the label, whatever its value.', expr: { key: 'nvidia.com/gpu.product', operator: 'Exists' }, want: 'fits' },
    { name: 'DoesNotExist rejects a node with the label.', expr: { key: 'nvidia.com/gpu.product', operator: 'DoesNotExist' }, want: NO_MATCH },
    { name: 'Gt compares the label as an integer.', expr: { key: 'nvidia.com/gpu.count', operator: 'Gt', values: ['4'] }, want: 'fits' },
    { name: 'Gt rejects an equal number.', expr: { key: 'nvidia.com/gpu.count', operator: 'Gt', values: ['8'] }, want: NO_MATCH },
    { name: 'Lt accepts a smaller number.', expr: { key: 'nvidia.com/gpu.count', operator: 'Lt', values: ['9'] }, want: 'fits' },
    { name: 'Lt rejects a node without the label.', expr: { key: 'missing', operator: 'Lt', values: ['9'] }, want: NO_MATCH },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(verdict(filterAll(createNodeAffinity(), pod('p', { affinity: required(c.expr) }), cluster([gpuNode]))['gpu-node']!)).toBe(c.want);
    });
  }
});

describe('NodeAffinity filter: selectors and terms', () => {
  it('Every nodeSelector label must match.', () => {
    const cl = cluster([nodeWithLabels('a', { disk: 'ssd', zone: 'z1' }), nodeWithLabels('b', { disk: 'ssd' })]);
    const out = filterAll(createNodeAffinity(), pod('p', { nodeSelector: { disk: 'ssd', zone: 'z1' } }), cl);
    expect(verdict(out.a!)).toBe('fits');
    expect(verdict(out.b!)).toBe(NO_MATCH);
  });

  it('Node selector terms are ORed: one matching term is enough.', () => {
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['z9'] }] }, { matchExpressions: [{ key: 'zone', operator: 'In', values: ['z1'] }] }],
        },
      },
    };
    expect(verdict(filterAll(createNodeAffinity(), pod('p', { affinity }), cluster([nodeWithLabels('a', { zone: 'z1' })])).a!)).toBe('fits');
  });

  it('An empty node selector term matches no node.', () => {
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } } };
    expect(verdict(filterAll(createNodeAffinity(), pod('p', { affinity }), cluster([node('a')])).a!)).toBe(NO_MATCH);
  });

  it('A pod pinned by matchFields metadata.name narrows PreFilter to that node.', () => {
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }] } } };
    const cl = cluster([node('a'), node('b')]);
    const result = createNodeAffinity().preFilter(new CycleState(), new PodInfo(pod('p', { affinity })));
    expect('nodeNames' in result && [...result.nodeNames!]).toEqual(['b']);
    expect(verdict(filterAll(createNodeAffinity(), pod('p', { affinity }), cl).a!)).toBe(NO_MATCH);
  });

  it('A pod without node selection skips the filter.', () => {
    expect(createNodeAffinity().preFilter(new CycleState(), new PodInfo(pod('p')))).toMatchObject({ code: 'Skip' });
  });

  it('A profile’s addedAffinity applies to every pod, with its own reason.', () => {
    const plugin = createNodeAffinity({ addedAffinity: required({ key: 'pool', operator: 'In', values: ['batch'] }).nodeAffinity });
    const out = filterAll(plugin, pod('p'), cluster([nodeWithLabels('a', { pool: 'batch' }), nodeWithLabels('b', { pool: 'web' })]));
    expect(verdict(out.a!)).toBe('fits');
    expect(verdict(out.b!)).toBe("UnschedulableAndUnresolvable: node(s) didn't match scheduler-enforced node affinity");
  });
});

describe('NodeAffinity score', () => {
  it('Preferred terms add their weights; the best node is normalised to 100.', () => {
    const affinity = {
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 80, preference: { matchExpressions: [{ key: 'gpu', operator: 'In', values: ['h100'] }] } },
          { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['z1'] }] } },
        ],
      },
    };
    const cl = cluster([nodeWithLabels('h100-z1', { gpu: 'h100', zone: 'z1' }), nodeWithLabels('h100', { gpu: 'h100' }), nodeWithLabels('z1', { zone: 'z1' }), node('none')]);
    const plugin = createNodeAffinity();
    const state = new CycleState();
    const pi = new PodInfo(pod('p', { affinity }));
    expect(plugin.preScore(state, pi).code).toBe('Success');
    const scores = Array.from(cl.cache.nodes.map((n) => plugin.score(state, pi, n)));
    expect([...scores]).toEqual([100, 80, 20, 0]);
    plugin.normalizeScores(state, pi, scores);
    expect([...scores]).toEqual([100, 80, 20, 0]);
  });
});
