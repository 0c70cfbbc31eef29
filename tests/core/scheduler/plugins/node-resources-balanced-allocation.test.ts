import { describe, expect, it } from 'vitest';
import { CycleState } from '../../../../src/core/scheduler/framework';
import { PodInfo } from '../../../../src/core/scheduler/pod-info';
import { createNodeResourcesBalancedAllocation } from '../../../../src/core/scheduler/plugins/node-resources-balanced-allocation';
import { cluster, node, pod, podRequesting } from '../builders';

describe('NodeResourcesBalancedAllocation', () => {
  const plugin = createNodeResourcesBalancedAllocation();
  const cl = cluster([node('cpu-heavy', { cpu: '4', memory: '16Gi' }), node('even', { cpu: '4', memory: '16Gi' })], [pod('x', { requests: { cpu: '3', memory: '1Gi' }, nodeName: 'cpu-heavy' })]);

  it('A node whose cpu and memory would be used evenly scores higher than a lopsided one.', () => {
    const pi = new PodInfo(podRequesting('p', { cpu: '1', memory: '4Gi' }));
    // cpu-heavy: cpu 4/4 = 1, memory 5/16 → std 0.34 → 65; even: 1/4 and 4/16 → std 0 → 100.
    expect([plugin.score(new CycleState(), pi, cl.info('cpu-heavy')), plugin.score(new CycleState(), pi, cl.info('even'))]).toEqual([65, 100]);
  });

  it('A pod that requests neither cpu nor memory is not scored.', () => {
    expect(plugin.preScore(new CycleState(), new PodInfo(pod('p')))).toMatchObject({ code: 'Skip' });
  });
});
