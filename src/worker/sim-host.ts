import type { Completion, DeleteResult, EditOutcome, EditRequest, Fault, FaultResult, KubectlResult, NodeShellResult, Snapshot } from '../core';
import { decodeManifests } from '../core/api/yaml-decode';
import { PRESETS } from '../core/cluster/presets';
import { deferredCodeToRun } from '../core/deferred/needs';
import { DEFERRED_NAMES, type DeferredName } from '../core/deferred/registry';
import { Simulation } from '../core/simulation';
import { loadDeferred } from './deferred-loader';
import type { ViewTracker } from '../core/view/view-tracker';
import { CHARTS } from './charts';
import { CHART_SAMPLES, type ApplyOutput, type Batch, type Inspection, type InspectRef, type MetricQuery, type Series, type SimWorkerApi, type StartOptions, type StartResult, type TerminalResult, type ViewDiff } from './protocol';

/** The longest wall time one tick may account for: after a stall the clock does not leap ahead. */
const MAX_TICK_WALL_MS = 250;
const TICK_MS = 16;
/**
 * Fast-forward runs until nothing has changed for 5½ virtual minutes — longer than the 300 s a
 * pod tolerates an unreachable node by default, so a node failure plays out to its evictions —
 * for at most 15 virtual minutes, and at most 8 wall seconds (well inside the UI's watchdog).
 */
const FF_QUIET_S = 330;
const FF_MAX_S = 900;
const FF_WALL_MS = 8000;
/** Pods (and events) per batch: beyond this a burst is spread over the next frames. */
const BATCH_LIMIT = 400;

/** Wall time comparable across the UI thread and the worker (both share the epoch). */
const epochNow = (): number => performance.timeOrigin + performance.now();

/**
 * Runs a Simulation against the wall clock and streams view diffs to the UI with flow control:
 * a new batch is sent only after the UI acknowledged the previous one, so there is at most one
 * batch per animation frame and none pile up when the UI is busy. The inspected object and the
 * charted metrics ride along in the same batches.
 *
 * kubectl and the YAML library are not part of the worker's first download: a command that needs
 * them waits for their chunk (core/deferred/registry.ts). Commands run one after another in the
 * order they arrive, so a later one never overtakes one still waiting for its code.
 */
export class SimHost implements SimWorkerApi {
  private sim: Simulation | undefined;
  private tracker: ViewTracker | undefined;
  private onBatch: ((b: Batch) => void) | undefined;
  private running = true;
  private speed = 1;
  private awaitingAck = false;
  private lastTick = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private needsFull = true;
  private inspected: InspectRef | undefined;
  private lastInspection = '';
  private metricQueries: readonly MetricQuery[] = [];
  private metricMarks = '';
  private resourceNames = '';
  private clockDirty = false;
  private measure = false;
  /** Ctrl+C of the terminal's open watch (`get -w`, `logs -f`). */
  private stopOpenWatch: (() => void) | undefined;

