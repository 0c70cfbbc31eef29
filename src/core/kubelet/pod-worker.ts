import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import { amountOf } from '../api/pod-resources';
import type { Stored } from '../api/types';
import type { Timer } from '../engine/clock';
import { hexDigest } from '../engine/hash';
import { parseTimestamp, rfc3339 } from '../engine/time';
import type { EventType } from '../events/recorder';
import { goDuration } from '../format/duration';
import type { SimContext } from '../sim-context';
import type { AdmitResult } from './admission';
import type { Backoff } from './backoff';
import { type ContainerKind, ContainerRecord, type Termination } from './container-record';
import type { EventSink } from './event-sink';
import type { ContainerRunOptions, ProgramProvider } from './extensions';
import { runHook } from './hooks';
import type { ImageManager } from './images/image-manager';
import type { ImageRef } from './images/reference';
import { imageConfig } from './images/registry';
import type { LogStore } from './logs';
import { type ExitReason, type ResourceUse, RunningProcess } from './process-runner';
import { Prober, type ProbeTarget } from './probes';
import type { RuntimeInfo } from './runtimes';
import { containerEnvironment, MOUNT_RETRY_INITIAL_MS, MOUNT_RETRY_MAX_MS, mountedFiles, mountError, SYNC_RETRY_MS } from './container-config';
import { buildPodStatus } from './status-build';
import type { StatusManager } from './status-manager';
import { KUBELET_TIMINGS } from './timings';
import { resolveArgv, startError } from './workloads/argv';
import { runExec } from './workloads/exec';
import { startProcess } from './workloads/interpreter';
import { liveOverridesReader, readOverrides } from './workloads/overrides';
import type { ProcessEnv } from './workloads/process';

export interface ContainerUse {
  readonly container: string;
  readonly use: ResourceUse;
  readonly request: { readonly memory: number; readonly cpu: number };
}

/** What a pod worker needs from its kubelet. */
export interface WorkerHost {
  readonly ctx: SimContext;
  readonly nodeName: string;
  readonly hostIP: string;
  /** The node's address on the pod network (the bridge), where probes come from. */
  readonly bridgeIP: string;
  readonly kernel: string;
  readonly runtime: RuntimeInfo;
  readonly images: ImageManager;
  readonly logs: LogStore;
  /** Container restart back-off (key: pod uid / container name). */
  readonly restarts: Backoff;
  readonly status: StatusManager;
  /** When the kubelet process last started. */
  readonly startedAtMs: number;
  event(pod: Stored<Pod>, type: EventType, reason: string, message: string, fieldPath?: string): void;
  allocatePodIp(): string;
  admit(pod: Stored<Pod>): AdmitResult;
  /** What the device managers give a container (devices and their environment). */
  runOptions(pod: Stored<Pod>, container: string): ContainerRunOptions;
  /** Programs images carry beyond the workload catalogue. */
  readonly programs: ProgramProvider;
  /** The worker has nothing left running (terminated, rejected, or finished). */
  finished(worker: PodWorker): void;
}

/**
 * The pod worker (pkg/kubelet/pod_workers + kuberuntime SyncPod): one per pod on the node. It
 * admits the pod, creates its sandbox, runs init containers in order and sidecars alongside,
 * starts the containers, restarts them by restartPolicy on the CrashLoopBackOff curve, runs
 * probes, and terminates the pod gracefully (preStop, stop signal, SIGKILL when the grace period
 * ends). Every decision is taken in `sync`, level-triggered from the containers' state.
 */
export class PodWorker {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  private pod: Stored<Pod>;
  private readonly records: ContainerRecord[];
  private sandboxReady = false;
  private podIP: string | undefined;
  private readonly startTimeMs: number;
  private admitted = false;
  private admittedAtMs = 0;
  private readonly probePhases = new Map<string, number>();
  private terminating = false;
  /** Stopped for good: rejected, evicted, deleted, or every container done. */
  private terminal = false;
  private reason: string | undefined;
  private message: string | undefined;
  private extraConditions: NonNullable<PodStatus['conditions']> = [];
  private readonly timers = new Set<Timer>();
  private syncTimer: Timer | undefined;
  private readonly stopWaiters = new Map<ContainerRecord, () => void>();
  private gone = false;

