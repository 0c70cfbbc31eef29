import type { Timer, VirtualClock } from '../engine/clock';
import { ApiError } from '../store/api-error';

/** What a reconcile may ask for: to be run again after a delay (a deadline, a back-off, a periodic sync). */
export interface Requeue {
  readonly requeueAfterMs?: number;
}

/**
 * A controller's work queue (client-go workqueue): keys are de-duplicated while waiting, drained
 * in the order they were added by one task on the virtual clock, and a key that failed with an
 * API error is retried with the default per-item back-off (5 ms doubling, capped at 1000 s).
 */
export class WorkQueue {
  private readonly pending = new Set<string>();
  private readonly delayed = new Map<string, Timer>();
  private readonly failures = new Map<string, number>();
  private readonly backoffUntil = new Map<string, number>();
  private draining = false;
  private drainTimer: Timer | undefined;
  private lastDrainAt = -1;
  private roundsThisInstant = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly name: string,
    private readonly reconcile: (key: string) => Requeue | void,
  ) {}

  /**
   * Queue a key for the next drain (at the current virtual instant). A key backing off after a
   * failure waits for its back-off to end: the rate limiter of upstream's queue, and the API
   * round trips that pace a real controller, keep a failing sync from spinning.
   */
  add(key: string): void {
    const until = this.backoffUntil.get(key);
    if (until !== undefined && until > this.clock.now()) return this.addAfter(key, until - this.clock.now());
    this.pending.add(key);
    if (!this.draining && !this.drainTimer) this.drainTimer = this.clock.after(0, this.name, () => this.drain());
  }

  /** Queue a key after `ms`; an earlier pending timer for the key wins. */
  addAfter(key: string, ms: number): void {
    if (ms <= 0) {
      this.pending.add(key);
      if (!this.draining && !this.drainTimer) this.drainTimer = this.clock.after(0, this.name, () => this.drain());
      return;
    }
    const at = this.clock.now() + Math.round(ms);
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    existing?.cancel();
    this.delayed.set(
      key,
      this.clock.at(at, this.name, () => {
        this.delayed.delete(key);
        this.backoffUntil.delete(key);
        this.add(key);
      }),
    );
  }

  get size(): number {
    return this.pending.size;
  }

  /**
   * Process the keys waiting now. Keys added meanwhile wait for the next drain, a new task at the
   * same instant queued behind the tasks already due: so controllers interleave as concurrent
   * ones do, instead of one running many rounds before another sees the change. A controller that
   * keeps re-queueing itself at one instant is moved on by a millisecond after many rounds.
   */
  private drain(): void {
    this.drainTimer = undefined;
    const now = this.clock.now();
    this.roundsThisInstant = this.lastDrainAt === now ? this.roundsThisInstant + 1 : 0;
    this.lastDrainAt = now;
    this.draining = true;
    try {
      const keys = [...this.pending];
      this.pending.clear();
      for (const key of keys) this.process(key);
    } finally {
      this.draining = false;
    }
    if (this.pending.size > 0) this.drainTimer = this.clock.after(this.roundsThisInstant > 1000 ? 1 : 0, this.name, () => this.drain());
  }

  private process(key: string): void {
    let result: Requeue | void;
    try {
      result = this.reconcile(key);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      const delay = Math.min(5 * 2 ** (n - 1), 1_000_000);
      this.backoffUntil.set(key, this.clock.now() + delay);
      this.addAfter(key, delay);
      return;
    }
    this.failures.delete(key);
    this.backoffUntil.delete(key);
    if (result?.requeueAfterMs !== undefined) this.addAfter(key, result.requeueAfterMs);
  }
}
