import * as Comlink from 'comlink';
import type { Batch, SimWorkerApi, Snapshot, StartResult } from '../../worker/protocol';
import SimWorker from '../../worker/sim.worker.ts?worker';
import type { ClusterState } from './cluster-state.svelte';

export interface SimSession {
  readonly api: Comlink.Remote<SimWorkerApi>;
  readonly info: StartResult;
  terminate(): void;
}

export interface StartSessionOptions {
  readonly seed: number;
  readonly cluster: string;
  readonly snapshot?: Snapshot;
  readonly speed: number;
  readonly running: boolean;
}

/**
 * Start the simulation worker and connect it to the mirror. Batches are applied on the next
 * animation frame and acknowledged there, so the worker never sends more than one per frame.
 */
export async function startSession(state: ClusterState, options: StartSessionOptions): Promise<SimSession> {
  const worker = new SimWorker();
  const api = Comlink.wrap<SimWorkerApi>(worker);
  let pending: Batch | undefined;
  let frame = 0;
  const onBatch = (batch: Batch) => {
    pending = batch;
    if (!frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        const b = pending;
        pending = undefined;
        if (!b) return;
        state.applyBatch(b);
        void api.ack(b.diff.seq);
      });
    }
  };
  const info = await api.start(options, Comlink.proxy(onBatch));
  return {
    api,
    info,
    terminate() {
      if (frame) cancelAnimationFrame(frame);
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
