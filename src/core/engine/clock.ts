import { EventQueue } from './event-queue';

/** A handle to a scheduled task; cancel() is idempotent. */
export interface Timer {
  cancel(): void;
  readonly at: number;
}

/**
 * The virtual clock. Time is an integer number of milliseconds since the simulation started, so
 * that sums of advances are exact and a merged advance(a + b) replays the same as advance(a), advance(b).
 */
export class VirtualClock {
  private current = 0;
  private readonly queue = new EventQueue();
  private processed = 0;

  /** Milliseconds since the start of the simulation. */
  now(): number {
    return this.current;
  }

  /** How many tasks have run since the start; the engine-throughput figure in benchmarks. */
  get tasksRun(): number {
    return this.processed;
  }

  get pending(): number {
    return this.queue.size;
  }

  /** Run `run` at absolute virtual time `at` (clamped to now: the past cannot be scheduled). */
  at(at: number, label: string, run: () => void): Timer {
    // The queued task is its own handle: one object per timer, a hot path at a million tasks.
    return this.queue.push(Math.max(Math.round(at), this.current), label, run);
  }

  /** Run `run` after `delayMs` of virtual time. */
  after(delayMs: number, label: string, run: () => void): Timer {
    return this.at(this.current + delayMs, label, run);
  }

  /** The time of the next live task, if any. */
  nextAt(): number | undefined {
    return this.queue.peek()?.at;
  }

  /** Process every task due at or before `until`, then set the clock to `until`. */
  runUntil(until: number): void {
    const limit = Math.round(until);
    for (;;) {
      const next = this.queue.peek();
      if (next === undefined || next.at > limit) break;
      this.queue.pop();
      this.current = next.at;
      this.processed++;
      next.run();
    }
    if (limit > this.current) this.current = limit;
  }
}