  /** The tail of the command queue. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly wallNow: () => number = epochNow,
    private readonly load: (names: readonly DeferredName[]) => Promise<void> = loadDeferred,
  ) {}

  start(options: StartOptions, onBatch: (batch: Batch) => void): Promise<StartResult> {
    // The old cluster stops at once: none of its batches may reach the UI after this call.
    this.stopLoop();
    this.endWatch();
    this.onBatch = undefined;
    // Replaying a command log reaches kubectl and YAML; a bare cluster what it runs on its own.
    const needs = options.snapshot?.log.length ? DEFERRED_NAMES : deferredCodeToRun(options.snapshot?.cluster ?? options.cluster);
    return this.serial(needs, () => {
      const sim = new Simulation({ seed: options.seed, cluster: options.cluster });
      if (options.snapshot) sim.restore(options.snapshot);
      return this.started(sim, options, onBatch);
    });
  }

  private started(sim: Simulation, options: StartOptions, onBatch: (batch: Batch) => void): StartResult {
    this.stopLoop();
    this.endWatch();
    this.sim = sim;
    this.tracker?.dispose();
    this.tracker = sim.createViewTracker();
    this.onBatch = onBatch;
    this.speed = options.speed ?? 1;
    this.running = options.running ?? true;
    this.measure = options.measure ?? false;
    this.needsFull = true;
    this.awaitingAck = false;
    this.lastTick = this.wallNow();
    const resourceNames = sim.extendedResourceNames();
    this.resourceNames = resourceNames.join(',');
    this.flush();
    this.loop();
    return {
      presets: Object.values(PRESETS).map((p) => ({ name: p.name, description: p.description ?? '', nodes: p.pools.reduce((n, pool) => n + pool.count, 0) })),
      charts: CHARTS,
      schema: sim.manifestSchema(resourceNames),
      faultTypes: sim.faultTypes(),
    };
  }

  /** Run `command` after every command before it, once the deferred code it `needs` is loaded. */
  private serial<T>(needs: readonly DeferredName[], command: () => T | Promise<T>): Promise<T> {
    const result = this.queue.then(async () => {
      await this.load(needs);
      return command();
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  apply(yaml: string, fileName: string): Promise<ApplyOutput> {
    return this.serial(['yaml'], () => {
      const out = this.requireSim().apply(yaml, { fileName });
      this.flush();
      return out;
    });
  }

  /** `kubectl delete -f <file>`: each object the file names, in order, gracefully. */
  deleteManifest(yaml: string, fileName: string): Promise<ApplyOutput> {
    return this.serial(['yaml'], () => this.doDeleteManifest(yaml, fileName));
  }

  private doDeleteManifest(yaml: string, fileName: string): ApplyOutput {
    const sim = this.requireSim();
    const decoded = decodeManifests(yaml, fileName);
    if (!decoded.ok) {
      const message = `error: ${decoded.error.message}`;
      return { results: [{ line: decoded.error.line ?? 1, ok: false, message, errorLine: decoded.error.line }], stdout: '', stderr: message, ok: false };
    }
    const results = decoded.documents.map((d) => {
      const kind = d.object.kind ?? '';
      const name = d.object.metadata?.name ?? '';
      const out = sim.delete(kind, name, d.object.metadata?.namespace);
      const message = out.ok ? out.message : out.message.replace(/^Error from server \((\w+)\): /, `Error from server ($1): error when deleting "${fileName}": `);
      return { line: d.line, ok: out.ok, message };
    });
    this.flush();
    const text = (ok: boolean) => results.filter((r) => r.ok === ok).map((r) => r.message).join('\n');
    return { results, stdout: text(true), stderr: text(false), ok: results.every((r) => r.ok) };
  }

  kubectl(line: string, stdin?: string): Promise<KubectlResult> {
    return this.serial(DEFERRED_NAMES, () => {
      const out = this.requireSim().kubectl(line, stdin);
      this.flush();
      return out;
    });
  }

  kubectlWatch(line: string, stdin: string | undefined, files: Record<string, string>, onChunk: (chunk: string) => void): Promise<TerminalResult> {
    return this.serial(DEFERRED_NAMES, () => {
      // One terminal, one foreground command: a new line ends the watch before it.
      this.endWatch();
      const { result, watching, stop } = this.requireSim().kubectlWatch(line, onChunk, stdin, files);
      if (watching) this.stopOpenWatch = stop;
      this.flush();
      const { watch: _watch, follow: _follow, mutated: _mutated, ...printed } = result;
      return { ...printed, watching };
    });
  }

  /** Ctrl+C: in turn, so it also ends a watch whose command is still waiting for its code. */
  stopWatch(): Promise<void> {
    return this.serial([], () => this.endWatch());
  }

  private endWatch(): void {
    this.stopOpenWatch?.();
    this.stopOpenWatch = undefined;
  }

  completeKubectl(line: string, cursor: number, files: Record<string, string>): Promise<Completion> {
    return this.serial(DEFERRED_NAMES, () => this.requireSim().completeKubectl(line, cursor, files));
  }

  nodeShell(node: string, line: string): Promise<NodeShellResult> {
    return this.serial(DEFERRED_NAMES, () => this.requireSim().nodeShell(node, line));
  }

  saveEdit(request: EditRequest, text: string): Promise<EditOutcome> {
    return this.serial(DEFERRED_NAMES, () => {
      const out = this.requireSim().saveEdit(request, text);
      this.flush();
      return out;
    });
  }

  deleteObject(kind: string, name: string, namespace?: string): Promise<DeleteResult> {
    return this.serial([], () => {
      const out = this.requireSim().delete(kind, name, namespace);
      this.flush();
      return out;
    });
  }

  inject(fault: Fault): Promise<FaultResult> {
    return this.serial([], () => {
      const out = this.requireSim().inject(fault);
      this.flush();
      return out;
    });
  }

  play(): void {
    this.running = true;
    this.lastTick = this.wallNow();
    this.flush(true);
  }

  pause(): void {
    this.running = false;
    this.flush(true);
  }

  setSpeed(speed: number): void {
    this.speed = Math.min(100, Math.max(0.1, speed));
    this.flush(true);
  }

  step(seconds: number): Promise<void> {
    return this.serial([], () => {
      this.requireSim().advance(seconds);
      this.flush(true);
    });
  }

  fastForward(): Promise<number> {
    return this.serial([], () => this.doFastForward());
  }

  private doFastForward(): number {
    const wallStart = this.wallNow();
    const advanced = this.requireSim().advanceUntilQuiet(FF_MAX_S, FF_QUIET_S, () => this.wallNow() - wallStart < FF_WALL_MS);
    this.flush(true);
    return advanced;
  }

  ack(seq: number): void {
    void seq;
    this.awaitingAck = false;
    this.flush();
  }

  snapshot(): Promise<Snapshot> {
    return this.serial([], () => this.requireSim().snapshot());
  }

  /** The inspector shows an object's YAML and kubectl's describe: it waits for both. */
  inspect(ref: InspectRef | undefined): Promise<Inspection | undefined> {
    return this.serial(ref ? DEFERRED_NAMES : [], () => this.follow(ref));
  }

  private follow(ref: InspectRef | undefined): Inspection | undefined {
    this.inspected = ref;
    if (!ref) {
      this.lastInspection = '';
      return undefined;
    }
    const inspection = this.requireSim().inspect(ref);
    this.lastInspection = JSON.stringify(inspection);
    return inspection;
  }

  watchMetrics(queries: readonly MetricQuery[]): Promise<Series[]> {
    return this.serial([], () => this.followMetrics(queries));
  }

  private followMetrics(queries: readonly MetricQuery[]): Series[] {
    this.metricQueries = queries;
    const series = this.querySeries();
    this.metricMarks = marksOf(series);
    return series;
  }

  ping(): true {
    return true;
  }

  private loop(): void {
    this.timer = setTimeout(() => {
      this.tick();
      this.loop();
    }, TICK_MS);
  }

  /** Stop the wall-clock loop (tests; the worker simply terminates). */
  stop(): void {
    this.stopLoop();
    this.endWatch();
  }

  private stopLoop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = this.wallNow();
    const wall = Math.min(now - this.lastTick, MAX_TICK_WALL_MS);
    this.lastTick = now;
    if (this.running && this.sim) this.sim.advance((wall * this.speed) / 1000);
    this.flush(this.running);
  }

  /** Send the pending changes if the UI is ready for them (or a clock update when `clockChanged`). */
  private flush(clockChanged = false): void {
    // A clock change that cannot go now (the UI has not drawn the last batch) goes with the next.
    this.clockDirty ||= clockChanged;
    if (!this.sim || !this.tracker || !this.onBatch || this.awaitingAck) return;
    const metrics = this.changedMetrics();
    if (!this.needsFull && !this.tracker.hasChanges && !this.clockDirty && !metrics) return;
    this.clockDirty = false;
    const timeMs = Math.round(this.sim.now() * 1000);
    const full = this.needsFull;
    const diff = full ? this.tracker.snapshot(timeMs) : this.tracker.flush(timeMs, BATCH_LIMIT);
    this.needsFull = false;
    this.awaitingAck = true;
    const inspection = full || touches(diff, this.inspected) ? this.changedInspection() : undefined;
    const schema = diff.nodes.length ? this.changedSchema() : undefined;
    this.onBatch({
      diff,
      clock: { timeMs, running: this.running, speed: this.speed },
      sentAt: this.wallNow(),
      ...(inspection ? { inspection } : {}),
      ...(metrics ? { metrics } : {}),
      ...(schema ? { schema } : {}),
      ...(this.measure ? { bytes: JSON.stringify(diff).length } : {}),
    });
  }

  /** The editor's schema, when the extended resources the nodes advertise changed. */
  private changedSchema(): Record<string, unknown> | undefined {
    const names = this.sim!.extendedResourceNames();
    const key = names.join(',');
    if (key === this.resourceNames) return undefined;
    this.resourceNames = key;
    return this.sim!.manifestSchema(names);
  }

  private changedInspection(): Inspection | undefined {
    if (!this.inspected || !this.sim) return undefined;
    const inspection = this.sim.inspect(this.inspected);
    const json = JSON.stringify(inspection);
    if (json === this.lastInspection) return undefined;
    this.lastInspection = json;
    return inspection;
  }

  /** The watched series, each with its `last` samples: the charts draw CHART_SAMPLES of them. */
  private querySeries(last = CHART_SAMPLES): Series[] {
    const sim = this.sim;
    if (!sim) return [];
    return this.metricQueries.flatMap((q) => sim.metricSeries(q.name, q.match, last));
  }

  /**
   * The watched series, if a sample arrived since they were last sent. This runs every tick, so
   * the fingerprint is taken from each series' last sample alone.
   */
  private changedMetrics(): Series[] | undefined {
    if (this.metricQueries.length === 0) return undefined;
    const marks = marksOf(this.querySeries(1));
    if (marks === this.metricMarks) return undefined;
    this.metricMarks = marks;
    return this.querySeries();
  }

  private requireSim(): Simulation {
    if (!this.sim) throw new Error('the simulation has not been started');
    return this.sim;
  }
}

/** A fingerprint of series: each one's labels and latest sample time. */
function marksOf(series: readonly Series[]): string {
  return series.map((s) => `${s.name}${JSON.stringify(s.labels)}@${s.samples[s.samples.length - 1]?.timeMs ?? ''}`).join('|');
}

/** Whether a diff may change what the inspector shows for `ref`. */
function touches(diff: ViewDiff, ref: InspectRef | undefined): boolean {
  if (!ref) return false;
  const name = 'node' in ref ? ref.node : ref.name;
  if (ref.kind === 'Pod') return diff.pods.some((p) => p.name === name) || diff.events.some((e) => e.objectName === name) || diff.removed.length > 0;
  if (ref.kind === 'Node' || ref.kind === 'Gpu') return diff.nodes.some((n) => n.name === name) || diff.events.some((e) => e.objectName === name);
  return diff.events.some((e) => e.objectName === name) || diff.nodes.length + diff.pods.length > 0;
}
