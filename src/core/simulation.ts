import type { Event, Node } from 'kubernetes-types/core/v1';
import { deepClone } from './api/clone';
import { parseSelector, selectorRequirements, type Requirement } from './api/labels';
import type { LabelSelector } from './api/types';
import type { KubeObject } from './api/types';
import { extendedResourceNames } from './api/schema/extended-resources';
import { manifestJsonSchema } from './api/schema/json-schema';
import { applyManifests, type ApplyOutput } from './apply/apply';
import type { ClusterSpec } from './cluster/cluster-spec';
import { resolveCluster } from './cluster/parse-cluster';
import type { Machine } from './cluster/hardware';
import type { Fault, FaultResult } from './faults/faults';
import type { Completion } from './kubectl/completion';
import type { KubectlHost, KubectlResult } from './kubectl/kubectl';
import type { EditOutcome, EditRequest } from './kubectl/edit/session';
import type { NodeShellResult } from './kubectl/shell/node-shell';
import { deferred } from './deferred/registry';
import { isHeartbeat } from './kubelet/heartbeat';
import { type LogsOptions, type LogsResult, readPodLogs } from './kubelet/logs-api';
import { type CordonResult, setUnschedulable } from './eviction/cordon';
import { type DrainOperation, type DrainOptions, startDrain } from './eviction/drain';
import { evictPod } from './eviction/eviction-api';
import type { MetricsStore } from './metrics/metrics-store';
import type { SchedulingExplanation } from './scheduler/explanation';
import { ApiError } from './store/api-error';
import type { PropagationPolicy, WatchEvent } from './store/object-store';
import { inspect, type InspectRef, type Inspection } from './view/inspect';
import type { Labels, Series } from './metrics/metrics-store';
import { ViewTracker } from './view/view-tracker';
import { matchesFields, parseFieldSelector } from './kubectl/resources/field-selector';
import { type OpResult, type RolloutAction, runRollout, runRolloutStatus, runScale } from './workload-ops';
import { type DnsAnswer, resolveDns } from './network/dns';
import type { NodeGpuStatus } from './gpu/runtime/gpu-status';
import { withGpuTaint } from './cluster/gpu-taint';
import { World } from './world';

export interface SimulationOptions {
  /** The seed of every random choice; the same seed and commands replay the same run. Default 1. */
  readonly seed?: number;
  /** A preset name (`minimal`, `dgx-a100`, `gpu-lab`, `h200`, `large`), a Cluster YAML document or a ClusterSpec. */
  readonly cluster?: string | ClusterSpec;
  /**
   * Taint every GPU pool `nvidia.com/gpu=present:NoSchedule` (off by default), as GKE does for
   * dedicated GPU nodes: pods then need the toleration the GPU samples carry.
   */
  readonly gpuTaint?: boolean;
}

/** One entry of the command log: everything that changed the simulation from outside. */
export type Command =
  | { readonly op: 'apply'; readonly yaml: string; readonly fileName?: string; readonly namespace?: string }
  | {
      readonly op: 'delete';
      readonly kind: string;
      readonly name: string;
      readonly namespace?: string;
      readonly gracePeriodSeconds?: number;
      readonly propagationPolicy?: PropagationPolicy;
    }
  | { readonly op: 'advance'; readonly ms: number }
  | { readonly op: 'rollout'; readonly action: RolloutAction; readonly kind: string; readonly name: string; readonly namespace?: string; readonly toRevision?: number }
  | { readonly op: 'scale'; readonly kind: string; readonly name: string; readonly namespace?: string; readonly replicas: number; readonly currentReplicas?: number }
  | { readonly op: 'kubectl'; readonly line: string; readonly stdin?: string; readonly files?: Readonly<Record<string, string>> }
  | { readonly op: 'edit'; readonly request: EditRequest; readonly text: string }
  | { readonly op: 'inject'; readonly fault: Fault }
  | { readonly op: 'cordon'; readonly node: string; readonly unschedulable: boolean }
  | { readonly op: 'drain'; readonly node: string; readonly options: DrainOptions }
  | { readonly op: 'evict'; readonly pod: string; readonly namespace?: string; readonly gracePeriodSeconds?: number };

