import type { Timer, VirtualClock } from '../engine/clock';
import type { Rng } from '../engine/rng';
import type { ContainerLog } from './logs';
import type { FileSystem, HttpRoutes, LogLine, Process, ProcessEvent, Usage } from './workloads/process';

export type ExitReason = 'Completed' | 'Error' | 'OOMKilled';

export interface ResourceUse {
  readonly cpuMillis: number;
  readonly memoryBytes: number;
  readonly gpuUtilisation: number;
}

export interface RunnerLimits {
  readonly cpuMillis?: number;
  readonly memoryBytes?: number;
}

/** What the pod's annotations change about a running process (docs/workloads.md). */
export interface RunnerOverrides {
  /** kubelab.dev/memory-growth: bytes per second added on top of what the program uses. */
  readonly memoryGrowthPerSec: number;
  /** kubelab.dev/cpu-usage, read live: the CPU used instead of the program's demand. */
  readonly cpuMillis: () => number | undefined;
}

/** SIGKILL: 128 + 9. */
export const EXIT_KILLED = 137;

/** A zero-delay step loop longer than this is a program that never sleeps; give the clock a millisecond. */
const MAX_INSTANT_STEPS = 10_000;

/**
 * One running container instance: it pulls its process's steps as virtual time reaches them,
 * writes its log, keeps the ports it serves and the memory, CPU and GPU it uses, and ends when
 * the process exits, is killed, or exceeds its memory limit (the kernel's OOM killer: exit 137,
 * OOMKilled, at the exact instant the working set crosses the limit).
 */
export class RunningProcess {
  readonly ports = new Map<number, { readonly protocol: 'http' | 'tcp' } & HttpRoutes>();
  exited = false;
  private process: Process | undefined;
  private stepTimer: Timer | undefined;
  private oomTimer: Timer | undefined;
  private stopTimer: Timer | undefined;
  private cpuMillis = 0;
  private gpu = 0;
  /** Memory: linear from m0 at t0 with `slope` bytes/ms, capped at `cap`. */
  private mem = { t0: 0, m0: 0, slope: 0, cap: 0 };
  readonly startMs: number;

  constructor(
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
    readonly fs: FileSystem,
    readonly log: ContainerLog,
    private readonly limits: RunnerLimits,
    private readonly overrides: RunnerOverrides,
    private readonly onExit: (code: number, reason: ExitReason) => void,
  ) {
    this.startMs = clock.now();
    this.mem.t0 = this.startMs;
  }

  run(process: Process): void {
    this.process = process;
    this.scheduleOom();
    this.pump();
  }

  get workload(): string {
    return this.process?.workload ?? '';
  }

  /** Deliver the stop signal; the process may exit after a while, or ignore it. */
  stop(): void {
    if (this.exited || !this.process || this.stopTimer) return;
    const response = this.process.stop(this.clock.now());
    if (!response) return;
    this.stepTimer?.cancel();
    this.stopTimer = this.clock.after(response.exitAfterMs, 'container-stop', () => {
      this.write(response.lines ?? []);
      this.finish(response.code, response.code === 0 ? 'Completed' : 'Error');
    });
  }

  /** SIGKILL (also what the OOM fault does, with reason OOMKilled). */
  kill(reason: ExitReason = 'Error'): void {
    if (this.exited) return;
    this.finish(EXIT_KILLED, reason);
  }

  /** The process ends with `code` now (a crash fault). */
  crash(code: number): void {
    if (this.exited) return;
    this.finish(code, code === 0 ? 'Completed' : 'Error');
  }

  /** The machine lost power: the process is gone, nobody is told. */
  vanish(): void {
    this.exited = true;
    this.cancelTimers();
  }

  usage(nowMs = this.clock.now()): ResourceUse {
    if (this.exited) return { cpuMillis: 0, memoryBytes: 0, gpuUtilisation: 0 };
    const demand = this.overrides.cpuMillis() ?? this.cpuMillis;
    // CFS quota: a container never gets more CPU than its limit.
    const cpu = this.limits.cpuMillis !== undefined ? Math.min(demand, this.limits.cpuMillis) : demand;
    return { cpuMillis: cpu, memoryBytes: Math.round(this.memoryAt(nowMs)), gpuUtilisation: this.gpu };
  }

  /** A sample with a little noise, as cAdvisor readings have; a CPU use set by annotation is exact. */
  sample(nowMs: number): ResourceUse {
    const u = this.usage(nowMs);
    if (u.cpuMillis <= 0 || this.overrides.cpuMillis() !== undefined) return u;
    return { ...u, cpuMillis: Math.max(0, Math.round(this.rng.jitter(u.cpuMillis, 0.1))) };
  }

