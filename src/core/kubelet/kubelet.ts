import type { ObjectReference, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import type { Machine } from '../cluster/hardware';
import type { MachineChange, MachineStates } from '../cluster/machine-state';
import type { Timer } from '../engine/clock';
import type { EventType } from '../events/recorder';
import type { Labels } from '../metrics/metrics-store';
import { RESOURCE_METRICS_INTERVAL_MS } from '../metrics/series';
import type { SimContext } from '../sim-context';
import { admitPod, type AdmitResult, type PodAdmitHandler } from './admission';
import { Backoff } from './backoff';
import { type EvictionCandidate, EvictionManager } from './eviction-manager';
import { type ContainerRunOptions, type KubeletExtension, mergeResources, mergeRunOptions, type ProgramProvider } from './extensions';
import { ImageManager } from './images/image-manager';
import { LogStore } from './logs';
import { reportedMemoryBytes } from './node-object';
import { NodeStatusReporter } from './node-status';
import { nodeUse, type NodeUse } from './node-usage';
import { type ContainerUse, PodWorker, type WorkerHost } from './pod-worker';
import type { ResourceUse } from './process-runner';
import { dropPodMetrics, publishResourceMetrics } from './resource-metrics';
import { RUNTIMES, type RuntimeInfo } from './runtimes';
import { StatusManager } from './status-manager';
import { KUBELET_TIMINGS } from './timings';

/**
 * One housekeeping tick does what the kubelet does on its 10 s loops: renew the lease, compute the
 * node status, run the eviction manager and publish resource metrics (all four periods are 10 s).
 */
const HOUSEKEEPING_MS = Math.min(KUBELET_TIMINGS.nodeStatusUpdateMs, KUBELET_TIMINGS.leaseRenewMs, KUBELET_TIMINGS.evictionMonitoringMs, RESOURCE_METRICS_INTERVAL_MS);

/** What a kubelet needs from the fleet: the pods the API server has bound to its node, and extra admit handlers. */
export interface FleetServices {
  podsOnNode(node: string): Stored<Pod>[];
  deviceAdmitHandlers(): readonly PodAdmitHandler[];
  extensions(): readonly KubeletExtension[];
}

/**
 * The node agent for one machine. It registers the Node and its Lease, runs a pod worker per
 * pod bound to the node, renews its heartbeat, reports node conditions, publishes resource
 * metrics and evicts pods under node pressure. It lives and dies with its machine: when the
 * machine loses power every container is gone at once; when its network is cut, containers keep
 * running but nothing reaches the API server until it heals.
 */
export class Kubelet implements WorkerHost {
  readonly runtime: RuntimeInfo;
  readonly images: ImageManager;
  readonly logs = new LogStore();
  readonly restarts = new Backoff();
  readonly status: StatusManager;
  readonly hostIP: string;
  readonly bridgeIP: string;
  readonly kernel: string;
  private readonly workers = new Map<string, PodWorker>();
  private readonly reporter: NodeStatusReporter;
  private readonly evictions = new EvictionManager();
  private nextPodIp = 2;
  /** The label set of each container's metric series, by `namespace/pod`, then container: built once, frozen. */
  private readonly metricLabels = new Map<string, Map<string, Labels>>();
  /** The kubelet process runs: the machine is powered and booted. */
  private running = true;
  /** When the kubelet process last started (probe workers stagger themselves for a period after). */
  startedAtMs = 0;
  private housekeepingTimer: Timer | undefined;
  private bootTimer: Timer | undefined;

  constructor(
    readonly ctx: SimContext,
    readonly machine: Machine,
    private readonly machines: MachineStates,
    private readonly fleet: FleetServices,
  ) {
    this.runtime = RUNTIMES[machine.runtime];
    this.hostIP = machine.internalIP;
    this.bridgeIP = `${machine.podCIDR.split('.').slice(0, 3).join('.')}.1`;
    this.kernel = machine.type.kernelVersion;
    this.status = new StatusManager(ctx.store, () => this.reachable());
    this.images = new ImageManager(ctx.clock, ctx.rng, this.runtime, machines, () => this.reporter.imagesChanged());
    this.reporter = new NodeStatusReporter(ctx, machine, this.images, (type, reason, message) => this.nodeEvent(type, reason, message), () =>
      mergeResources(fleet.extensions().map((e) => e.nodeResources?.(machine.nodeName))),
    );
  }

  get nodeName(): string {
    return this.machine.nodeName;
  }

  /** Whether the kubelet can talk to the API server. */
  reachable(): boolean {
    const m = this.machines.get(this.nodeName);
    return this.running && m.powered && m.networkUp;
  }

  /** Register the Node and start the heartbeat (at virtual time 0). */
  register(): void {
    this.reporter.register();
    // Kubelets start at different instants: stagger the 10 s heartbeat across nodes.
    this.scheduleHousekeeping(Math.round(this.ctx.rng.between(0, HOUSEKEEPING_MS)));
  }

  // ── pods from the API server ─────────────────────────────────────────────────────────────

  /** Called for every change to a pod bound to this node (if the kubelet can hear it). */
  onPod(pod: Stored<Pod>): void {
    if (!this.reachable()) return;
    const worker = this.workers.get(pod.metadata.uid);
    if (worker) {
      worker.update(pod);
      return;
    }
    if (pod.metadata.deletionTimestamp) {
      // Nothing of it runs here: confirm the deletion at once.
      this.status.confirmDeletion({ namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, uid: pod.metadata.uid });
      return;
    }
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return;
    // A pod that already ran here before the kubelet restarted (a reboot) is adopted, keeping its restart counts.
    const ranBefore = (pod.status?.containerStatuses ?? []).some((c) => c.state?.running || c.state?.terminated || c.lastState?.terminated);
    const w = new PodWorker(this, pod, ranBefore ? pod.status : undefined);
    this.workers.set(pod.metadata.uid, w);
    w.begin();
  }

  /** The pod is gone from the API server. */
  onPodDeleted(pod: Stored<Pod>): void {
    dropPodMetrics(this.ctx.metrics, pod.metadata.namespace ?? 'default', pod.metadata.name);
    this.metricLabels.delete(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`);
    const w = this.workers.get(pod.metadata.uid);
    // A kubelet that cannot hear the API server learns of the deletion when it relists.
    if (!w || !this.reachable()) return;
    w.removed();
    this.finished(w);
  }

  // ── the machine underneath ───────────────────────────────────────────────────────────────

  onMachineChange(change: MachineChange): void {
    const m = this.machines.get(this.nodeName);
    if (change === 'power') {
      if (!m.powered) this.powerLost();
      else if (!this.running && !this.bootTimer) {
        const [min, max] = KUBELET_TIMINGS.bootMs;
        this.bootTimer = this.ctx.clock.after(Math.round(this.ctx.rng.between(min, max)), 'kubelet-boot', () => this.boot());
      }
    } else if (change === 'network' && m.networkUp && this.running) {
      this.reconnected();
    }
  }

  private powerLost(): void {
    this.running = false;
    this.bootTimer?.cancel();
    this.bootTimer = undefined;
    this.housekeepingTimer?.cancel();
    for (const w of this.workers.values()) w.vanish();
    this.workers.clear();
    this.images.reset();
    this.restarts.clear();
    this.evictions.reset();
    this.status.clear();
  }

  private boot(): void {
    this.bootTimer = undefined;
    this.running = true;
    this.startedAtMs = this.ctx.clock.now();
    this.scheduleHousekeeping(HOUSEKEEPING_MS);
    if (this.reachable()) this.reconnected(true);
  }

  /** The API server is reachable again (after a boot or a partition): report, then relist pods. */
  private reconnected(afterBoot = false): void {
    if (afterBoot) this.reporter.restart(this.machines.get(this.nodeName).bootID);
    else {
      this.reporter.renewLease();
      this.reporter.tick(this.evictions.signals(this.ctx.clock.now()));
    }
    this.status.flush();
    const present = new Set<string>();
    for (const pod of this.fleet.podsOnNode(this.nodeName)) {
      present.add(pod.metadata.uid);
      this.onPod(pod);
    }
    for (const w of [...this.workers.values()]) {
      if (present.has(w.uid)) continue;
      // Deleted from the API while the node was away: clean up what still runs (HandlePodCleanups).
      w.removed();
      this.finished(w);
    }
  }

  // ── housekeeping: heartbeat, node status, eviction, metrics ─────────────────────────────

  private scheduleHousekeeping(delayMs: number): void {
    this.housekeepingTimer?.cancel();
    this.housekeepingTimer = this.ctx.clock.after(delayMs, 'kubelet-housekeeping', () => {
      this.scheduleHousekeeping(HOUSEKEEPING_MS);
      this.housekeeping();
    });
  }

  private housekeeping(): void {
    if (!this.running) return;
    const now = this.ctx.clock.now();
    const usage = new Map<PodWorker, ContainerUse[]>();
    for (const w of this.workers.values()) usage.set(w, w.usage());
    this.evict(now, usage);
    if (!this.reachable()) return;
    this.reporter.renewLease();
    this.reporter.tick(this.evictions.signals(now));
    // The resource metrics interval and the node status interval are both 10 s: one tick serves both.
    this.publishMetrics(now, usage);
  }

  /** What the node uses now: system, pods and anything outside Kubernetes. */
  nodeUse(usage?: ReadonlyMap<PodWorker, readonly ContainerUse[]>): NodeUse {
    const pods: ResourceUse[] = [];
    for (const w of this.workers.values()) for (const c of usage?.get(w) ?? w.usage()) pods.push(c.use);
    return nodeUse(this.machine, this.machines.get(this.nodeName), pods, this.images.diskBytes());
  }

  private evict(now: number, usage: ReadonlyMap<PodWorker, readonly ContainerUse[]>): void {
    const candidates: EvictionCandidate<PodWorker>[] = [];
    for (const w of this.workers.values()) {
      if (!w.active || w.isTerminating) continue;
      candidates.push({ worker: w, priority: w.currentPod().spec?.priority ?? 0, containers: usage.get(w) ?? [] });
    }
    const capacity = { memoryBytes: reportedMemoryBytes(this.machine.memoryBytes), diskBytes: this.machine.ephemeralStorageBytes };
    let decision = this.evictions.synchronize(now, this.nodeUse(usage), capacity, candidates, false);
    if (decision.kind === 'reclaim-images') {
      const inUse = new Set<string>();
      for (const w of this.workers.values()) for (const i of w.imagesInUse()) inUse.add(i);
      this.nodeEvent('Warning', 'EvictionThresholdMet', 'Attempting to reclaim ephemeral-storage');
      this.images.collectGarbage(inUse);
      decision = this.evictions.synchronize(now, this.nodeUse(usage), capacity, candidates, true);
    }
    if (decision.kind !== 'evict') return;
    if (decision.resource === 'memory') this.nodeEvent('Warning', 'EvictionThresholdMet', 'Attempting to reclaim memory');
    decision.worker.evict(decision.message);
  }

  private publishMetrics(now: number, usage: ReadonlyMap<PodWorker, readonly ContainerUse[]>): void {
    const pods = [...this.workers.values()].map((w) => ({ namespace: w.namespace, pod: w.name, containers: w.sample(now) })).filter((p) => p.containers.length > 0);
    publishResourceMetrics(this.ctx.metrics, this.nodeName, now, pods, this.nodeUse(usage), (p, container) => {
      // One label set per container, built once: a node publishes every 10 s.
      const podKey = `${p.namespace}/${p.pod}`;
      let containers = this.metricLabels.get(podKey);
      if (!containers) this.metricLabels.set(podKey, (containers = new Map()));
      let labels = containers.get(container);
      if (!labels) containers.set(container, (labels = Object.freeze({ namespace: p.namespace, pod: p.pod, container, node: this.nodeName })));
      return labels;
    });
  }

  // ── WorkerHost ───────────────────────────────────────────────────────────────────────────

  event(pod: Stored<Pod>, type: EventType, reason: string, message: string, fieldPath?: string): void {
    if (!this.reachable()) return;
    this.ctx.recorder.record(pod, type, reason, message, { component: 'kubelet', host: this.nodeName }, fieldPath);
  }

  private nodeEvent(type: EventType, reason: string, message: string): void {
    if (!this.reachable()) return;
    const ref: ObjectReference = { kind: 'Node', name: this.nodeName, uid: this.nodeName, apiVersion: 'v1' };
    this.ctx.recorder.record(ref, type, reason, message, { component: 'kubelet', host: this.nodeName });
  }

  allocatePodIp(): string {
    const base = this.machine.podCIDR.split('.').slice(0, 3).join('.');
    const ip = `${base}.${this.nextPodIp}`;
    this.nextPodIp = this.nextPodIp >= 254 ? 2 : this.nextPodIp + 1;
    return ip;
  }

  admit(pod: Stored<Pod>): AdmitResult {
    const active = [...this.workers.values()].filter((w) => w.active && w.uid !== pod.metadata.uid).map((w) => w.currentPod());
    const signals = this.evictions.signals(this.ctx.clock.now());
    return admitPod(
      { pod, node: this.ctx.store.get('Node', this.nodeName), activePods: active, memoryPressure: signals.memoryPressure, diskPressure: signals.diskPressure },
      this.fleet.deviceAdmitHandlers(),
    );
  }

  /** What the device managers give a container of an admitted pod. */
  runOptions(pod: Stored<Pod>, container: string): ContainerRunOptions {
    return mergeRunOptions(this.fleet.extensions().map((e) => e.containerOptions?.(this.nodeName, pod, container)));
  }

  /** Programs images carry beyond the workload catalogue. */
  readonly programs: ProgramProvider = (argv, env) => {
    for (const e of this.fleet.extensions()) {
      const p = e.programs?.(argv, env);
      if (p) return p;
    }
    return undefined;
  };

  finished(worker: PodWorker): void {
    const current = this.ctx.store.get<Pod>('Pod', worker.name, worker.namespace);
    if (current && current.metadata.uid === worker.uid) return;
    if (!worker.done) return;
    this.workers.delete(worker.uid);
    this.logs.dropPod(worker.uid);
    this.restarts.resetPrefix(`${worker.uid}/`);
    this.status.forget(worker.uid);
  }

  // ── queries ─────────────────────────────────────────────────────────────────────────────

  worker(uid: string): PodWorker | undefined {
    return this.workers.get(uid);
  }

  /** Whether the kubelet process runs (the machine is powered and booted). */
  get alive(): boolean {
    return this.running;
  }
}
