import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { events } from './helpers';

const onWorker = (name: string, resources: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  nodeName: worker-1
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
${resources}---
`;

describe('node-pressure eviction', () => {
  function pressured() {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(
      onWorker('guaranteed', '    resources: { requests: { memory: 64Mi, cpu: 100m }, limits: { memory: 64Mi, cpu: 100m } }\n') +
        onWorker('besteffort', '') +
        onWorker('burstable', '    resources: { requests: { memory: 1Mi } }\n'),
    );
    sim.advance(20);
    // Leave 90 MiB available: below the 100Mi hard threshold.
    const mem = sim.inject({ type: 'memory-pressure', node: 'worker-1' });
    expect(mem.ok).toBe(true);
    return sim;
  }

  it('reports MemoryPressure, taints the node, and evicts the pod most over its request first', () => {
    const sim = pressured();
    sim.advance(11);
    const node = sim.get<Node>('node', 'worker-1')!;
    expect(node.status?.conditions?.find((c) => c.type === 'MemoryPressure')).toMatchObject({ status: 'True', reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available' });
    expect(node.spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toContain('node.kubernetes.io/memory-pressure:NoSchedule');
    const evicted = sim.get<Pod>('pod', 'besteffort')!;
    expect(evicted.status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(evicted.status?.message).toMatch(/^The node was low on resource: memory\. Threshold quantity: 100Mi, available: \d+Ki\. Container c was using \d+Ki, request is 0, has larger consumption of memory\. $/);
    expect(evicted.status?.conditions?.filter((c) => c.type === 'DisruptionTarget')).toEqual([expect.objectContaining({ status: 'True', reason: 'TerminationByKubelet' })]);
    expect(events(sim, 'besteffort')).toContain(`Warning Evicted: ${evicted.status?.message}`);
    expect(events(sim, 'worker-1')).toContain('Warning EvictionThresholdMet: Attempting to reclaim memory');
    expect(sim.get<Pod>('pod', 'guaranteed')!.status?.phase).toBe('Running');
  });

  it('evicts one pod per 10 s monitoring period, BestEffort, then Burstable, then Guaranteed, while pressure lasts', () => {
    const sim = pressured();
    const order: string[] = [];
    sim.watch((e) => {
      const p = e.object as Pod;
      if (e.object.kind === 'Pod' && p.status?.reason === 'Evicted' && !order.includes(p.metadata!.name!)) order.push(p.metadata!.name!);
    });
    sim.advance(40);
    expect(order).toEqual(['besteffort', 'burstable', 'guaranteed']);
  });

  it('keeps MemoryPressure for the 5 minute transition period after the pressure ends, then clears it and the taint', () => {
    const sim = pressured();
    sim.advance(15);
    sim.inject({ type: 'pressure-relieved', node: 'worker-1' });
    sim.advance(280);
    const during = sim.get<Node>('node', 'worker-1')!;
    expect(during.status?.conditions?.find((c) => c.type === 'MemoryPressure')?.status).toBe('True');
    sim.advance(40);
    const after = sim.get<Node>('node', 'worker-1')!;
    expect(after.status?.conditions?.find((c) => c.type === 'MemoryPressure')?.status).toBe('False');
    expect(after.spec?.taints).toBeUndefined();
    expect(events(sim, 'worker-1')).toContain('Normal NodeHasSufficientMemory: Node worker-1 status is now: NodeHasSufficientMemory');
  });

  it('frees unused images first under disk pressure, then evicts', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(onWorker('app', ''));
    sim.advance(20);
    sim.inject({ type: 'disk-pressure', node: 'worker-1' });
    sim.advance(11);
    expect(events(sim, 'worker-1')).toContain('Warning EvictionThresholdMet: Attempting to reclaim ephemeral-storage');
    expect(sim.get<Node>('node', 'worker-1')!.status?.conditions?.find((c) => c.type === 'DiskPressure')?.status).toBe('True');
    expect(sim.get<Pod>('pod', 'app')!.status?.message).toMatch(/^The node was low on resource: ephemeral-storage\. Threshold quantity: \d+[KMG]i, available: \d+Ki\. $/);
  });
});
