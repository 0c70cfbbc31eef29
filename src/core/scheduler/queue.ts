import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';

interface QueuedPod {
  readonly key: string;
  pod: Stored<Pod>;
  /** When the pod entered the queue (PrioritySort's tie-breaker). */
  readonly enqueuedAt: number;
  /** When a failed pod may be tried again. */
  readyAt: number;
  attempts: number;
}

/** The pod back-off: 1 s doubling per attempt, capped at 10 s (podInitialBackoffSeconds / podMaxBackoffSeconds). */
export const INITIAL_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 10_000;

/**
 * The scheduling queue: pods ready to try, ordered by priority then by time queued
 * (PrioritySort); pods that failed wait in the unschedulable set until a cluster event that may
 * help them, and never retry before their back-off ends.
 */
export class SchedulingQueue {
  private readonly active = new Map<string, QueuedPod>();
  private readonly unschedulable = new Map<string, QueuedPod>();

  get size(): number {
    return this.active.size + this.unschedulable.size;
  }

  /** Add or refresh a pending pod. */
  add(key: string, pod: Stored<Pod>, now: number): void {
    const existing = this.active.get(key) ?? this.unschedulable.get(key);
    if (existing) {
      existing.pod = pod;
      return;
    }
    this.active.set(key, { key, pod, enqueuedAt: now, readyAt: now, attempts: 0 });
  }

  delete(key: string): void {
    this.active.delete(key);
    this.unschedulable.delete(key);
  }

  has(key: string): boolean {
    return this.active.has(key) || this.unschedulable.has(key);
  }

  /** The highest-priority pod whose back-off has ended, removed from the queue. */
  pop(now: number): QueuedPod | undefined {
    let best: QueuedPod | undefined;
    for (const q of this.active.values()) {
      if (q.readyAt > now) continue;
      if (!best || before(q, best)) best = q;
    }
    if (best) this.active.delete(best.key);
    return best;
  }

  /** The earliest time a queued pod becomes ready, if any are waiting in back-off. */
  nextReadyAt(): number | undefined {
    let t: number | undefined;
    for (const q of this.active.values()) if (t === undefined || q.readyAt < t) t = q.readyAt;
    return t;
  }

  /** Park a pod that did not fit; it waits for a cluster event, then for its back-off. */
  markUnschedulable(q: QueuedPod, now: number): void {
    q.attempts++;
    q.readyAt = now + Math.min(INITIAL_BACKOFF_MS * 2 ** (q.attempts - 1), MAX_BACKOFF_MS);
    this.unschedulable.set(q.key, q);
  }

  /** A cluster event happened that may make parked pods schedulable: move them back (after back-off). */
  moveAllToActive(): number {
    const n = this.unschedulable.size;
    for (const [key, q] of this.unschedulable) this.active.set(key, q);
    this.unschedulable.clear();
    return n;
  }
}

function before(a: QueuedPod, b: QueuedPod): boolean {
  const pa = a.pod.spec?.priority ?? 0;
  const pb = b.pod.spec?.priority ?? 0;
  if (pa !== pb) return pa > pb;
  return a.enqueuedAt < b.enqueuedAt;
}

export type { QueuedPod };
