import type { Container, ContainerState, ContainerStatus } from 'kubernetes-types/core/v1';
import { amountOf } from '../api/pod-resources';
import { rfc3339 } from '../engine/time';
import type { ExitReason, RunningProcess } from './process-runner';
import type { Prober } from './probes';
import type { FileSystem, ProcessEnv } from './workloads/process';

/** Init containers run to completion in order; init containers with restartPolicy Always are sidecars. */
export type ContainerKind = 'init' | 'sidecar' | 'regular';

export interface Termination {
  readonly exitCode: number;
  readonly reason: ExitReason | 'StartError' | 'Unknown' | 'ContainerStatusUnknown';
  readonly message?: string;
  readonly startedAtMs: number;
  readonly finishedAtMs: number;
  readonly containerID?: string;
}

type State =
  | { readonly waiting: { readonly reason: string; readonly message?: string } }
  | { readonly running: { readonly startedAtMs: number } }
  | { readonly terminated: Termination };

/**
 * What the kubelet knows about one container of a pod across its restarts: the current instance
 * (its process and probes), the last terminated one, the restart count and readiness. It renders
 * itself as the ContainerStatus the API shows.
 */
export class ContainerRecord {
  state: State;
  lastTerminated: Termination | undefined;
  restartCount = 0;
  /** How many instances have started (the first start is not a restart). */
  instances = 0;
  ready = false;
  started = false;
  containerID: string | undefined;
  imageName: string | undefined;
  /** The fully qualified reference, as the image cache keys it. */
  imageFull: string | undefined;
  imageID = '';
  proc: RunningProcess | undefined;
  probers: Prober[] = [];
  fs: FileSystem = new Map();
  /** A start is under way (pull, create, start). */
  busy = false;
  /** A stop was requested (liveness failure, termination): the exit is expected. */
  stopping = false;
  /** Killed by a failed liveness or startup probe: restarted unless restartPolicy is Never, whatever its exit code. */
  killedByProbe = false;
  /** Killed because its definition changed: started again whatever restartPolicy says. */
  restartRequested = false;
  /** The environment of the current instance (for exec hooks and probes). */
  env: ProcessEnv | undefined;
  /** The variables resolved for the instance being created (env, envFrom, valueFrom). */
  resolvedEnv: Record<string, string> | undefined;
  /** Device IDs the device managers assigned to the container (GPU or MIG UUIDs). */
  devices: readonly string[] = [];
  /** The exit the CrashLoopBackOff event was recorded for, so that it is recorded once per back-off. */
  backoffNotedFor: number | undefined;

  /**
   * A container being stopped loses its liveness and startup probes at once but keeps its
   * readiness probe, and so its Ready state, until it exits (prober manager
   * StopLivenessAndStartup, kubernetes#110191): a terminating pod keeps serving.
   */
  stopLivenessAndStartup(): void {
    this.probers = this.probers.filter((p) => {
      if (p.kind === 'Readiness') return true;
      p.stop();
      return false;
    });
  }

  constructor(
    /** The container's spec; its image can change while the pod runs. */
    public spec: Container,
    readonly kind: ContainerKind,
    waitingReason: string,
  ) {
    this.state = { waiting: { reason: waitingReason } };
  }

  get name(): string {
    return this.spec.name;
  }

  get running(): boolean {
    return 'running' in this.state;
  }

  get terminated(): Termination | undefined {
    return 'terminated' in this.state ? this.state.terminated : undefined;
  }

  /** The most recent exit: the current state if terminated, else the last state. */
  get lastExit(): Termination | undefined {
    return this.terminated ?? this.lastTerminated;
  }

  setWaiting(reason: string, message?: string): void {
    const t = this.terminated;
    if (t) this.lastTerminated = t;
    this.state = { waiting: message ? { reason, message } : { reason } };
  }

  setRunning(startedAtMs: number): void {
    const t = this.terminated;
    if (t) this.lastTerminated = t;
    this.state = { running: { startedAtMs } };
  }

  setTerminated(t: Termination): void {
    this.state = { terminated: t };
    this.ready = false;
    this.started = false;
  }

  /** The container's requests in base units (resources cannot change while it runs). */
  get requests(): { memory: number; cpu: number } {
    if (!this.cachedRequests) {
      const req = this.spec.resources?.requests ?? {};
      this.cachedRequests = { memory: amountOf('memory', req.memory), cpu: amountOf('cpu', req.cpu) };
    }
    return this.cachedRequests;
  }

  private cachedRequests: { memory: number; cpu: number } | undefined;

  toStatus(): ContainerStatus {
    const status: ContainerStatus = {
      name: this.name,
      state: renderState(this.state),
      ready: this.ready,
      restartCount: this.restartCount,
      image: this.imageName ?? this.spec.image ?? '',
      imageID: this.imageID,
      started: this.started,
    };
    if (this.lastTerminated) status.lastState = { terminated: renderTermination(this.lastTerminated) };
    else status.lastState = {};
    if (this.containerID) status.containerID = this.containerID;
    return status;
  }
}

function renderTermination(t: Termination): NonNullable<ContainerState['terminated']> {
  return {
    exitCode: t.exitCode,
    reason: t.reason,
    ...(t.message ? { message: t.message } : {}),
    startedAt: rfc3339(t.startedAtMs),
    finishedAt: rfc3339(t.finishedAtMs),
    ...(t.containerID ? { containerID: t.containerID } : {}),
  };
}

function renderState(s: State): ContainerState {
  if ('waiting' in s) return { waiting: { ...s.waiting } };
  if ('running' in s) return { running: { startedAt: rfc3339(s.running.startedAtMs) } };
  return { terminated: renderTermination(s.terminated) };
}
