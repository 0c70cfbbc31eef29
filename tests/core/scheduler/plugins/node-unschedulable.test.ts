import { describe, expect, it } from 'vitest';
import { NodeUnschedulable } from '../../../../src/core/scheduler/plugins/node-unschedulable';
import { cluster, filterAll, node, pod, verdict } from '../builders';

describe('NodeUnschedulable', () => {
  it('A cordoned node takes no new pods.', () => {
    expect(verdict(filterAll(NodeUnschedulable, pod('p'), cluster([node('n', { unschedulable: true })])).n!)).toBe('UnschedulableAndUnresolvable: node(s) were unschedulable');
  });
  it('A pod tolerating the unschedulable taint may go to a cordoned node.', () => {
    const p = pod('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(verdict(filterAll(NodeUnschedulable, p, cluster([node('n', { unschedulable: true })])).n!)).toBe('fits');
  });
});
