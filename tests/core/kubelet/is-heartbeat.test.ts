import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import type { Stored } from '../../../src/core/api/types';
import { isHeartbeat } from '../../../src/core/kubelet/heartbeat';
import type { WatchEvent } from '../../../src/core/store/object-store';

describe('isHeartbeat', () => {
  it('counts lease renewals and the 5-minute node status report as heartbeats, a condition change as a change', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    const nodeEvents: WatchEvent[] = [];
    let leases = 0;
    sim.watch((e) => {
      if (e.object.kind === 'Node' && e.type === 'MODIFIED') nodeEvents.push(e);
      if (e.object.kind === 'Lease' && isHeartbeat(e)) leases++;
    });
    sim.advance(60);
    nodeEvents.length = 0;
    sim.advance(310);
    expect(leases).toBeGreaterThan(0);
    // One report per node, at about 300 s, moving only the heartbeat times.
    expect(nodeEvents.map((e) => e.object.metadata.name).sort()).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(nodeEvents.every(isHeartbeat)).toBe(true);

    const beat = nodeEvents[0]! as WatchEvent<Node>;
    const conditions = beat.object.status!.conditions!.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' } : c));
    const changed = { ...beat, object: { ...beat.object, status: { ...beat.object.status, conditions } } as Stored<Node> };
    expect(isHeartbeat(changed)).toBe(false);
    expect(isHeartbeat({ ...beat, type: 'ADDED' })).toBe(false);
  });
});
