import type { Rng } from '../../engine/rng';
import type { ImageRef } from '../images/reference';
import type { WorkloadOverrides } from './overrides';

/**
 * What a running container does, as the kubelet and the container runtime can observe it: the
 * lines it writes, the ports it serves, the files it creates, the CPU, memory and GPU it uses,
 * and when it exits. A process is a lazy sequence of timed steps, pulled as virtual time reaches
 * each one, so a `while true` loop costs nothing until it runs.
 */
export type Stream = 'stdout' | 'stderr';

/** A log line; its text may depend on the time it is written (servers print timestamps). */
export interface LogLine {
  readonly stream: Stream;
  readonly text: string | ((nowMs: number) => string);
}

/** What an HTTP server answers, by path; other paths get `defaultStatus`. */
export interface HttpRoutes {
  readonly routes: Readonly<Record<string, number>>;
  readonly defaultStatus: number;
}

export interface Usage {
  readonly cpuMillis?: number;
  /** Working set to reach, linearly over `memoryRampMs` (0: at once). */
  readonly memoryBytes?: number;
  readonly memoryRampMs?: number;
  /** Unbounded growth, in bytes per second (a leak); replaces any ramp. */
  readonly memoryGrowthBytesPerSec?: number;
  /** Fraction of the GPU's SMs kept busy, 0–1: the hook the GPU model and DCGM read. */
  readonly gpuUtilisation?: number;
}

export type ProcessEvent =
  | { readonly kind: 'log'; readonly lines: readonly LogLine[] }
  | ({ readonly kind: 'listen'; readonly port: number; readonly protocol: 'http' | 'tcp' } & Partial<HttpRoutes>)
  | { readonly kind: 'usage'; readonly usage: Usage }
  | { readonly kind: 'exit'; readonly code: number }
  /** Nothing observable: time passes (a sleep). */
  | { readonly kind: 'tick' };

export interface TimedStep {
  /** Delay after the previous step. */
  readonly afterMs: number;
  readonly event: ProcessEvent;
}

/** How the process answers a stop signal: exit after a while, or nothing (PID 1 without a handler). */
export type SignalResponse = { readonly exitAfterMs: number; readonly code: number; readonly lines?: readonly LogLine[] } | undefined;

export interface Process {
  /** The catalogue entry that produced it. */
  readonly workload: string;
  readonly steps: Iterator<TimedStep, void>;
  /**
   * Deliver the stop signal (the image's STOPSIGNAL, SIGTERM by default). PID 1 ignores signals it
   * has no handler for, so many processes do nothing and are killed when the grace period ends.
   */
  stop(nowMs: number): SignalResponse;
  /** The line a server writes for a request it answered (probes show up in access logs), if it logs them. */
  accessLog?(request: { readonly method: string; readonly path: string; readonly status: number; readonly clientIp: string; readonly nowMs: number }): LogLine | undefined;
}

/** A container's filesystem, as far as commands and probes can see it: paths and their contents. */
export type FileSystem = Map<string, string>;

/** What commands run inside the container can reach: its own ports and its main process. */
export interface ContainerAccess {
  /** An HTTP GET to one of the container's own ports: the status, or 'refused' when nothing listens. */
  http(port: number, path: string): number | 'refused';
  listening(port: number): boolean;
  /** Signal the main process, as `nginx -s quit` does. */
  signalMain(signal: 'QUIT' | 'TERM'): void;
  /** Virtual now, in milliseconds. */
  now(): number;
}

/** Everything a workload may depend on when it starts. */
export interface ProcessEnv {
  /** The resolved command line: ENTRYPOINT/CMD overridden by command/args, as the runtime runs it. */
  readonly argv: readonly string[];
  readonly image: ImageRef;
  readonly imageHasShell: boolean;
  readonly env: Readonly<Record<string, string>>;
  readonly hostname: string;
  readonly podIP: string;
  readonly nodeName: string;
  /** The node's kernel, as programs print it (uname -r). */
  readonly kernel: string;
  /** Whether the device plugin assigned the container a GPU (a GPU or MIG device). */
  readonly hasGpu: boolean;
  /** Programs the image carries beyond the catalogue (vendor binaries with node state behind them). */
  readonly programs?: (argv: readonly string[], env: ProcessEnv) => Process | undefined;
  readonly overrides: WorkloadOverrides;
  readonly rng: Rng;
  readonly fs: FileSystem;
  readonly access: ContainerAccess;
  readonly startMs: number;
  /** The memory limit in bytes, if any (some programs size themselves to it). */
  readonly memoryLimitBytes?: number;
}

export const line = (text: LogLine['text'], stream: Stream = 'stdout'): LogLine => ({ stream, text });
