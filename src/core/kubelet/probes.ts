import type { ContainerPort, Probe } from 'kubernetes-types/core/v1';
import type { Timer, VirtualClock } from '../engine/clock';
import type { EventSink } from './event-sink';
import type { RunningProcess } from './process-runner';
import type { ExecResult } from './workloads/exec';
import type { LiveOverrides } from './workloads/overrides';

/**
 * The kubelet's prober (pkg/kubelet/prober): a worker per probe that runs it every periodSeconds
 * once initialDelaySeconds have passed since the container started, counts consecutive results
 * against successThreshold and failureThreshold (defaults: period 10 s, timeout 1 s, success 1,
 * failure 3), and records `Unhealthy` with the probe's own error text on every failure.
 */
export type ProbeKind = 'Startup' | 'Liveness' | 'Readiness';

export interface ProbeTarget {
  readonly podIP: string;
  /** Where probe traffic comes from: the node's bridge address on the pod network. */
  readonly clientIp: string;
  readonly ports: readonly ContainerPort[];
  readonly process: RunningProcess;
  exec(command: readonly string[], timeoutMs: number): ExecResult;
  live(): LiveOverrides;
}

export interface ProbeResult {
  readonly success: boolean;
  readonly message: string;
}

const SUCCESS: ProbeResult = { success: true, message: '' };

function resolvePort(port: number | string | undefined, ports: readonly ContainerPort[]): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  return ports.find((p) => p.name === port)?.containerPort;
}

/** Run one probe once (prober.runProbe). */
export function runProbe(kind: ProbeKind, probe: Probe, t: ProbeTarget): ProbeResult {
  const live = t.live();
  const forcedFailure = (kind === 'Readiness' && live.failReadiness) || (kind === 'Liveness' && live.failLiveness);
  const timeoutSeconds = probe.timeoutSeconds ?? 1;
  if (probe.httpGet) {
    const port = resolvePort(probe.httpGet.port, t.ports);
    const path = probe.httpGet.path ?? '/';
    const status = port === undefined ? 'bad-port' : forcedFailure ? 503 : t.process.http(port, path, t.clientIp);
    if (typeof status === 'number' && status >= 200 && status < 400) return SUCCESS;
    // The error text is only built for a failure: probes run every few seconds on every pod.
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = probe.httpGet.host || t.podIP;
    const url = `${scheme}://${host}:${port ?? probe.httpGet.port}${path}`;
    if (status === 'bad-port') return { success: false, message: `Get "${url}": dial tcp: address ${host}:${probe.httpGet.port}: invalid port` };
    if (status === 'refused') return { success: false, message: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    if (status === 'not-http') return { success: false, message: `Get "${url}": EOF` };
    return { success: false, message: `HTTP probe failed with statuscode: ${status}` };
  }
  if (probe.tcpSocket) {
    const host = probe.tcpSocket.host || t.podIP;
    const port = resolvePort(probe.tcpSocket.port, t.ports);
    if (!forcedFailure && port !== undefined && t.process.listening(port)) return SUCCESS;
    return { success: false, message: `dial tcp ${host}:${port ?? probe.tcpSocket.port}: connect: connection refused` };
  }
  if (probe.grpc) {
    if (!forcedFailure && t.process.listening(probe.grpc.port)) return SUCCESS;
    return { success: false, message: `timeout: failed to connect service "${t.podIP}:${probe.grpc.port}" within ${timeoutSeconds}s: context deadline exceeded` };
  }
  if (probe.exec) {
    const command = probe.exec.command ?? [];
    if (forcedFailure) return { success: false, message: '' };
    const r = t.exec(command, timeoutSeconds * 1000);
    if (r.startError) return { success: false, message: r.startError };
    if (r.timedOut) return { success: false, message: `command ${JSON.stringify(command.join(' '))} timed out` };
    return { success: r.exitCode === 0, message: r.output.replace(/\n$/, '') };
  }
  return { success: false, message: 'missing probe handler' };
}

export interface ProberCallbacks {
  /** The probe crossed a threshold: successThreshold successes or failureThreshold failures in a row. */
  onThreshold(success: boolean): void;
}

/**
 * One probe worker (prober/worker.go) for one container instance. The real worker is created
 * when the pod is added and ticks every periodSeconds from then on, whatever the container is
 * doing; a tick before the container runs, or less than initialDelaySeconds (whole seconds)
 * after it started, does nothing. So the first probe comes somewhere in the first period after
 * the start, not at the start. `phaseMs` is the instant the worker's ticker started.
 */
export class Prober {
  private timer: Timer | undefined;
  private successes = 0;
  private failures = 0;
  private result: boolean | undefined;
  private containerStartMs = 0;

  constructor(
    readonly kind: ProbeKind,
    private readonly probe: Probe,
    private readonly clock: VirtualClock,
    private readonly target: ProbeTarget,
    private readonly event: EventSink,
    private readonly callbacks: ProberCallbacks,
    private readonly phaseMs: number,
  ) {}

  /** The ticker's callback, made once: a probe ticks every period for the pod's whole life. */
  private readonly onTick = (): void => this.tick();

  /** Probe the instance that started at `containerStartMs`, on the worker's ticks from now on. */
  start(containerStartMs: number): void {
    this.containerStartMs = containerStartMs;
    const period = this.periodMs();
    const now = this.clock.now();
    const next = this.phaseMs + Math.max(0, Math.ceil((now - this.phaseMs) / period)) * period;
    this.timer = this.clock.at(next, `probe-${this.kind}`, this.onTick);
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  /** Whether the last threshold crossed was a success. */
  get succeeded(): boolean {
    return this.result === true;
  }

  /**
   * A run out of turn (the worker's manualTriggerCh): the kubelet asks for one whenever it
   * syncs the pod while a readiness result is not yet a success. The ticker keeps its phase.
   */
  trigger(): void {
    if (this.timer) this.runOnce();
  }

  private periodMs(): number {
    return (this.probe.periodSeconds ?? 10) * 1000;
  }

  private tick(): void {
    this.timer = this.clock.after(this.periodMs(), `probe-${this.kind}`, this.onTick);
    this.runOnce();
  }

  private runOnce(): void {
    // doProbe: "int32(time.Since(startedAt).Seconds()) < InitialDelaySeconds" skips the run.
    if (Math.floor((this.clock.now() - this.containerStartMs) / 1000) < (this.probe.initialDelaySeconds ?? 0)) return;
    const r = runProbe(this.kind, this.probe, this.target);
    if (r.success) {
      this.failures = 0;
      this.successes++;
      if (this.result !== true && this.successes >= (this.probe.successThreshold ?? 1)) {
        this.result = true;
        this.callbacks.onThreshold(true);
      }
      return;
    }
    this.successes = 0;
    this.failures++;
    this.event('Warning', 'Unhealthy', `${this.kind} probe failed: ${r.message}`);
    if (this.result !== false && this.failures >= (this.probe.failureThreshold ?? 3)) {
      this.result = false;
      this.callbacks.onThreshold(false);
    }
  }
}
