/**
 * The typed contract between the UI and the simulation worker. The UI imports this file for
 * types only; everything crossing the boundary is structured-clone data.
 */
import type { ApplyOutput, Completion, EditOutcome, EditRequest, Fault, FaultResult, Inspection, InspectRef, KubectlResult, Labels, Series, Snapshot, ViewDiff, ViewSnapshot } from '../core';

export type {
  ApplyOutput,
  Completion,
  EditOutcome,
  EditRequest,
  ApplyResult,
  ContainerView,
  EndpointView,
  HpaMetricView,
  HpaView,
  MigInstanceView,
  ServiceView,
  EventView,
  ExtendedResourceView,
  Fault,
  FaultResult,
  GpuHealthView,
  GpuView,
  Inspection,
  InspectRef,
  KubectlResult,
  ExplanationView,
  NodeVerdict,
  PluginScore,
  NodeView,
  PodView,
  PodVisualState,
  Sample,
  Series,
  Snapshot,
  ViewDiff,
  ViewSnapshot,
} from '../core';

export interface ClockState {
  /** Virtual milliseconds since the cluster booted. */
  readonly timeMs: number;
  readonly running: boolean;
  /** Virtual seconds per wall second. */
  readonly speed: number;
}

/** A metric the UI charts: every series of `name` whose labels include `match`. */
export interface MetricQuery {
  readonly name: string;
  readonly match?: Labels;
}

/** One message from the worker: the changes since the last one, and the clock. */
export interface Batch {
  readonly diff: ViewDiff | ViewSnapshot;
  readonly clock: ClockState;
  /** Epoch milliseconds (performance.timeOrigin + now) when the batch was sent, for latency measurements. */
  readonly sentAt: number;
  /** The inspected object, when it changed since the last batch. */
  readonly inspection?: Inspection;
  /** The watched metric series, when a new sample arrived since the last batch (latest samples only). */
  readonly metrics?: readonly Series[];
  /** The editor's schema, when the extended resources the cluster advertises changed (a device plugin started). */
  readonly schema?: Record<string, unknown>;
  /** The diff's size as JSON, measured in the worker when the UI asked for it (the UI benchmark). */
  readonly bytes?: number;
}

export interface StartOptions {
  readonly seed: number;
  readonly cluster: string;
  /** Resume from a saved snapshot instead of a fresh cluster. */
  readonly snapshot?: Snapshot;
  readonly speed?: number;
  readonly running?: boolean;
  /** Measure each batch's size (costs a JSON encoding per batch; for the UI benchmark). */
  readonly measure?: boolean;
}

export interface PresetInfo {
  readonly name: string;
  readonly description: string;
  readonly nodes: number;
}

/** One chart of the metrics panel: a metric, its unit, and the labels that name its lines. */
export interface ChartSpec {
  readonly id: string;
  readonly metric: string;
  readonly unit: 'millicores' | 'bytes' | 'mebibytes' | 'percent' | 'ratio';
  readonly lineLabels: readonly string[];
  /** The label that holds the node, to narrow the chart to a selected node. */
  readonly scope: string;
  /** Keep only the series that carry this label (`present`) or lack it: MIG instances versus whole GPUs. */
  readonly where?: { readonly label: string; readonly present: boolean };
}

export interface StartResult {
  readonly presets: readonly PresetInfo[];
  readonly charts: readonly ChartSpec[];
  /** JSON Schema of every manifest kind, for the editor. */
  readonly schema: Record<string, unknown>;
  /** The fault types the simulation can inject. */
  readonly faultTypes: readonly string[];
}

/** What a terminal command printed: kubectl's result, and whether it goes on streaming. */
export interface TerminalResult extends Omit<KubectlResult, 'watch' | 'follow' | 'mutated'> {
  /** `get -w` or `logs -f`: chunks keep arriving until stopWatch(). */
  readonly watching: boolean;
}

/** What the worker exposes through comlink. Every method may be awaited. */
export interface SimWorkerApi {
  start(options: StartOptions, onBatch: (batch: Batch) => void): Promise<StartResult>;
  apply(yaml: string, fileName: string): Promise<ApplyOutput>;
  /** `kubectl delete -f`: delete every object the manifest names. */
  deleteManifest(yaml: string, fileName: string): Promise<ApplyOutput>;
  kubectl(line: string, stdin?: string): Promise<KubectlResult>;
  /** `kubectl delete <kind> <name>`, gracefully. */
  deleteObject(kind: string, name: string, namespace?: string): Promise<{ ok: boolean; message: string }>;
  inject(fault: Fault): Promise<FaultResult>;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  /** Advance the paused clock by `seconds`. */
  step(seconds: number): Promise<void>;
  /** Fast-forward until nothing changes; resolves with the virtual seconds advanced. */
  fastForward(): Promise<number>;
  /** The UI has drawn batch `seq`: the worker may send the next one. */
  ack(seq: number): void;
  snapshot(): Promise<Snapshot>;
  /** Follow one object in the inspector (undefined to stop); returns its current inspection. */
  inspect(ref: InspectRef | undefined): Promise<Inspection | undefined>;
  /** Follow metric series for the charts; returns their current samples. */
  watchMetrics(queries: readonly MetricQuery[]): Promise<Series[]>;
  /**
   * A line typed in the terminal: `kubectl …` with the editor's files by name (`apply -f web.yaml`)
   * and a pasted here-document as stdin. A watch (`get -w`, `logs -f`) streams further output to
   * `onChunk` as the clock advances, until stopWatch(); starting another command stops it.
   */
  kubectlWatch(line: string, stdin: string | undefined, files: Record<string, string>, onChunk: (chunk: string) => void): Promise<TerminalResult>;
  /** Ctrl+C on the open watch. */
  stopWatch(): Promise<void>;
  /** Tab completion of a kubectl line at `cursor`. */
  completeKubectl(line: string, cursor: number, files: Record<string, string>): Promise<Completion>;
  /** A line typed in the node shell `kubectl debug node/<name> -it` opened. */
  nodeShell(node: string, line: string): Promise<{ stdout: string; stderr: string; exitCode: number; exited?: boolean }>;
  /** Save the editor tab `kubectl edit` opened: kubectl edit's outcome, or the edit reopened with its errors. */
  saveEdit(request: EditRequest, text: string): Promise<EditOutcome>;
  /** Liveness check for the UI's watchdog. */
  ping(): true;
}

export const SPEEDS = [1, 2, 5, 10, 25, 50, 100] as const;

/** Samples per series sent to the charts: the last ten virtual minutes at the kubelet's 10 s cadence. */
export const CHART_SAMPLES = 60;