  /** An HTTP request to a port of this container, as a probe or a client inside the pod makes it. */
  http(port: number, path: string, clientIp: string, log = true): number | 'refused' | 'not-http' {
    const p = this.ports.get(port);
    if (this.exited || !p) return 'refused';
    if (p.protocol !== 'http') return 'not-http';
    const status = p.routes[path.split('?')[0]!] ?? p.defaultStatus;
    const line = log ? this.process?.accessLog?.({ method: 'GET', path, status, clientIp, nowMs: this.clock.now() }) : undefined;
    if (line) this.write([line]);
    return status;
  }

  listening(port: number): boolean {
    return !this.exited && this.ports.has(port);
  }

  private pump(): void {
    let instant = 0;
    while (!this.exited && this.process) {
      const r = this.process.steps.next();
      if (r.done) return;
      const { afterMs, event } = r.value;
      if (!Number.isFinite(afterMs)) return;
      const delay = afterMs > 0 ? afterMs : ++instant > MAX_INSTANT_STEPS ? 1 : 0;
      if (delay > 0) {
        this.stepTimer = this.clock.after(delay, 'container-process', () => {
          this.stepTimer = undefined;
          this.apply(event);
          this.pump();
        });
        return;
      }
      this.apply(event);
    }
  }

  private apply(event: ProcessEvent): void {
    if (this.exited) return;
    switch (event.kind) {
      case 'log':
        this.write(event.lines);
        return;
      case 'listen':
        this.ports.set(event.port, { protocol: event.protocol, routes: event.routes ?? {}, defaultStatus: event.defaultStatus ?? 404 });
        return;
      case 'usage':
        this.setUsage(event.usage);
        return;
      case 'exit':
        this.finish(event.code, event.code === 0 ? 'Completed' : 'Error');
        return;
      case 'tick':
        return;
    }
  }

  private write(lines: readonly LogLine[]): void {
    const now = this.clock.now();
    for (const l of lines) this.log.append({ timeMs: now, stream: l.stream, text: l.text });
  }

  private setUsage(u: Usage): void {
    const now = this.clock.now();
    if (u.cpuMillis !== undefined) this.cpuMillis = u.cpuMillis;
    if (u.gpuUtilisation !== undefined) this.gpu = u.gpuUtilisation;
    const current = this.baseMemoryAt(now);
    if (u.memoryGrowthBytesPerSec !== undefined) {
      this.mem = { t0: now, m0: current, slope: u.memoryGrowthBytesPerSec / 1000, cap: Number.POSITIVE_INFINITY };
    } else if (u.memoryBytes !== undefined) {
      const ramp = u.memoryRampMs ?? 0;
      if (ramp <= 0 || u.memoryBytes <= current) this.mem = { t0: now, m0: u.memoryBytes, slope: 0, cap: u.memoryBytes };
      else this.mem = { t0: now, m0: current, slope: (u.memoryBytes - current) / ramp, cap: u.memoryBytes };
    }
    this.scheduleOom();
  }

  private baseMemoryAt(t: number): number {
    return Math.min(this.mem.cap, this.mem.m0 + this.mem.slope * (t - this.mem.t0));
  }

  private memoryAt(t: number): number {
    return this.baseMemoryAt(t) + (this.overrides.memoryGrowthPerSec / 1000) * (t - this.startMs);
  }

  /** Schedule the OOM kill at the instant memory reaches the limit, if it ever does. */
  private scheduleOom(): void {
    this.oomTimer?.cancel();
    this.oomTimer = undefined;
    const limit = this.limits.memoryBytes;
    if (limit === undefined || this.exited) return;
    const now = this.clock.now();
    const at = this.crossing(limit, now);
    if (at === undefined) return;
    this.oomTimer = this.clock.at(at, 'container-oom', () => this.kill('OOMKilled'));
  }

  /** The first time ≥ now at which memory exceeds `limit`. */
  private crossing(limit: number, now: number): number | undefined {
    if (this.memoryAt(now) > limit) return now;
    const g = this.overrides.memoryGrowthPerSec / 1000;
    const { t0, m0, slope, cap } = this.mem;
    const tCap = slope > 0 ? t0 + (cap - m0) / slope : now;
    // While ramping: m0 + slope (t - t0) + g (t - start) = limit.
    if (slope + g > 0 && now < tCap) {
      const t = (limit - m0 + slope * t0 + g * this.startMs) / (slope + g);
      if (t <= tCap) return Math.max(now, Math.ceil(t));
    }
    // After the ramp: cap + g (t - start) = limit.
    if (g > 0) return Math.max(now, Math.ceil(this.startMs + (limit - cap) / g));
    return undefined;
  }

  private finish(code: number, reason: ExitReason): void {
    if (this.exited) return;
    this.exited = true;
    this.cancelTimers();
    this.onExit(code, reason);
  }

  private cancelTimers(): void {
    this.stepTimer?.cancel();
    this.oomTimer?.cancel();
    this.stopTimer?.cancel();
  }
}
