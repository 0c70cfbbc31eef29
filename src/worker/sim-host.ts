import { createSimulation, PRESET_NAMES, type Simulation } from '../core';
import type { ViewTracker } from '../core/view/view-tracker';
import type { Batch, SimWorkerApi, StartOptions, StartResult } from './protocol';

/** The longest wall time one tick may account for: after a stall the clock does not leap ahead. */
const MAX_TICK_WALL_MS = 250;
const TICK_MS = 16;

/**
 * Runs a Simulation against the wall clock and streams view diffs to the UI with flow control:
 * a new batch is sent only after the UI acknowledged the previous one, so there is at most one
 * batch per animation frame and none pile up when the UI is busy.
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

  constructor(private readonly wallNow: () => number = () => performance.now()) {}

  start(options: StartOptions, onBatch: (batch: Batch) => void): StartResult {
    this.stopLoop();
    const sim = createSimulation({ seed: options.seed, cluster: options.cluster });
    if (options.snapshot) sim.restore(options.snapshot);
    this.sim = sim;
    this.tracker?.dispose();
    this.tracker = sim.createViewTracker();
    this.onBatch = onBatch;
    this.speed = options.speed ?? 1;
    this.running = options.running ?? true;
    this.needsFull = true;
    this.awaitingAck = false;
    this.lastTick = this.wallNow();
    this.flush();
    this.loop();
    return { presets: PRESET_NAMES, schema: sim.manifestSchema() };
  }

  apply(yaml: string, fileName: string) {
    const out = this.requireSim().apply(yaml, { fileName });
    this.flush();
    return out;
  }

  kubectl(line: string, stdin?: string) {
    const out = this.requireSim().kubectl(line, stdin);
    this.flush();
    return out;
  }

  deleteObject(kind: string, name: string, namespace?: string) {
    const out = this.requireSim().delete(kind, name, namespace);
    this.flush();
    return out;
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

  step(seconds: number): void {
    this.requireSim().advance(seconds);
    this.flush(true);
  }

  fastForward(): number {
    const advanced = this.requireSim().advanceUntilQuiet();
    this.flush(true);
    return advanced;
  }

  ack(seq: number): void {
    void seq;
    this.awaitingAck = false;
    this.flush();
  }

  snapshot() {
    return this.requireSim().snapshot();
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

  /** Send the pending changes if the UI is ready for them (or a clock update when `clockOnly`). */
  private flush(clockChanged = false): void {
    if (!this.sim || !this.tracker || !this.onBatch || this.awaitingAck) return;
    if (!this.needsFull && !this.tracker.hasChanges && !clockChanged) return;
    const timeMs = Math.round(this.sim.now() * 1000);
    const diff = this.needsFull ? this.tracker.snapshot(timeMs) : this.tracker.flush(timeMs);
    this.needsFull = false;
    this.awaitingAck = true;
    this.onBatch({ diff, clock: { timeMs, running: this.running, speed: this.speed }, sentAt: this.wallNow() });
  }

  private requireSim(): Simulation {
    if (!this.sim) throw new Error('the simulation has not been started');
    return this.sim;
  }
}
