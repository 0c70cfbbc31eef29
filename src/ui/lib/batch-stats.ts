import type { Batch } from '../../worker/protocol';

export interface BatchSample {
  /** Epoch ms from the worker sending the batch to the frame that draws it. */
  readonly latencyMs: number;
  /** Objects in the batch: nodes, pods and events changed, ids removed. */
  readonly objects: number;
  /** The diff's size as JSON, measured by the worker (off the UI thread) when asked for. */
  readonly bytes?: number;
}

export interface Distribution {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) return { count: 0, p50: 0, p95: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

/**
 * Worker → UI batch measurements for the UI benchmark: latency from send to draw, and size.
 * Off unless the page was opened with `?bench`.
 */
export class BatchStats {
  private samples: BatchSample[] = [];

  record(batch: Batch, receivedAt: number): void {
    const d = batch.diff;
    this.samples.push({
      latencyMs: receivedAt - batch.sentAt,
      objects: d.nodes.length + d.pods.length + d.services.length + d.autoscalers.length + d.events.length + d.removed.length,
      ...(batch.bytes !== undefined ? { bytes: batch.bytes } : {}),
    });
  }

  reset(): void {
    this.samples = [];
  }

  summary(): { latencyMs: Distribution; objects: Distribution; bytes: Distribution } {
    return {
      latencyMs: distribution(this.samples.map((s) => s.latencyMs)),
      objects: distribution(this.samples.map((s) => s.objects)),
      bytes: distribution(this.samples.flatMap((s) => (s.bytes === undefined ? [] : [s.bytes]))),
    };
  }
}
