import { describe, expect, it } from 'vitest';
import { NodeName } from '../../../../src/core/scheduler/plugins/node-name';
import { cluster, filterAll, node, pod, verdict } from '../builders';

describe('NodeName', () => {
  it('A pod naming a node fits only that node.', () => {
    const out = filterAll(NodeName, pod('p', { nodeName: 'b' }), cluster([node('a'), node('b')]));
    expect([verdict(out.a!), verdict(out.b!)]).toEqual(["UnschedulableAndUnresolvable: node(s) didn't match the requested node name", 'fits']);
  });
});
