/**
 * Notices a worker that stopped answering: every `everyMs` it sends a ping (unless one is still
 * out), and reports once a ping has gone unanswered for `timeoutMs`. Timers are injected so the
 * rule can be tested without waiting.
 */
export interface WatchdogOptions {
  readonly ping: () => Promise<unknown>;
  readonly onTimeout: () => void;
  readonly everyMs: number;
  readonly timeoutMs: number;
  readonly now?: () => number;
  readonly setInterval?: (fn: () => void, ms: number) => unknown;
  readonly clearInterval?: (handle: unknown) => void;
}

export function startWatchdog(o: WatchdogOptions): () => void {
  const now = o.now ?? (() => performance.now());
  const every = o.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const clear = o.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
  let sentAt = 0;
  let fired = false;
  const handle = every(() => {
    if (fired) return;
    if (sentAt) {
      if (now() - sentAt > o.timeoutMs) {
        fired = true;
        clear(handle);
        o.onTimeout();
      }
      return;
    }
    sentAt = now();
    o.ping().then(
      () => (sentAt = 0),
      () => {},
    );
  }, o.everyMs);
  return () => clear(handle);
}
