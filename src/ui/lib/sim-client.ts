import * as Comlink from 'comlink';
import type { Batch, SimWorkerApi, StartOptions, StartResult } from '../../worker/protocol';
import SimWorker from '../../worker/sim.worker.ts?worker';
import type { BatchStats } from './batch-stats';
import { startWatchdog } from './watchdog';

/** How often the UI checks that the worker still answers, and how long it waits for an answer. */
const PING_EVERY_MS = 3000;
/** Long enough for the slowest legitimate call (fast-forwarding a large cluster) to finish. */
const PING_TIMEOUT_MS = 20_000;

export type SessionFailure = 'crashed' | 'unresponsive';

export interface SessionCallbacks {
  /** A batch, on the animation frame it is drawn in. */
  onBatch(batch: Batch): void;
  /** The worker died or stopped answering; the session is already terminated. */
  onFailure(reason: SessionFailure): void;
  readonly stats?: BatchStats;
}

export interface SimSession {
  readonly info: StartResult;
  /** Call the worker; rejects if the worker fails before answering. */
  call<T>(fn: (api: Comlink.Remote<SimWorkerApi>) => Promise<T>): Promise<T>;
  terminate(): void;
}

/**
 * Start the simulation worker and connect it to the UI. Batches are applied on the next
 * animation frame and acknowledged there, so the worker never sends more than one per frame.
 * A watchdog pings the worker and reports a crash or a hang, so the UI can restart it.
 */
export async function startSession(options: StartOptions, callbacks: SessionCallbacks): Promise<SimSession> {
  const worker = new SimWorker();
  const api = Comlink.wrap<SimWorkerApi>(worker);
  let pending: Batch | undefined;
  let frame = 0;
  let ended = false;
  let rejectFailed: (e: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (rejectFailed = reject));
  failed.catch(() => {});

  const end = (reason?: SessionFailure) => {
    if (ended) return;
    ended = true;
    stopWatchdog();
    if (frame) cancelAnimationFrame(frame);
    api[Comlink.releaseProxy]();
    worker.terminate();
    rejectFailed(new Error(reason ?? 'terminated'));
    if (reason) callbacks.onFailure(reason);
  };

  const onBatch = (batch: Batch) => {
    pending = batch;
    if (!frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        const b = pending;
        pending = undefined;
        if (!b || ended) return;
        callbacks.stats?.record(b, performance.timeOrigin + performance.now());
        callbacks.onBatch(b);
        void api.ack(b.diff.seq).catch(() => {});
      });
    }
  };

  worker.addEventListener('error', () => end('crashed'));
  const stopWatchdog = startWatchdog({ ping: () => api.ping(), onTimeout: () => end('unresponsive'), everyMs: PING_EVERY_MS, timeoutMs: PING_TIMEOUT_MS });

  let info: StartResult;
  try {
    info = await Promise.race([api.start(options, Comlink.proxy(onBatch)), failed]);
  } catch (e) {
    end();
    throw e;
  }
  return {
    info,
    call: (fn) => Promise.race([fn(api), failed]),
    terminate: () => end(),
  };
}