  constructor(
    private readonly host: WorkerHost,
    pod: Stored<Pod>,
    /** After a reboot: the status the pod had, to continue its restart counts. */
    private readonly adoptFrom?: PodStatus,
  ) {
    this.pod = pod;
    this.uid = pod.metadata.uid;
    this.namespace = pod.metadata.namespace ?? 'default';
    this.name = pod.metadata.name;
    this.startTimeMs = host.ctx.clock.now();
    const hasInit = (pod.spec?.initContainers ?? []).length > 0;
    const waiting = hasInit ? 'PodInitializing' : 'ContainerCreating';
    this.records = [
      ...(pod.spec?.initContainers ?? []).map((c) => new ContainerRecord(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', waiting)),
      ...(pod.spec?.containers ?? []).map((c) => new ContainerRecord(c, 'regular', waiting)),
    ];
    if (adoptFrom) this.adopt(adoptFrom);
  }

  /** Admitted and not finished: the pod counts against the node's resources. */
  get active(): boolean {
    return this.admitted && !this.terminal;
  }

  get isTerminating(): boolean {
    return this.terminating;
  }

  /** Stopped for good, with nothing left running. */
  get done(): boolean {
    return this.terminal && this.records.every((r) => !r.proc);
  }

  currentPod(): Stored<Pod> {
    return this.pod;
  }

  /** `name_namespace(uid)`, as the kubelet names pods in messages (format.Pod). */
  describe(): string {
    return `${this.name}_${this.namespace}(${this.uid})`;
  }

  /** Resource use of each running container, with its requests. */
  usage(): ContainerUse[] {
    const out: ContainerUse[] = [];
    for (const r of this.records) {
      if (!r.proc || r.proc.exited) continue;
      out.push({ container: r.name, use: r.proc.usage(), request: r.requests });
    }
    return out;
  }

  /** Sampled use, with noise, for the metrics pipeline. */
  sample(nowMs: number): { container: string; use: ResourceUse }[] {
    return this.records.filter((r) => r.proc && !r.proc.exited).map((r) => ({ container: r.name, use: r.proc!.sample(nowMs) }));
  }

  /** Images of running containers (kept by image garbage collection). */
  imagesInUse(): string[] {
    return this.records.filter((r) => r.proc && !r.proc.exited && r.imageFull).map((r) => r.imageFull!);
  }

  /** The pod was picked up: admit it, then create its sandbox. */
  begin(): void {
    const [min, max] = KUBELET_TIMINGS.podWorkerPickupMs;
    this.after(this.host.ctx.rng.between(min, max), 'kubelet-sync', () => {
      if (this.terminating || this.gone) return;
      const verdict = this.host.admit(this.pod);
      if (!verdict.admit) return this.reject(verdict.reason, verdict.message);
      this.admitted = true;
      this.admittedAtMs = this.now();
      this.publish();
      this.mountVolumes(MOUNT_RETRY_INITIAL_MS, () => {
        const [smin, smax] = KUBELET_TIMINGS.sandboxMs;
        if (this.adoptFrom) this.host.event(this.pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
        this.after(this.host.ctx.rng.between(smin, smax), 'kubelet-sandbox', () => {
          this.podIP = this.host.allocatePodIp();
          this.sandboxReady = true;
          this.sync();
        });
      });
    });
  }

  /**
   * The volume manager mounts the pod's volumes before its sandbox is created. A configMap or
   * secret that does not exist fails the mount (FailedMount, every attempt) and the volume
   * manager retries with its exponential back-off; the pod waits in ContainerCreating.
   */
  private mountVolumes(retryMs: number, then: () => void): void {
    const error = mountError(this.host.ctx.store, this.pod);
    if (!error) return then();
    this.host.event(this.pod, 'Warning', 'FailedMount', error);
    this.after(retryMs, 'kubelet-mount', () => {
      if (this.alive()) this.mountVolumes(Math.min(retryMs * 2, MOUNT_RETRY_MAX_MS), then);
    });
  }

  /** A new version of the pod from the API server. */
  update(pod: Stored<Pod>): void {
    this.pod = pod;
    if (pod.metadata.deletionTimestamp && !this.terminating) {
      this.terminate(Math.max(0, pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000);
      return;
    }
    if (!this.alive()) return;
    // Another component set a terminal phase (the API server is the source of truth): syncPod
    // treats the pod as terminal and the pod worker stops its containers with the pod's grace
    // period; the phase is never taken back (generateAPIPodStatus, see status-build.ts).
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
      this.terminate(this.graceMs());
      return;
    }
    // A container's image is the one field of a pod's containers that can change: the container
    // is killed and started again from the new image ("definition changed").
    const specs = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    for (const r of this.records) {
      const next = specs.find((c) => c.name === r.name);
      if (!next || next.image === r.spec.image) continue;
      r.spec = next;
      if (r.proc && !r.proc.exited) {
        r.restartRequested = true;
        this.stopContainer(r, this.now() + this.graceMs(), `Container ${r.name} definition changed, will be restarted`);
      } else this.requestSync(this.now());
    }
  }

  /** The pod is gone from the API server (force-deleted, or deleted while the node was away): stop everything. */
  removed(): void {
    this.gone = true;
    if (!this.terminating) this.terminate(0);
  }

  /** The machine lost power: every process is gone at once, and nobody is told. */
  vanish(): void {
    this.gone = true;
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    for (const r of this.records) {
      for (const p of r.probers) p.stop();
      r.proc?.vanish();
      r.proc = undefined;
    }
  }

  /** Node-pressure eviction: stop the pod now and leave it Failed with reason Evicted. */
  evict(message: string): void {
    if (this.terminal || this.terminating) return;
    this.host.event(this.pod, 'Warning', 'Evicted', message);
    this.reason = 'Evicted';
    this.message = message;
    this.extraConditions = [
      { type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message, lastProbeTime: null as unknown as undefined, lastTransitionTime: rfc3339(this.now()) },
    ];
    this.terminate(0);
  }

  /** Fault: the container's process crashes with `code` (or is OOM-killed). */
  crashContainer(name: string | undefined, code: number, oom: boolean): boolean {
    const r = this.records.find((x) => (name === undefined ? x.kind === 'regular' : x.name === name) && x.proc && !x.proc.exited);
    if (!r?.proc) return false;
    if (oom) r.proc.kill('OOMKilled');
    else r.proc.crash(code);
    return true;
  }

  /** Whether a container of this name is running. */
  hasRunning(name: string | undefined): boolean {
    return this.records.some((x) => (name === undefined ? x.kind === 'regular' : x.name === name) && x.proc !== undefined && !x.proc.exited);
  }

  /** What a command exec'd in a container runs with: its running instance's environment, if it runs. */
  runningEnv(name: string): ProcessEnv | undefined {
    const r = this.records.find((x) => x.name === name);
    return r?.proc && !r.proc.exited ? r.env : undefined;
  }

  /** Annotations changed: live overrides (fail-readiness) are read at the next probe. */
  private now(): number {
    return this.host.ctx.clock.now();
  }

  private reject(reason: string, message: string): void {
    this.host.event(this.pod, 'Warning', reason, message);
    this.terminal = true;
    this.reason = reason;
    this.message = `Pod was rejected: ${message}`;
    this.host.status.set(this, { phase: 'Failed', reason, message: this.message, startTime: rfc3339(this.startTimeMs) });
    this.host.finished(this);
  }

  private adopt(previous: PodStatus): void {
    const now = this.now();
    for (const r of this.records) {
      const s = [...(previous.initContainerStatuses ?? []), ...(previous.containerStatuses ?? [])].find((x) => x.name === r.name);
      if (!s || (!s.state?.running && !s.state?.terminated && !s.lastState?.terminated)) continue;
      r.restartCount = s.restartCount ?? 0;
      r.instances = 1;
      r.containerID = s.containerID;
      const startedAt = s.state?.running?.startedAt ?? s.state?.terminated?.startedAt;
      // After a reboot the runtime has no record of the old container: it reports it as exited 255, reason Unknown.
      r.lastTerminated = {
        exitCode: 255,
        reason: 'Unknown',
        startedAtMs: startedAt ? parseTimestamp(startedAt) : now,
        finishedAtMs: now,
        ...(s.containerID ? { containerID: s.containerID } : {}),
      };
    }
  }

  // ── sync: decide what to start, from the containers' state ──────────────────────────────────

  private requestSync(at: number): void {
    if (this.syncTimer && this.syncTimer.at <= at) return;
    this.syncTimer?.cancel();
    if (this.syncTimer) this.timers.delete(this.syncTimer);
    const timer = this.host.ctx.clock.at(at, 'kubelet-pod-sync', () => {
      this.timers.delete(timer);
      this.syncTimer = undefined;
      this.sync();
    });
    this.syncTimer = timer;
    this.timers.add(timer);
  }

  private sync(): void {
    if (this.terminating || this.terminal || this.gone || !this.sandboxReady) return;
    const policy = this.pod.spec?.restartPolicy ?? 'Always';
    // Init containers in order; sidecars keep running once started.
    for (const r of this.records) {
      if (r.kind === 'regular') break;
      if (r.kind === 'sidecar') {
        if (r.busy) return this.publish();
        if (r.running) {
          if (r.started) continue;
          return this.publish();
        }
        this.maybeStart(r);
        return this.publish();
      }
      const exit = r.terminated;
      if (exit?.exitCode === 0) continue;
      if (r.running || r.busy) return this.publish();
      if (r.lastExit && r.lastExit.exitCode !== 0 && policy === 'Never') {
        // An init container failed and nothing will retry it: the pod has failed.
        return this.complete();
      }
      this.maybeStart(r);
      return this.publish();
    }
    // Initialized. Sidecars that stopped are restarted whatever the pod's policy.
    for (const r of this.records) if (r.kind === 'sidecar' && !r.running && !r.busy) this.maybeStart(r);
    let pending = false;
    for (const r of this.records) {
      if (r.kind !== 'regular') continue;
      if (r.running || r.busy) {
        pending = true;
        continue;
      }
      const exit = r.lastExit;
      if (r.instances === 0 && !exit) {
        pending = true;
        this.maybeStart(r);
      } else if (exit && (shouldRestart(policy, exit.exitCode) || r.restartRequested || (r.killedByProbe && policy !== 'Never'))) {
        pending = true;
        this.maybeStart(r);
      }
    }
    if (!pending) return this.complete();
    this.publish();
  }

  /** Start a container, unless it is in its restart back-off (then: CrashLoopBackOff until it ends). */
  private maybeStart(r: ContainerRecord): void {
    const exit = r.lastExit;
    const now = this.now();
    if (exit && r.instances > 0) {
      const key = `${this.uid}/${r.name}`;
      if (this.host.restarts.inBackoffSince(key, exit.finishedAtMs, now)) {
        const delay = this.host.restarts.get(key);
        r.setWaiting('CrashLoopBackOff', `back-off ${goDuration(delay)} restarting failed container=${r.name} pod=${this.describe()}`);
        if (r.backoffNotedFor !== exit.finishedAtMs) {
          r.backoffNotedFor = exit.finishedAtMs;
          this.containerEvent(r)('Warning', 'BackOff', `Back-off restarting failed container ${r.name} in pod ${this.describe()}`);
        }
        this.requestSync(exit.finishedAtMs + delay);
        return;
      }
      // Starts (or doubles) the back-off for the next exit (kubelet doBackOff → backOff.Next).
      this.host.restarts.next(key, exit.finishedAtMs, now);
    }
    this.startContainer(r);
  }

  private containerEvent(r: ContainerRecord): EventSink {
    const field = r.kind === 'regular' ? 'containers' : 'initContainers';
    return (type, reason, message) => this.host.event(this.pod, type, reason, message, `spec.${field}{${r.name}}`);
  }

  // ── starting a container: image, create, start ───────────────────────────────────────────

  private startContainer(r: ContainerRecord): void {
    r.busy = true;
    const event = this.containerEvent(r);
    const outcome = this.host.images.ensure({ podUid: this.uid, container: r.spec, event }, (result) => {
      if (!this.alive()) return;
      if (result.ok) {
        this.createContainer(r, result.ref);
        return;
      }
      r.busy = false;
      r.setWaiting('ErrImagePull', result.message);
      this.publish();
      this.requestSync(this.now() + KUBELET_TIMINGS.plegRelistMs);
    });
    switch (outcome.kind) {
      case 'present':
        this.createContainer(r, outcome.ref);
        return;
      case 'pulling':
        return;
      case 'backoff':
        r.busy = false;
        r.setWaiting('ImagePullBackOff', outcome.message);
        this.requestSync(outcome.retryAt);
        return;
      case 'never':
        r.busy = false;
        r.setWaiting('ErrImageNeverPull', outcome.message);
        return;
    }
  }

  private createContainer(r: ContainerRecord, ref: ImageRef): void {
    // generateContainerConfig comes after the image is pulled and before CreateContainer.
    const config = containerEnvironment(this.host.ctx.store, this.pod, r.spec, this.podIP ?? '', this.host.hostIP);
    if (config.error) return this.failConfig(r, config.error);
    // The device managers' environment (NVIDIA_VISIBLE_DEVICES) comes on top of the pod's own.
    const devices = this.host.runOptions(this.pod, r.name);
    r.resolvedEnv = { ...config.env, ...devices.env };
    r.devices = devices.devices;
    this.after(KUBELET_TIMINGS.createContainerMs, 'kubelet-create-container', () => {
      if (!this.alive()) return;
      r.imageFull = ref.full;
      r.imageName = this.host.runtime.imageName(ref);
      r.imageID = this.host.runtime.imageId(ref);
      r.containerID = `${this.host.runtime.scheme}://${hexDigest(`${this.uid}/${r.name}/${r.instances}`)}`;
      const event = this.containerEvent(r);
      event('Normal', 'Created', `Created container: ${r.name}`);
      const config = imageConfig(ref);
      const argv = resolveArgv(config, r.spec);
      const error = startError(argv, config);
      this.after(KUBELET_TIMINGS.startContainerMs, 'kubelet-start-container', () => {
        if (!this.alive()) return;
        if (error) return this.failStart(r, error);
        this.startInstance(r, ref, argv);
      });
    });
  }

  /** CreateContainerConfigError: the sync fails and the pod worker tries again after its back-off. */
  private failConfig(r: ContainerRecord, error: string): void {
    this.containerEvent(r)('Warning', 'Failed', `Error: ${error}`);
    r.busy = false;
    r.setWaiting('CreateContainerConfigError', error);
    this.publish();
    const [min, max] = SYNC_RETRY_MS;
    this.requestSync(this.now() + Math.round(this.host.ctx.rng.between(min, max)));
  }

  /** runc could not exec the command: the container ends at once with StartError (exit 128). */
  private failStart(r: ContainerRecord, error: string): void {
    const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${error}: unknown`;
    this.containerEvent(r)('Warning', 'Failed', `Error: ${message}`);
    r.busy = false;
    r.instances++;
    if (r.instances > 1) r.restartCount++;
    const now = this.now();
    r.setTerminated({ exitCode: 128, reason: 'StartError', message, startedAtMs: now, finishedAtMs: now, ...(r.containerID ? { containerID: r.containerID } : {}) });
    this.publish();
    this.requestSync(now + KUBELET_TIMINGS.plegRelistMs);
  }

  private startInstance(r: ContainerRecord, ref: ImageRef, argv: string[]): void {
    const { clock, rng } = this.host.ctx;
    r.instances++;
    if (r.instances > 1) r.restartCount++;
    r.fs = mountedFiles(this.host.ctx.store, this.pod, r.spec);
    r.killedByProbe = false;
    r.restartRequested = false;
    const log = this.host.logs.start(this.uid, r.name);
    const overrides = readOverrides(this.pod.metadata.annotations, r.name);
    const live = liveOverridesReader(r.name);
    const limits = r.spec.resources?.limits ?? {};
    const proc = new RunningProcess(
      clock,
      rng,
      r.fs,
      log,
      {
        ...(limits.memory !== undefined ? { memoryBytes: amountOf('memory', limits.memory) } : {}),
        ...(limits.cpu !== undefined ? { cpuMillis: amountOf('cpu', limits.cpu) } : {}),
      },
      { memoryGrowthPerSec: overrides.memoryGrowthBytesPerSec ?? 0, cpuMillis: () => live(this.pod.metadata.annotations).cpuMillis },
      (code, reason) => this.onExit(r, proc, code, reason),
    );
    r.proc = proc;
    r.setRunning(this.now());
    r.busy = false;
    r.ready = false;
    const hasStartup = r.kind !== 'init' && !!r.spec.startupProbe;
    r.started = !hasStartup;
    this.containerEvent(r)('Normal', 'Started', `Started container ${r.name}`);
    const env = this.processEnv(r, ref, argv, proc);
    r.env = env;
    proc.run(startProcess(env));
    if (proc.exited) return;
    const postStart = r.spec.lifecycle?.postStart;
    if (postStart) {
      const result = runHook(postStart, this.hookTarget(r, proc, env));
      if (result.failure) {
        this.containerEvent(r)('Warning', 'FailedPostStartHook', result.failure);
        this.stopContainer(r, this.now() + this.graceMs(), 'FailedPostStartHook');
        return;
      }
    }
    if (r.kind !== 'init') this.startProbes(r, proc, env);
    if (!r.spec.readinessProbe && r.started) r.ready = true;
    this.publish();
    if (r.kind !== 'regular') this.requestSync(this.now());
  }

  private processEnv(r: ContainerRecord, ref: ImageRef, argv: string[], proc: RunningProcess): ProcessEnv {
    const env = r.resolvedEnv ?? {};
    const limits = r.spec.resources?.limits ?? {};
    const clock = this.host.ctx.clock;
    return {
      argv,
      image: ref,
      imageHasShell: imageConfig(ref).shell,
      env,
      hostname: this.name,
      podIP: this.podIP ?? '',
      nodeName: this.host.nodeName,
      kernel: this.host.kernel,
      // A GPU is what the device manager assigned, not what the limits ask for.
      hasGpu: r.devices.length > 0,
      programs: this.host.programs,
      overrides: readOverrides(this.pod.metadata.annotations, r.name),
      rng: this.host.ctx.rng,
      fs: r.fs,
      startMs: clock.now(),
      ...(limits.memory !== undefined ? { memoryLimitBytes: amountOf('memory', limits.memory) } : {}),
      access: {
        http: (port, path) => {
          const s = proc.http(port, path, '127.0.0.1');
          return s === 'not-http' ? 'refused' : s;
        },
        listening: (port) => proc.listening(port),
        signalMain: () => proc.stop(),
        now: () => clock.now(),
      },
    };
  }

  private probeTarget(r: ContainerRecord, proc: RunningProcess, env: ProcessEnv): ProbeTarget {
    const live = liveOverridesReader(r.name);
    return {
      podIP: this.podIP ?? '',
      clientIp: this.host.bridgeIP,
      ports: r.spec.ports ?? [],
      process: proc,
      exec: (command, timeoutMs) => runExec(command, env, timeoutMs),
      live: () => live(this.pod.metadata.annotations),
    };
  }

  private hookTarget(r: ContainerRecord, proc: RunningProcess, env: ProcessEnv) {
    return {
      podIP: this.podIP ?? '',
      clientIp: this.host.bridgeIP,
      process: proc,
      exec: (command: readonly string[]) => runExec(command, env),
      podDescription: this.describe(),
      container: r.name,
    };
  }

  private startProbes(r: ContainerRecord, proc: RunningProcess, env: ProcessEnv): void {
    const clock = this.host.ctx.clock;
    const target = this.probeTarget(r, proc, env);
    const event = this.containerEvent(r);
    const policy = this.pod.spec?.restartPolicy ?? 'Always';
    const restartNote = r.kind === 'sidecar' || policy !== 'Never' ? ', will be restarted' : '';
    const startRest = (syncDelayMs: number) => {
      if (r.spec.livenessProbe) {
        const p = new Prober('Liveness', r.spec.livenessProbe, clock, target, event, {
          onThreshold: (ok) => {
            if (ok) return;
            r.killedByProbe = true;
            this.stopContainer(r, this.now() + this.graceMs(r.spec.livenessProbe?.terminationGracePeriodSeconds), `Container ${r.name} failed liveness probe${restartNote}`);
          },
        }, this.probePhase(r, 'Liveness', r.spec.livenessProbe.periodSeconds));
        r.probers.push(p);
        p.start(proc.startMs);
      }
      if (r.spec.readinessProbe) {
        const p = new Prober('Readiness', r.spec.readinessProbe, clock, target, event, {
          onThreshold: (ok) => {
            r.ready = ok;
            this.publish();
          },
        }, this.probePhase(r, 'Readiness', r.spec.readinessProbe.periodSeconds));
        r.probers.push(p);
        p.start(proc.startMs);
        // The next pod sync (the PLEG noticing the start, or the startup probe's success) finds no
        // readiness result yet and asks the worker for a run at once (prober_manager
        // UpdatePodStatus): a server that listens quickly is Ready about a second after it starts.
        this.after(syncDelayMs, 'kubelet-pod-sync', () => {
          if (!p.succeeded) p.trigger();
        });
      } else r.ready = true;
    };
    if (!r.spec.startupProbe) return startRest(KUBELET_TIMINGS.plegRelistMs);
    const startup = new Prober('Startup', r.spec.startupProbe, clock, target, event, {
      onThreshold: (ok) => {
        startup.stop();
        if (!ok) {
          r.killedByProbe = true;
          this.stopContainer(r, this.now() + this.graceMs(r.spec.startupProbe?.terminationGracePeriodSeconds), `Container ${r.name} failed startup probe${restartNote}`);
          return;
        }
        r.started = true;
        startRest(0);
        this.publish();
        if (r.kind === 'sidecar') this.requestSync(this.now());
      },
    }, this.probePhase(r, 'Startup', r.spec.startupProbe.periodSeconds));
    r.probers.push(startup);
    startup.start(proc.startMs);
  }

  /**
   * When a probe worker's ticker started: the kubelet adds the pod's probe workers when it admits
   * the pod, and they keep their rhythm across container restarts. A worker created within one
   * period of the kubelet's own start first sleeps a random part of a period, so that a restarted
   * kubelet does not probe everything at once (prober/worker.go run).
   */
  private probePhase(r: ContainerRecord, kind: string, periodSeconds: number | undefined): number {
    const key = `${r.name}/${kind}`;
    let phase = this.probePhases.get(key);
    if (phase === undefined) {
      const period = (periodSeconds ?? 10) * 1000;
      phase = this.admittedAtMs;
      if (phase - this.host.startedAtMs < period) phase += Math.round(this.host.ctx.rng.between(0, period));
      this.probePhases.set(key, phase);
    }
    return phase;
  }

  private graceMs(override?: number): number {
    return (override ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
  }

  // ── exits ─────────────────────────────────────────────────────────────────────────────────

  private onExit(r: ContainerRecord, proc: RunningProcess, code: number, reason: ExitReason): void {
    if (r.proc !== proc) return;
    for (const p of r.probers) p.stop();
    r.probers = [];
    r.proc = undefined;
    const now = this.now();
    const termination: Termination = { exitCode: code, reason, startedAtMs: proc.startMs, finishedAtMs: now, ...(r.containerID ? { containerID: r.containerID } : {}) };
    r.setTerminated(termination);
    r.stopping = false;
    const waiter = this.stopWaiters.get(r);
    this.stopWaiters.delete(r);
    if (waiter) waiter();
    if (this.terminating || this.gone) return;
    this.publish();
    // The PLEG notices the exit on its next relist; the pod is synced then.
    this.requestSync(now + KUBELET_TIMINGS.plegRelistMs);
  }

  /** Every container is done and none will restart: the pod is Succeeded or Failed. Sidecars are stopped. */
  private complete(): void {
    this.terminal = true;
    const sidecars = this.records.filter((r) => r.kind === 'sidecar' && r.proc).reverse();
    this.publish();
    this.stopInOrder(sidecars, this.now() + this.graceMs(), () => {
      this.publish();
      this.host.finished(this);
    });
  }

  // ── termination ───────────────────────────────────────────────────────────────────────────

  /** Graceful termination: main containers first, then sidecars in reverse order, within `graceMs`. */
  private terminate(graceMs: number): void {
    this.terminating = true;
    this.syncTimer?.cancel();
    for (const r of this.records) r.stopLivenessAndStartup();
    if (!this.gone) this.publish();
    const deadline = this.now() + graceMs;
    const main = this.records.filter((r) => r.kind === 'regular' && r.proc);
    const sidecars = this.records.filter((r) => r.kind !== 'regular' && r.proc).reverse();
    this.stopGroup(main, deadline, () => this.stopInOrder(sidecars, deadline, () => this.finishTermination()));
  }

  private finishTermination(): void {
    this.terminal = true;
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    if (!this.gone) {
      this.publish();
      if (this.pod.metadata.deletionTimestamp) this.host.status.confirmDeletion(this);
    }
    this.host.finished(this);
  }

  private stopInOrder(recs: ContainerRecord[], deadline: number, done: () => void): void {
    const [first, ...rest] = recs;
    if (!first) return done();
    this.stopGroup([first], deadline, () => this.stopInOrder(rest, deadline, done));
  }

  private stopGroup(recs: ContainerRecord[], deadline: number, done: () => void): void {
    let left = recs.filter((r) => r.proc && !r.proc.exited).length;
    if (left === 0) return done();
    for (const r of recs) {
      if (!r.proc || r.proc.exited) continue;
      this.stopContainer(r, deadline, `Stopping container ${r.name}`, () => {
        if (--left === 0) done();
      });
    }
  }

  /**
   * killContainer: record Killing, run the preStop hook (it counts against the grace period),
   * send the stop signal, and SIGKILL what is still running when the grace period ends (never
   * less than two seconds after the signal).
   */
  private stopContainer(r: ContainerRecord, deadline: number, message: string, done?: () => void): void {
    const proc = r.proc;
    if (!proc || proc.exited) {
      done?.();
      return;
    }
    if (done) this.stopWaiters.set(r, done);
    if (r.stopping) return;
    r.stopping = true;
    r.stopLivenessAndStartup();
    if (!this.gone) this.containerEvent(r)('Normal', 'Killing', message);
    const signal = () => {
      if (proc.exited) return;
      proc.stop();
      const graceLeft = Math.max(deadline - this.now(), KUBELET_TIMINGS.minimumGracePeriodMs);
      this.after(graceLeft, 'kubelet-sigkill', () => proc.kill());
    };
    const preStop = r.spec.lifecycle?.preStop;
    const graceLeft = deadline - this.now();
    if (preStop && graceLeft > 0 && r.env) {
      const result = runHook(preStop, this.hookTarget(r, proc, r.env));
      if (result.failure && !this.gone) this.containerEvent(r)('Warning', 'FailedPreStopHook', result.failure);
      this.after(Math.min(result.durationMs, graceLeft), 'kubelet-prestop', signal);
      return;
    }
    signal();
  }

  // ── status ────────────────────────────────────────────────────────────────────────────────

  /** Write the pod's status as the kubelet sees it now. */
  private publish(): void {
    // Nothing is written before admission: the pod stays Pending as the scheduler left it.
    if (this.gone || !this.admitted) return;
    const status = buildPodStatus(
      {
        records: this.records,
        restartPolicy: this.pod.spec?.restartPolicy ?? 'Always',
        sandboxReady: this.sandboxReady,
        hostIP: this.host.hostIP,
        podIP: this.podIP,
        startTimeMs: this.startTimeMs,
        terminal: this.terminal || (this.terminating && this.records.every((r) => !r.proc)),
        ...(this.reason === 'Evicted' ? { phase: 'Failed' as const } : {}),
        ...(this.reason ? { reason: this.reason } : {}),
        ...(this.message ? { message: this.message } : {}),
        nowMs: this.now(),
      },
      this.pod.status,
    );
    if (this.extraConditions.length) {
      const types = new Set(this.extraConditions.map((c) => c.type));
      status.conditions = [...(status.conditions ?? []).filter((c) => !types.has(c.type)), ...this.extraConditions];
    }
    this.host.status.set(this, status);
  }

  private alive(): boolean {
    return !this.terminating && !this.terminal && !this.gone;
  }

  private after(ms: number, label: string, run: () => void): void {
    const timer = this.host.ctx.clock.after(Math.round(ms), label, () => {
      this.timers.delete(timer);
      run();
    });
    this.timers.add(timer);
  }
}

/** ShouldContainerBeRestarted: Always restarts, OnFailure restarts a non-zero exit, Never does not. */
export function shouldRestart(policy: string, exitCode: number): boolean {
  if (policy === 'Always') return true;
  if (policy === 'OnFailure') return exitCode !== 0;
  return false;
}