/**
 * A snapshot is the seed, the cluster and the command log: the core is deterministic, so
 * replaying the log rebuilds exactly the same state.
 */
export interface Snapshot {
  readonly format: 'kubelab-snapshot/v1';
  readonly seed: number;
  readonly cluster: ClusterSpec;
  readonly log: readonly Command[];
}

/** A command whose output goes on streaming (`get -w`) until `stop()`. */
export interface KubectlWatch {
  readonly result: KubectlResult;
  readonly watching: boolean;
  stop(): void;
}

export interface DeleteResult {
  readonly ok: boolean;
  /** kubectl's line: `pod "web" deleted` or the error. */
  readonly message: string;
}

export interface ListOptions {
  readonly namespace?: string;
  /** kubectl -l syntax (`app=web,tier!=db`) or a LabelSelector object. */
  readonly labelSelector?: string | LabelSelector;
  /** kubectl --field-selector syntax (`spec.nodeName=worker-1,status.phase!=Running`). */
  readonly fieldSelector?: string;
}

/**
 * The public headless API (DESIGN.md). Tests, benchmarks, lessons and the worker all drive the
 * cluster through this object.
 */
export class Simulation {
  private world: World;
  private log: Command[] = [];
  private readonly watchers = new Set<(e: WatchEvent) => void>();
  /** Followers of container logs (`kubectl logs -f`), polled after each advance of the clock. */
  private readonly advanceListeners = new Set<() => void>();
  private unwatch: () => void = () => {};

  constructor(options: SimulationOptions = {}) {
    const cluster = resolveCluster(options.cluster);
    this.world = this.build(options.seed ?? 1, options.gpuTaint ? withGpuTaint(cluster) : cluster);
  }

  private build(seed: number, cluster: ClusterSpec): World {
    this.unwatch();
    const world = new World(seed, cluster);
    this.unwatch = world.ctx.store.watch('*', (e) => {
      for (const w of this.watchers) w(e);
    });
    return world;
  }

  /** `kubectl apply` of a multi-document YAML string. */
  apply(yaml: string, options: { fileName?: string; namespace?: string } = {}): ApplyOutput {
    this.record({ op: 'apply', yaml, ...options });
    return this.doApply(yaml, options);
  }

  private doApply(yaml: string, options: { fileName?: string; namespace?: string }): ApplyOutput {
    return applyManifests(this.world.ctx.store, yaml, options);
  }

  /**
   * Delete an object gracefully, as `kubectl delete <kind> <name>` does (without waiting).
   * `propagationPolicy` is kubectl's `--cascade`: Background (the default), Foreground or Orphan.
   */
  delete(kind: string, name: string, namespace?: string, options: { gracePeriodSeconds?: number; propagationPolicy?: PropagationPolicy } = {}): DeleteResult {
    this.record({ op: 'delete', kind, name, ...(namespace ? { namespace } : {}), ...options });
    return this.doDelete(kind, name, namespace, options);
  }

