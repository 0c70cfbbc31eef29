import { describe, expect, it } from 'vitest';
import { NodePorts } from '../../../../src/core/scheduler/plugins/node-ports';
import { cluster, filterAll, node, pod, verdict } from '../builders';

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
