/**
 * The kubelet's per-key exponential back-off (client-go util/flowcontrol.Backoff), used for
 * container restarts (key: pod uid + container) and image pulls (key: pod uid + image).
 *
 * - `next` starts an entry at the initial delay, or doubles it up to the cap;
 * - an entry whose last update is more than twice the cap before the event has expired and starts
 *   over ("consider stable if it's ok for twice the maxDuration"): with the kubelet's 300 s cap, a
 *   container that ran for 10 minutes is back at 10 s.
 */
export const CONTAINER_BACKOFF_INITIAL_MS = 10_000;
export const CONTAINER_BACKOFF_MAX_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdateMs: number;
}

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly initialMs = CONTAINER_BACKOFF_INITIAL_MS,
    readonly maxMs = CONTAINER_BACKOFF_MAX_MS,
  ) {}

  /** The current delay for `key` (0 when there is none). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** IsInBackOffSince: whether `now` is still within the delay counted from `eventMs` (a container's finishedAt). */
  inBackoffSince(key: string, eventMs: number, nowMs: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(eventMs, e)) return false;
    return nowMs - eventMs < e.backoffMs;
  }

  /** IsInBackOffSinceUpdate: whether `now` is within the delay counted from the last failure (image pulls). */
  inBackoffSinceUpdate(key: string, nowMs: number): boolean {
    const e = this.entries.get(key);
    if (!e || this.expired(nowMs, e)) return false;
    return nowMs - e.lastUpdateMs < e.backoffMs;
  }

  /** When the delay counted from the last failure ends. */
  endsAfterUpdate(key: string): number | undefined {
    const e = this.entries.get(key);
    return e ? e.lastUpdateMs + e.backoffMs : undefined;
  }

  /** Next: start or double the delay for `key`, recording `now` as its last update. */
  next(key: string, eventMs: number, nowMs: number): void {
    const e = this.entries.get(key);
    if (!e || this.expired(eventMs, e)) this.entries.set(key, { backoffMs: this.initialMs, lastUpdateMs: nowMs });
    else this.entries.set(key, { backoffMs: Math.min(e.backoffMs * 2, this.maxMs), lastUpdateMs: nowMs });
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /** Forget every entry whose key starts with `prefix` (a pod that is gone). */
  resetPrefix(prefix: string): void {
    for (const k of [...this.entries.keys()]) if (k.startsWith(prefix)) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }

  private expired(eventMs: number, e: Entry): boolean {
    return eventMs - e.lastUpdateMs > this.maxMs * 2;
  }
}