  private doDelete(kind: string, name: string, namespace: string | undefined, options: { gracePeriodSeconds?: number; propagationPolicy?: PropagationPolicy }): DeleteResult {
    const type = this.world.ctx.store.registry.types.resolve(kind);
    if (!type) return { ok: false, message: `error: the server doesn't have a resource type ${JSON.stringify(kind)}` };
    try {
      this.world.ctx.store.delete(type.kind, name, type.namespaced ? (namespace ?? 'default') : undefined, options);
      return { ok: true, message: `${type.group ? `${type.singular}.${type.group}` : type.singular} ${JSON.stringify(name)} deleted` };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, message: e.kubectlMessage() };
      throw e;
    }
  }

  /** A deep copy of one object, or undefined. */
  get<T extends KubeObject = KubeObject>(kind: string, name: string, namespace?: string): T | undefined {
    const type = this.world.ctx.store.registry.types.resolve(kind);
    if (!type) return undefined;
    const obj = this.world.ctx.store.get(type.kind, name, type.namespaced ? (namespace ?? 'default') : undefined);
    return obj ? (deepClone(obj) as unknown as T) : undefined;
  }

  /** Deep copies of the objects of a kind, optionally filtered by namespace and label selector. */
  list<T extends KubeObject = KubeObject>(kind: string, options: ListOptions = {}): T[] {
    const type = this.world.ctx.store.registry.types.resolve(kind);
    if (!type) return [];
    let requirements: readonly Requirement[] = [];
    if (typeof options.labelSelector === 'string') requirements = parseSelector(options.labelSelector);
    else if (options.labelSelector) requirements = selectorRequirements(options.labelSelector);
    const fields = parseFieldSelector(options.fieldSelector ?? '');
    const store = this.world.ctx.store;
    return store
      .selectRequirements(type.kind, type.namespaced ? options.namespace : undefined, requirements)
      .filter((o) => matchesFields(o, fields))
      .map((o) => deepClone(o) as unknown as T);
  }

  /** Run the virtual clock forward by `seconds`, processing every event that falls due. */
  advance(seconds: number): void {
    const ms = Math.round(seconds * 1000);
    if (!(ms > 0)) return;
    this.record({ op: 'advance', ms });
    this.doAdvance(ms);
  }

  private doAdvance(ms: number): void {
    const clock = this.world.ctx.clock;
    clock.runUntil(clock.now() + ms);
    this.afterAdvance();
  }

  /** Tell the readers that follow something outside the store (`logs -f`) that time has moved on. */
  private afterAdvance(): void {
    for (const listener of this.advanceListeners) listener();
  }

  /**
   * Fast-forward until nothing has changed for `quietSeconds` (or `maxSeconds` have passed, or
   * `more` — asked before each virtual second — says stop: the worker's wall-time budget).
   * Returns the virtual seconds advanced.
   */
  advanceUntilQuiet(maxSeconds = 600, quietSeconds = 30, more: () => boolean = () => true): number {
    const store = this.world.ctx.store;
    const clock = this.world.ctx.clock;
    const start = clock.now();
    let lastChange = start;
    const stop = store.watch('*', (e) => {
      if (!isHeartbeat(e)) lastChange = clock.now();
    });
    try {
      while (clock.now() - start < maxSeconds * 1000 && clock.now() - lastChange < quietSeconds * 1000 && more()) {
        clock.runUntil(clock.now() + 1000);
      }
    } finally {
      stop();
    }
    const advanced = clock.now() - start;
    if (advanced > 0) this.record({ op: 'advance', ms: advanced });
    this.afterAdvance();
    return advanced / 1000;
  }

  /** Virtual seconds since the simulation started. */
  now(): number {
    return this.world.ctx.clock.now() / 1000;
  }

  /** `kubectl <args>`, with kubectl's output and exit code. `stdin` feeds `apply -f -`. */
  kubectl(line: string, stdin?: string, files?: Readonly<Record<string, string>>): KubectlResult {
    const before = this.world.ctx.clock.now();
    const result = this.runKubectl(line, stdin, files);
    if (this.world.ctx.clock.now() > before) this.afterAdvance();
    if (result.mutated) this.record({ op: 'kubectl', line, ...(stdin !== undefined ? { stdin } : {}), ...(files ? { files } : {}) });
    return result;
  }

  /**
   * `kubectl get --watch` and other streaming commands: runs the command, then, while the
   * returned watch is open, passes every further chunk of output to `onOutput` as the cluster
   * changes (as the simulation advances). `stop()` is Ctrl+C. For other commands it is the same
   * as kubectl() and `watching` is false.
   */
  kubectlWatch(line: string, onOutput: (chunk: string) => void, stdin?: string, files?: Readonly<Record<string, string>>): KubectlWatch {
    const result = this.kubectl(line, stdin, files);
    if (result.follow && result.exitCode === 0) {
      const poll = deferred('kubectl').followLogs(this.kubectlHost(files), result.follow, onOutput);
      this.advanceListeners.add(poll);
      return { result, watching: true, stop: () => this.advanceListeners.delete(poll) };
    }
    if (!result.watch || result.exitCode !== 0) return { result, watching: false, stop: () => {} };
    const stop = deferred('kubectl').openWatch(this.kubectlHost(files), result.watch, onOutput);
    return { result, watching: true, stop };
  }

  /**
   * Save the editor tab that `kubectl edit` opened (`result.edit` of `sim.kubectl('edit …')`):
   * applies the edited text with kubectl edit's rules and returns its output — `deployment.apps/web
   * edited`, `Edit cancelled, no changes made.` — or, when the save failed, `reopen`: the same
   * edit with the reasons in its header comment, for the tab to show instead.
   */
  saveEdit(request: EditRequest, text: string): EditOutcome {
    const outcome = deferred('kubectl').saveEdit(this.kubectlHost(), request, text);
    if (outcome.result.mutated) this.record({ op: 'edit', request, text });
    return outcome;
  }

  /** One line typed in the shell that `kubectl debug node/<name> -it` opened (nvidia-smi, hostname, exit). */
  nodeShell(node: string, line: string): NodeShellResult {
    return deferred('kubectl').runNodeShell(this.kubectlHost(), node, line);
  }

  /** Tab completion for a kubectl command line: candidates for the word at `cursor`. */
  completeKubectl(line: string, cursor = line.length, files?: Readonly<Record<string, string>>): Completion {
    return deferred('kubectl').completeKubectl(this.kubectlHost(files), line, cursor);
  }

  private runKubectl(line: string, stdin?: string, files?: Readonly<Record<string, string>>): KubectlResult {
    return deferred('kubectl').runKubectl(this.kubectlHost(files), line, stdin);
  }

  private kubectlHost(files?: Readonly<Record<string, string>>): KubectlHost {
    return {
      store: this.world.ctx.store,
      nowMs: () => this.world.ctx.clock.now(),
      apply: (yaml, options) => this.doApply(yaml, options),
      readFile: (name) => (files && Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined),
      listFiles: () => Object.keys(files ?? {}),
      clock: this.world.ctx.clock,
      drain: (node, options) => startDrain(this.world.ctx, node, options),
      logs: (namespace, pod, options) => readPodLogs(this.world.ctx.store, this.world.kubelets, namespace, pod, options, this.world.ctx.clock.now()),
      exec: (namespace, pod, container, command) => this.world.kubelets.exec(namespace, pod, container, command),
      metrics: this.world.ctx.metrics,
      nvidiaSmi: (node, args) => this.world.gpu.nodeSmi(node, args),
      dmesg: (node) => this.world.gpu.dmesg(node),
    };
  }

  /** Inject a fault, e.g. `{ type: 'node-down', node: 'worker-1' }`. */
  inject(fault: Fault): FaultResult {
    const result = this.world.faults.inject(this.world.ctx, fault);
    if (result.ok) this.record({ op: 'inject', fault });
    return result;
  }

  /**
   * A container's log, as `kubectl logs` reads it: `{ container, previous, tail, timestamps,
   * sinceSeconds }`. Errors carry the API server's wording (`container "x" in pod "y" is waiting
   * to start: ContainerCreating`, `previous terminated container … not found`).
   */
  logs(pod: string, options: LogsOptions & { namespace?: string } = {}): LogsResult {
    return readPodLogs(this.world.ctx.store, this.world.kubelets, options.namespace ?? 'default', pod, options, this.world.ctx.clock.now());
  }

  /** `kubectl cordon <node>`: mark the node unschedulable. */
  cordon(node: string): CordonResult {
    this.record({ op: 'cordon', node, unschedulable: true });
    return setUnschedulable(this.world.ctx.store, node, true);
  }

  /** `kubectl uncordon <node>`. */
  uncordon(node: string): CordonResult {
    this.record({ op: 'cordon', node, unschedulable: false });
    return setUnschedulable(this.world.ctx.store, node, false);
  }

  /**
   * `kubectl drain <node>`: cordon, then evict the node's pods through the eviction API,
   * retrying refused evictions every 5 s, as the real command does. It runs in virtual time:
   * advance the clock and read the returned operation's lines (stdout, stderr) and `done`.
   */
  drain(node: string, options: DrainOptions = {}): DrainOperation {
    this.record({ op: 'drain', node, options });
    return startDrain(this.world.ctx, node, options);
  }

  /** The pods/eviction subresource: a delete that respects PodDisruptionBudgets (429 when it would violate one). */
  evict(pod: string, options: { namespace?: string; gracePeriodSeconds?: number } = {}): DeleteResult {
    this.record({ op: 'evict', pod, ...options });
    return this.doEvict(pod, options.namespace, options.gracePeriodSeconds);
  }

  private doEvict(pod: string, namespace = 'default', gracePeriodSeconds?: number): DeleteResult {
    const r = evictPod(this.world.ctx, namespace, pod, gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {});
    return r.ok ? { ok: true, message: `pod/${pod} evicted` } : { ok: false, message: r.error.kubectlMessage() };
  }

  /**
   * The time series components record (container and node usage every 10 s, GPU and Triton
   * series): what `kubectl top`, the HPA and the UI's charts read. Names are in metrics/series.ts.
   */
  metrics(): Pick<MetricsStore, 'query' | 'latest' | 'names'> {
    return this.world.ctx.metrics;
  }

  /**
   * A GPU node's GPUs as the NVIDIA stack sees them now (gpu/runtime/gpu-status.ts): per GPU its
   * health (healthy, unhealthy, lost, unadvertised), last Xid, sensors and MIG devices, and per
   * device the containers it is allocated to; per node the served resources with their sharing
   * replicas and the MIG manager's config and state. Undefined for a node without NVIDIA GPUs.
   */
  gpuStatus(node: string): NodeGpuStatus | undefined {
    return this.world.gpu.status(node);
  }

  /** Every Event object, in the order they were first recorded. */
  events(): Event[] {
    return this.world.ctx.store.list<Event>('Event').map((e) => deepClone(e) as Event);
  }

  snapshot(): Snapshot {
    return { format: 'kubelab-snapshot/v1', seed: this.world.seed, cluster: this.world.cluster, log: deepClone(this.log) };
  }

  /** Rebuild the state a snapshot describes, by replaying its command log from the start. */
  restore(snapshot: Snapshot): void {
    if (snapshot.format !== 'kubelab-snapshot/v1') throw new Error(`unsupported snapshot format ${JSON.stringify(snapshot.format)}`);
    this.world = this.build(snapshot.seed, snapshot.cluster);
    this.log = [];
    for (const command of snapshot.log) this.replay(command);
  }

  private replay(c: Command): void {
    this.record(c);
    switch (c.op) {
      case 'apply':
        this.doApply(c.yaml, c);
        return;
      case 'delete':
        this.doDelete(c.kind, c.name, c.namespace, c);
        return;
      case 'advance':
        this.doAdvance(c.ms);
        return;
      case 'kubectl':
        this.runKubectl(c.line, c.stdin, c.files);
        return;
      case 'inject':
        this.world.faults.inject(this.world.ctx, c.fault);
        return;
      case 'edit':
        deferred('kubectl').saveEdit(this.kubectlHost(), c.request, c.text);
        return;
      case 'cordon':
        setUnschedulable(this.world.ctx.store, c.node, c.unschedulable);
        return;
      case 'drain':
        startDrain(this.world.ctx, c.node, c.options);
        return;
      case 'evict':
        this.doEvict(c.pod, c.namespace, c.gracePeriodSeconds);
        return;
      case 'rollout':
        this.doRollout(c);
        return;
      case 'scale':
        runScale(this.world.ctx.store, c.kind, c.name, c.namespace ?? 'default', c.replicas, c.currentReplicas);
        return;
    }
  }

  /**
   * `kubectl rollout undo|restart|pause|resume <kind>/<name>`: `undo` goes back to the previous
   * revision, or to `toRevision`. Returns kubectl's line (`deployment.apps/web rolled back`).
   */
  rollout(action: RolloutAction, kind: string, name: string, namespace = 'default', toRevision?: number): OpResult {
    const command = { op: 'rollout' as const, action, kind, name, namespace, ...(toRevision !== undefined ? { toRevision } : {}) };
    const result = this.doRollout(command);
    if (result.ok) this.record(command);
    return result;
  }

  private doRollout(c: Extract<Command, { op: 'rollout' }>): OpResult {
    return runRollout(this.world.ctx.store, this.world.ctx.clock.now(), c.action, c.kind, c.name, c.namespace ?? 'default', c.toRevision);
  }

  /** `kubectl rollout status <kind>/<name>` at this instant (without waiting). */
  rolloutStatus(kind: string, name: string, namespace = 'default'): OpResult & { done: boolean } {
    return runRolloutStatus(this.world.ctx.store, kind, name, namespace);
  }

  /** `kubectl scale <kind>/<name> --replicas=N [--current-replicas=M]`. */
  scale(kind: string, name: string, replicas: number, namespace = 'default', currentReplicas?: number): OpResult {
    const result = runScale(this.world.ctx.store, kind, name, namespace, replicas, currentReplicas);
    if (result.ok) this.record({ op: 'scale', kind, name, namespace, replicas, ...(currentReplicas !== undefined ? { currentReplicas } : {}) });
    return result;
  }

  /** Resolve a name with cluster DNS as a pod in `namespace` would (`web`, `web.team`, `db-0.db.team.svc.cluster.local`). */
  resolveDns(name: string, namespace = 'default'): DnsAnswer {
    return resolveDns(this.world.ctx.store, name, namespace);
  }

  /** Append to the log, merging consecutive advances (advance(a), advance(b) ≡ advance(a + b) on an integer clock). */
  private record(c: Command): void {
    const last = this.log[this.log.length - 1];
    if (c.op === 'advance' && last?.op === 'advance') this.log[this.log.length - 1] = { op: 'advance', ms: last.ms + c.ms };
    else this.log.push(c);
  }

  /** Watch every change to every object. Survives restore(). */
  watch(handler: (e: WatchEvent) => void): () => void {
    this.watchers.add(handler);
    return () => this.watchers.delete(handler);
  }

  /**
   * Why a pod is where it is, or why it is Pending: the scheduler's last attempt for it — which
   * filter rejected each node and why, each score plugin's raw and normalised score per feasible
   * node, the weighted totals, the chosen node, the FailedScheduling message and any preemption.
   */
  schedulingExplanation(name: string, namespace = 'default'): SchedulingExplanation | undefined {
    return this.world.scheduler.explanationFor(namespace, name);
  }

  /** The cluster definition the simulation runs. */
  cluster(): ClusterSpec {
    return this.world.cluster;
  }

  machines(): ReadonlyMap<string, Machine> {
    return this.world.ctx.machines;
  }

  /** Seconds until the next scheduled event, if any. */
  nextEventIn(): number | undefined {
    const at = this.world.ctx.clock.nextAt();
    return at === undefined ? undefined : (at - this.world.ctx.clock.now()) / 1000;
  }

  /** How many engine tasks have run: the throughput figure benchmarks report. */
  tasksRun(): number {
    return this.world.ctx.clock.tasksRun;
  }

  /** A tracker of UI views over this simulation's current world (recreate after restore()). */
  createViewTracker(): ViewTracker {
    return new ViewTracker(this.world.ctx.store, (node) => this.world.gpu.nodeGpus(node), (node) => this.world.gpu.status(node));
  }

  /** The inspector's view of one object (or GPU): describe-like details, live YAML, events, scheduling explanation. */
  inspect(ref: InspectRef): Inspection {
    const { store, machines } = this.world.ctx;
    return inspect(
      {
        store,
        machines,
        explanation: (ns, name) => this.world.scheduler.explanationFor(ns, name),
        describe: (kind, name, ns) => {
          const out = this.runKubectl(`describe ${kind} ${name}${ns ? ` -n ${ns}` : ''}`);
          return out.stdout || out.stderr;
        },
        gpuStatus: (node) => this.world.gpu.status(node),
      },
      ref,
    );
  }

  /** The fault types `inject` accepts. */
  faultTypes(): string[] {
    return this.world.faults.types();
  }

  /**
   * Recorded metric series of `name` whose labels include `match` (the UI's charts read these),
   * each with its `last` most recent samples (all that are kept by default).
   */
  metricSeries(name: string, match: Labels = {}, last?: number): Series[] {
    return this.world.ctx.metrics.query(name, match, last);
  }

  /** JSON Schema for manifests of every supported kind, for editors, offering `extraResourceNames` under resources. */
  manifestSchema(extraResourceNames: readonly string[] = []): Record<string, unknown> {
    return manifestJsonSchema(this.world.ctx.store.registry.kindSchemas(), extraResourceNames);
  }

  /** The extended resources (nvidia.com/gpu, nvidia.com/mig-1g.5gb, …) the cluster's nodes advertise, sorted. */
  extendedResourceNames(): string[] {
    return extendedResourceNames(this.world.ctx.store.list<Node>('Node'));
  }
}
