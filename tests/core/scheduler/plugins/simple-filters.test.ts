import { describe, expect, it } from 'vitest';
import { NodePorts } from '../../../../src/core/scheduler/plugins/node-ports';
import { NodeUnschedulable } from '../../../../src/core/scheduler/plugins/node-unschedulable';
import { NodeName } from '../../../../src/core/scheduler/plugins/node-name';
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

describe('NodeName', () => {
  it('A pod naming a node fits only that node.', () => {
    const out = filterAll(NodeName, pod('p', { nodeName: 'b' }), cluster([node('a'), node('b')]));
    expect([verdict(out.a!), verdict(out.b!)]).toEqual(["UnschedulableAndUnresolvable: node(s) didn't match the requested node name", 'fits']);
  });
});

describe('NodePorts', () => {
  it('A host port in use on the node rejects the pod.', () => {
    const cl = cluster([node('a'), node('b')], [pod('x', { hostPort: 8080, nodeName: 'a' })]);
    const out = filterAll(NodePorts, pod('p', { hostPort: 8080 }), cl);
    expect([verdict(out.a!), verdict(out.b!)]).toEqual(["Unschedulable: node(s) didn't have free ports for the requested pod ports", 'fits']);
  });
  it('Another port on the same node is free.', () => {
    const cl = cluster([node('a')], [pod('x', { hostPort: 8080, nodeName: 'a' })]);
    expect(verdict(filterAll(NodePorts, pod('p', { hostPort: 9090 }), cl).a!)).toBe('fits');
  });
});
