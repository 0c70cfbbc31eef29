/**
 * The typed contract between the UI and the simulation worker. The UI imports this file for
 * types only; everything crossing the boundary is structured-clone data.
 */
import type { ApplyOutput, KubectlResult, Snapshot, ViewDiff, ViewSnapshot } from '../core';

export type { ApplyOutput, ApplyResult, EventView, GpuView, KubectlResult, NodeView, PodView, PodVisualState, Snapshot, ViewDiff, ViewSnapshot } from '../core';

export interface ClockState {
  /** Virtual milliseconds since the cluster booted. */
  readonly timeMs: number;
  readonly running: boolean;
  /** Virtual seconds per wall second. */
  readonly speed: number;
}

/** One message from the worker: the changes since the last one, and the clock. */
export interface Batch {
  readonly diff: ViewDiff | ViewSnapshot;
  readonly clock: ClockState;
  /** Wall milliseconds (worker clock) when the batch was sent, for latency measurements. */
  readonly sentAt: number;
}

export interface StartOptions {
  readonly seed: number;
  readonly cluster: string;
  /** Resume from a saved snapshot instead of a fresh cluster. */
  readonly snapshot?: Snapshot;
  readonly speed?: number;
  readonly running?: boolean;
}

export interface StartResult {
  readonly presets: readonly string[];
  /** JSON Schema of every manifest kind, for the editor. */
  readonly schema: Record<string, unknown>;
}

/** What the worker exposes through comlink. Every method may be awaited. */
export interface SimWorkerApi {
  start(options: StartOptions, onBatch: (batch: Batch) => void): StartResult;
  apply(yaml: string, fileName: string): ApplyOutput;
  kubectl(line: string, stdin?: string): KubectlResult;
  deleteObject(kind: string, name: string, namespace?: string): { ok: boolean; message: string };
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  /** Advance the paused clock by `seconds`. */
  step(seconds: number): void;
  /** Fast-forward until nothing changes; resolves with the virtual seconds advanced. */
  fastForward(): number;
  /** The UI has drawn batch `seq`: the worker may send the next one. */
  ack(seq: number): void;
  snapshot(): Snapshot;
}

export const SPEEDS = [1, 2, 5, 10, 25, 50, 100] as const;
