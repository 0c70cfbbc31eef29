import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/core/engine/clock';
import { EventQueue } from '../../../src/core/engine/event-queue';
import { Rng } from '../../../src/core/engine/rng';

describe('EventQueue', () => {
  it('pops tasks in time order, and in scheduling order at equal times', () => {
    const q = new EventQueue();
    const order: string[] = [];
    q.push(30, 'c', () => order.push('c'));
    q.push(10, 'a', () => order.push('a'));
    q.push(20, 'b1', () => order.push('b1'));
    q.push(20, 'b2', () => order.push('b2'));
    q.push(0, 'z', () => order.push('z'));
    for (let t = q.pop(); t; t = q.pop()) t.run();
    expect(order).toEqual(['z', 'a', 'b1', 'b2', 'c']);
  });

  it('skips cancelled tasks', () => {
    const clock = new VirtualClock();
    const ran: string[] = [];
    const timer = clock.after(5, 'x', () => ran.push('x'));
    clock.after(6, 'y', () => ran.push('y'));
    timer.cancel();
    clock.runUntil(10);
    expect(ran).toEqual(['y']);
    expect(clock.now()).toBe(10);
  });

  it('keeps heap order under many random pushes', () => {
    const q = new EventQueue();
    const rng = new Rng(7);
    for (let i = 0; i < 2000; i++) q.push(rng.int(500), 't', () => {});
    let last = -1;
    for (let t = q.pop(); t; t = q.pop()) {
      expect(t.at).toBeGreaterThanOrEqual(last);
      last = t.at;
    }
  });
});

describe('VirtualClock', () => {
  it('runs tasks scheduled by tasks within the same advance, and never goes back in time', () => {
    const clock = new VirtualClock();
    const seen: number[] = [];
    clock.after(100, 'first', () => {
      seen.push(clock.now());
      clock.after(50, 'second', () => seen.push(clock.now()));
      clock.at(0, 'past', () => seen.push(clock.now()));
    });
    clock.runUntil(1000);
    expect(seen).toEqual([100, 100, 150]);
  });
});

describe('Rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('makes RFC 4122 version-4 UUIDs', () => {
    const uuid = new Rng(1).uuid();
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
