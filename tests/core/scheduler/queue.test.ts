import { describe, expect, it } from 'vitest';
import { PrioritySort } from '../../../src/core/scheduler/plugins/priority-sort';
import { backoffDuration, SchedulingQueue } from '../../../src/core/scheduler/queue';
import { pod } from './builders';

const newQueue = (events: Record<string, string[]> = {}) =>
  new SchedulingQueue(PrioritySort, new Map(Object.entries(events).map(([k, v]) => [k, new Set(v as never[])])), () => undefined);

describe('SchedulingQueue', () => {
  it('Pops the highest priority first, then the pod queued earliest.', () => {
    const q = newQueue();
    q.addOrUpdate('a', pod('a', { priority: 0 }), 0);
    q.addOrUpdate('b', pod('b', { priority: 100 }), 1);
    q.addOrUpdate('c', pod('c', { priority: 0 }), 2);
    q.addOrUpdate('d', pod('d', { priority: 100 }), 3);
    expect([q.pop(10), q.pop(10), q.pop(10), q.pop(10)].map((x) => x!.key)).toEqual(['b', 'd', 'a', 'c']);
  });

  const backoffs: [number, number][] = [
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 10_000],
    [9, 10_000],
  ];
  for (const [failures, ms] of backoffs) {
    it(`After ${failures} failed attempt(s) the back-off is ${ms / 1000} s (1 s doubling, capped at 10 s).`, () => {
      expect(backoffDuration(failures)).toBe(ms);
    });
  }

  it('An unschedulable pod moves only on an event one of its rejecting plugins registered, then waits out its back-off.', () => {
    const q = newQueue({ NodeResourcesFit: ['AssignedPod/Delete', 'Node/Add'], TaintToleration: ['Node/UpdateNodeTaint'] });
    q.addOrUpdate('p', pod('p'), 0);
    const p = q.pop(0)!;
    q.addUnschedulable(p, new Set(['NodeResourcesFit']), 0);
    expect(q.onEvent('Node/UpdateNodeTaint', 100)).toBe(0);
    expect(q.onEvent('AssignedPod/Delete', 100)).toBe(1);
    expect(q.pop(500)).toBeUndefined();
    expect(q.nextBackoffExpiry()).toBe(1000);
    expect(q.pop(1000)?.key).toBe('p');
  });

  it('A pod parked for more than five minutes is retried without an event.', () => {
    const q = newQueue({ NodeResourcesFit: ['Node/Add'] });
    q.addOrUpdate('p', pod('p'), 0);
    q.addUnschedulable(q.pop(0)!, new Set(['NodeResourcesFit']), 0);
    q.flushUnschedulableLeftover(299_000);
    expect(q.pop(299_000)).toBeUndefined();
    q.flushUnschedulableLeftover(300_001);
    expect(q.pop(300_001)?.key).toBe('p');
  });

  it('A parked pod whose spec changes is retried; a status-only change leaves it parked.', () => {
    const q = newQueue();
    const original = pod('p');
    q.addOrUpdate('p', original, 0);
    q.addUnschedulable(q.pop(0)!, new Set(['TaintToleration']), 0);
    q.addOrUpdate('p', { ...original, status: { phase: 'Pending', conditions: [] } }, 5000);
    expect(q.pop(5000)).toBeUndefined();
    q.addOrUpdate('p', { ...original, spec: { ...original.spec!, tolerations: [{ operator: 'Exists' }] } }, 5000);
    expect(q.pop(5000)?.key).toBe('p');
  });

  it('A gated pod waits outside activeQ until an update removes its gates.', () => {
    const q = new SchedulingQueue(PrioritySort, new Map(), (p) => ((p.spec?.schedulingGates ?? []).length > 0 ? 'SchedulingGates' : undefined));
    const gated = pod('g');
    q.addOrUpdate('g', { ...gated, spec: { ...gated.spec!, schedulingGates: [{ name: 'x' }] } }, 0);
    expect(q.pop(0)).toBeUndefined();
    expect(q.onEvent('Node/Add', 1)).toBe(0);
    q.addOrUpdate('g', gated, 2);
    expect(q.pop(2)?.key).toBe('g');
  });
});
