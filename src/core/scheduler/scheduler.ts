import type { Node, Pod } from 'kubernetes-types/core/v1';
import { objectKey, type KubeObject, type Stored } from '../api/types';
import type { Timer } from '../engine/clock';
import { rfc3339 } from '../engine/time';
import { setCondition } from '../kubelet/pod-conditions';
import type { SimContext } from '../sim-context';
import { ApiError } from '../store/api-error';
import { SchedulerCache } from './cache';
import { type ClusterEvent, nodeUpdateEvents } from './cluster-events';
import { DEFAULT_SCHEDULER_NAME } from './config/defaults';
import { resolveConfig } from './config/resolve';
import type { KubeSchedulerConfiguration } from './config/types';
import { AttemptRecord, EXPLANATION_ENTRIES_KEPT, EXPLANATIONS_KEPT, type SchedulingExplanation } from './explanation';
import { fitErrorMessage } from './fit-error';
import {
  type ApiWriter,
  CycleState,
  errorStatus,
  type Handle,
  isRejected,
  type Plugin,
  type Status,
  statusMessage,
  SUCCESS,
} from './framework';
import { buildProfile } from './profile';
import { PrioritySort } from './plugins/priority-sort';
import { PodInfo } from './pod-info';
import { type QueuedPodInfo, SchedulingQueue } from './queue';
import type { PluginContext } from './registry';
import type { FrameworkRuntime, Nominator } from './runtime';
import { SchedulingAlgorithm } from './schedule-one';

export { DEFAULT_SCHEDULER_NAME };

/** Virtual time one scheduling cycle takes. */
export const CYCLE_MS = 2;
/** How often parked pods are checked against podMaxInUnschedulablePodsDuration (flushUnschedulablePodsLeftover). */
const LEFTOVER_FLUSH_MS = 30_000;

const EMPTY: readonly PodInfo[] = [];
const TERMINAL = new Set(['Succeeded', 'Failed']);

/**
 * kube-scheduler: watches pods without a node, takes them from the scheduling queue one at a
 * time, runs the profile named by spec.schedulerName against its cache of the cluster, and
 * binds the pod to the best node — or records why none fits, and may preempt lower-priority
 * pods to make room. Every attempt is kept as an explanation.
 */
export class Scheduler implements Nominator {
  readonly cache = new SchedulerCache();
  private readonly queue: SchedulingQueue;
  private readonly pluginEvents = new Map<string, Set<ClusterEvent>>();
  private profiles = new Map<string, FrameworkRuntime>();
  private readonly algorithm: SchedulingAlgorithm;
  private readonly handle: Handle;
  private readonly nominated = new Map<string, PodInfo[]>();
  private readonly nominatedNodeOf = new Map<string, string>();
  private readonly explanations = new Map<string, AttemptRecord>();
  private readonly pendingSize: AttemptRecord[] = [];
  private explanationEntries = 0;
  private readonly accounted = new WeakMap<AttemptRecord, number>();
  private cycleTimer: Timer | undefined;
  private leftoverTimer: Timer | undefined;
  private configVersion = '';

  constructor(private readonly ctx: SimContext) {
    const { store } = ctx;
    this.handle = {
      snapshot: this.cache,
      get: (kind, name, namespace) => store.get(kind, name, namespace),
      list: (kind, namespace) => store.list(kind, namespace),
      namespaceLabels: (ns) => store.get('Namespace', ns)?.metadata.labels,
    };
    this.algorithm = new SchedulingAlgorithm(this.cache, ctx.rng, this.handle);
    this.queue = new SchedulingQueue(PrioritySort, this.pluginEvents, (pod) => this.gate(pod));
    this.loadConfig();

    store.watch<Node>('Node', (e) => {
      if (e.type === 'DELETED') {
        this.cache.removeNode(e.object.metadata.name);
        return this.onEvent('Node/Delete');
      }
      this.cache.setNode(e.object);
      if (e.type === 'ADDED' || !e.old) return this.onEvent('Node/Add');
      for (const ev of nodeUpdateEvents(e.old, e.object)) this.onEvent(ev);
    });
    store.watch<Pod>('Pod', (e) => this.onPod(e.type, e.object, e.old));
    store.watch('KubeSchedulerConfiguration', () => this.loadConfig());
    for (const kind of ['PersistentVolumeClaim', 'PersistentVolume'] as const) {
      store.watch(kind, (e) => {
        if (e.type !== 'DELETED') this.onEvent(`${kind}/${e.type === 'ADDED' ? 'Add' : 'Update'}`);
      });
    }
    store.watch('StorageClass', (e) => {
      if (e.type === 'ADDED') this.onEvent('StorageClass/Add');
    });
  }

  /** The last attempt to schedule a pod, as plain data. */
  explanationFor(namespace: string, name: string): SchedulingExplanation | undefined {
    const pod = this.ctx.store.get<Pod>('Pod', name, namespace);
    return pod ? this.explanations.get(pod.metadata.uid)?.toExplanation() : undefined;
  }

  get hasNominatedPods(): boolean {
    return this.nominated.size > 0;
  }

  nominatedPodsForNode(nodeName: string): readonly PodInfo[] {
    return this.nominated.size === 0 ? EMPTY : (this.nominated.get(nodeName) ?? EMPTY);
  }

  // ---- configuration -------------------------------------------------------------------

  /** Run the most recently written KubeSchedulerConfiguration, or the defaults when there is none. */
  private loadConfig(): void {
    const docs = this.ctx.store.list<KubeSchedulerConfiguration>('KubeSchedulerConfiguration');
    let latest: Stored<KubeSchedulerConfiguration> | undefined;
    for (const d of docs) if (!latest || Number(d.metadata.resourceVersion) > Number(latest.metadata.resourceVersion)) latest = d;
    const version = latest?.metadata.resourceVersion ?? '';
    if (this.profiles.size > 0 && version === this.configVersion) return;
    this.configVersion = version;
    // The API server validated the document; resolving it again cannot fail.
    const { config } = resolveConfig(latest);
    this.algorithm.percentageOfNodesToScore = config.percentageOfNodesToScore;
    this.queue.initialBackoffMs = config.podInitialBackoffMs;
    this.queue.maxBackoffMs = config.podMaxBackoffMs;
    const pluginCtx: PluginContext = { handle: this.handle, preemption: this.preemptionContext() };
    this.profiles = new Map();
    this.pluginEvents.clear();
    for (const p of config.profiles) {
      const runtime = buildProfile(p, pluginCtx, this, (plugins: readonly Plugin[]) => {
        for (const plugin of plugins) this.pluginEvents.set(plugin.name, new Set(plugin.events ?? []));
      });
      this.profiles.set(p.schedulerName, runtime);
    }
    this.resyncQueue();
  }

  /** After a profile change: queue the pending pods that now have a profile, drop those that lost theirs. */
  private resyncQueue(): void {
    const now = this.ctx.clock.now();
    for (const pod of this.ctx.store.list<Pod>('Pod')) {
      if (pod.spec?.nodeName) continue;
      const key = objectKey('Pod', pod.metadata.namespace, pod.metadata.name);
      if (this.wanted(pod)) {
        if (!this.queue.get(key)) this.queue.addOrUpdate(key, pod, now);
      } else this.queue.delete(key);
    }
    this.kick();
  }

  private wanted(pod: Stored<Pod>): boolean {
    return !pod.metadata.deletionTimestamp && !TERMINAL.has(pod.status?.phase ?? '') && this.profiles.has(pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME);
  }

  private gate(pod: Stored<Pod>): string | undefined {
    const fw = this.profiles.get(pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME);
    for (const p of fw?.plugins.preEnqueue ?? []) if (p.preEnqueue(pod).code !== 'Success') return p.name;
    return undefined;
  }

  // ---- watches ---------------------------------------------------------------------------

  private onPod(type: string, pod: Stored<Pod>, old: Stored<Pod> | undefined): void {
    const key = objectKey('Pod', pod.metadata.namespace, pod.metadata.name);
    const uid = pod.metadata.uid;
    if (type === 'DELETED') {
      this.queue.delete(key);
      this.setNomination(pod, undefined);
      this.forget(uid);
      if (this.cache.removePod(uid)) this.onEvent('AssignedPod/Delete');
      return;
    }
    const nodeName = pod.spec?.nodeName;
    if (nodeName) {
      // Just bound by this scheduler: the queued PodInfo still describes the pod.
      const queued = this.queue.get(key);
      const known = queued?.podInfo.uid === uid && !old?.spec?.nodeName ? queued.podInfo.withBoundPod(pod) : undefined;
      this.queue.delete(key);
      this.setNomination(pod, undefined);
      if (TERMINAL.has(pod.status?.phase ?? '')) {
        if (this.cache.removePod(uid)) this.onEvent('AssignedPod/Delete');
        return;
      }
      const { added, previous } = this.cache.setPod(pod, nodeName, known);
      if (!previous) this.onEvent('AssignedPod/Add');
      else {
        if (JSON.stringify(old?.metadata.labels) !== JSON.stringify(pod.metadata.labels)) this.onEvent('AssignedPod/UpdatePodLabel');
        if (added.requests.milliCPU < previous.requests.milliCPU || added.requests.memory < previous.requests.memory) this.onEvent('AssignedPod/UpdatePodScaleDown');
      }
      return;
    }
    if (!this.wanted(pod)) {
      this.queue.delete(key);
      this.setNomination(pod, undefined);
      return;
    }
    this.queue.addOrUpdate(key, pod, this.ctx.clock.now());
    this.setNomination(pod, pod.status?.nominatedNodeName || undefined);
    this.kick();
  }

  /** Keep the nominator in step with status.nominatedNodeName of pending pods. */
  private setNomination(pod: Stored<Pod>, nodeName: string | undefined): void {
    const uid = pod.metadata.uid;
    const previous = this.nominatedNodeOf.get(uid);
    if (previous !== undefined) {
      const list = (this.nominated.get(previous) ?? []).filter((p) => p.uid !== uid);
      if (list.length > 0) this.nominated.set(previous, list);
      else this.nominated.delete(previous);
      this.nominatedNodeOf.delete(uid);
    }
    if (nodeName === undefined) return;
    this.nominatedNodeOf.set(uid, nodeName);
    const list = this.nominated.get(nodeName) ?? [];
    list.push(new PodInfo(pod));
    this.nominated.set(nodeName, list);
  }

  private onEvent(event: ClusterEvent): void {
    if (this.queue.onEvent(event, this.ctx.clock.now()) > 0) this.kick();
  }

  // ---- the cycle -------------------------------------------------------------------------

  /** Make sure a cycle is due when a pod is waiting, at the earliest when one may be tried. */
  private kick(): void {
    const now = this.ctx.clock.now();
    let at: number | undefined;
    if (this.queue.activeCount > 0) at = now + CYCLE_MS;
    else {
      const expiry = this.queue.nextBackoffExpiry();
      if (expiry !== undefined) at = Math.max(expiry, now + CYCLE_MS);
    }
    if (at === undefined) return;
    if (this.cycleTimer && this.cycleTimer.at <= at) return;
    this.cycleTimer?.cancel();
    this.cycleTimer = this.ctx.clock.at(at, 'scheduler-cycle', () => {
      this.cycleTimer = undefined;
      this.scheduleOne();
      this.trimExplanations();
      this.kick();
    });
  }

  private ensureLeftoverFlush(): void {
    if (this.leftoverTimer || this.queue.unschedulableCount === 0) return;
    this.leftoverTimer = this.ctx.clock.after(LEFTOVER_FLUSH_MS, 'scheduler-flush-unschedulable', () => {
      this.leftoverTimer = undefined;
      this.queue.flushUnschedulableLeftover(this.ctx.clock.now());
      this.kick();
      this.ensureLeftoverFlush();
    });
  }

  /** scheduleOne: one pod through the scheduling cycle and, if it found a node, the binding cycle. */
  private scheduleOne(): void {
    const { clock, store } = this.ctx;
    const now = clock.now();
    const q = this.queue.pop(now);
    if (!q) return;
    const pod = store.get<Pod>('Pod', q.podInfo.name, q.podInfo.namespace);
    if (!pod || pod.metadata.uid !== q.podInfo.uid || pod.spec?.nodeName || !this.wanted(pod)) {
      this.queue.done(q);
      return;
    }
    if (pod !== q.podInfo.pod) q.podInfo = new PodInfo(pod);
    const podInfo = q.podInfo;
    const fw = this.profiles.get(pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME)!;
    const record = new AttemptRecord({ namespace: podInfo.namespace, name: podInfo.name, uid: podInfo.uid }, q.attempts, now, fw.profileName);
    this.remember(podInfo.uid, record);

    const state = new CycleState();
    const result = this.algorithm.schedulePod(fw, state, podInfo, record);
    if (result.kind === 'error') return this.fail(q, fw, record, 'error', result.message, new Set());
    if (result.kind === 'unschedulable') {
      const { diagnosis, numAllNodes } = result;
      let postFilterMsg = '';
      let nominated: string | undefined;
      if (numAllNodes > 0) {
        for (const p of fw.plugins.postFilter) {
          const outcome = p.postFilter(state, podInfo, diagnosis.statuses, this.handle);
          postFilterMsg = statusMessage(outcome.status);
          if (outcome.nominatedNodeName !== undefined) nominated = outcome.nominatedNodeName;
          record.preemption = {
            ...(outcome.nominatedNodeName ? { nominatedNode: outcome.nominatedNodeName } : {}),
            victims: (outcome.victims ?? []).map((v) => ({ namespace: v.metadata.namespace ?? 'default', name: v.metadata.name, priority: v.spec?.priority ?? 0 })),
            ...(postFilterMsg ? { message: postFilterMsg } : {}),
          };
          if (outcome.status.code === 'Success') break;
        }
      }
      const message = result.message ?? fitErrorMessage(numAllNodes, diagnosis.statuses, diagnosis.preFilterMsg, postFilterMsg);
      return this.fail(q, fw, record, 'unschedulable', message, diagnosis.unschedulablePlugins, nominated);
    }
    this.bindingCycle(q, fw, state, record, result.node);
  }

  /** Reserve, Permit, PreBind and Bind; any failure undoes the reservation and sends the pod back. */
  private bindingCycle(q: QueuedPodInfo, fw: FrameworkRuntime, state: CycleState, record: AttemptRecord, node: string): void {
    const pod = q.podInfo;
    const reserved: typeof fw.plugins.reserve[number][] = [];
    const undo = () => {
      for (const r of reserved.reverse()) r.unreserve(state, pod, node, this.handle);
    };
    const failWith = (plugin: string, s: Status) => {
      undo();
      const kind = isRejected(s) ? 'unschedulable' : 'error';
      const message = kind === 'unschedulable' ? statusMessage(s) : `running ${plugin} plugin: ${statusMessage(s)}`;
      this.fail(q, fw, record, kind, message, new Set([plugin]));
    };
    for (const r of fw.plugins.reserve) {
      const s = r.reserve(state, pod, node, this.handle);
      reserved.push(r);
      if (s.code !== 'Success') return failWith(r.name, s);
    }
    for (const p of fw.plugins.permit) {
      const s = p.permit(state, pod, node);
      if (s.code === 'Wait') return failWith(p.name, errorStatus('waiting permits are not simulated'));
      if (s.code !== 'Success') return failWith(p.name, s);
    }
    const api = this.apiWriterFor(fw.profileName);
    for (const p of fw.plugins.preBind) {
      const s = p.preBind(state, pod, node, api);
      if (s.code !== 'Success' && s.code !== 'Skip') return failWith(p.name, s);
    }
    for (const b of fw.plugins.bind) {
      const s = b.bind(state, pod, node, api);
      if (s.code === 'Skip') continue;
      if (s.code !== 'Success') return failWith(b.name, s);
      record.outcome = 'Scheduled';
      record.node = node;
      this.queue.done(q);
      for (const p of fw.plugins.postBind) p.postBind(state, pod, node);
      return;
    }
    failWith('DefaultBinder', errorStatus('no bind plugin bound the pod'));
  }

  private readonly writers = new Map<string, ApiWriter>();

  private apiWriterFor(schedulerName: string): ApiWriter {
    let w = this.writers.get(schedulerName);
    if (!w) this.writers.set(schedulerName, (w = this.apiWriter(schedulerName)));
    return w;
  }

  private apiWriter(schedulerName: string): ApiWriter {
    const { store, recorder, clock } = this.ctx;
    const guarded = (write: () => void): Status => {
      try {
        write();
        return SUCCESS;
      } catch (e) {
        if (e instanceof ApiError) return errorStatus(e.message);
        throw e;
      }
    };
    return {
      bind: (pod, nodeName) =>
        guarded(() => {
          const bound = store.bindPod<Pod>(pod.metadata.name, pod.metadata.namespace!, nodeName, (p) => {
            setCondition(p, 'PodScheduled', 'True', rfc3339(clock.now()));
            // The nomination has served its purpose once the pod is bound.
            if (p.status?.nominatedNodeName) delete (p.status as { nominatedNodeName?: string }).nominatedNodeName;
          });
          recorder.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, { component: schedulerName });
        }),
      patch: (kind, name, namespace, mutate) => guarded(() => store.patch(kind, name, namespace, mutate as (d: KubeObject) => void)),
    };
  }

  /**
   * handleSchedulingFailure: the PodScheduled=False condition with the message, a FailedScheduling
   * event, the nomination from preemption, and back to the queue.
   */
  private fail(q: QueuedPodInfo, fw: FrameworkRuntime, record: AttemptRecord, kind: 'unschedulable' | 'error', message: string, plugins: ReadonlySet<string>, nominated?: string): void {
    const { store, recorder, clock } = this.ctx;
    const now = clock.now();
    record.outcome = kind === 'unschedulable' ? 'Unschedulable' : 'Error';
    record.message = message;
    if (kind === 'unschedulable') this.queue.addUnschedulable(q, plugins, now);
    else this.queue.addBackoff(q, now);
    const pod = q.podInfo.pod;
    try {
      const updated = store.patchStatus<Pod>('Pod', pod.metadata.name, pod.metadata.namespace, (p) => {
        setCondition(p, 'PodScheduled', 'False', rfc3339(now), kind === 'unschedulable' ? 'Unschedulable' : 'SchedulerError', message);
        if (nominated !== undefined) {
          const status = p.status as { nominatedNodeName?: string };
          if (nominated) status.nominatedNodeName = nominated;
          else delete status.nominatedNodeName;
        }
      });
      recorder.record(updated, 'Warning', 'FailedScheduling', message, { component: fw.profileName });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
    this.ensureLeftoverFlush();
    this.kick();
  }

  /** Keep a pod's latest attempt, dropping the oldest ones beyond the count and size budgets. */
  private remember(uid: string, record: AttemptRecord): void {
    this.forget(uid);
    this.explanations.set(uid, record);
    this.pendingSize.push(record);
  }

  private forget(uid: string): void {
    const old = this.explanations.get(uid);
    if (!old) return;
    this.explanationEntries -= this.accounted.get(old) ?? 0;
    this.explanations.delete(uid);
  }

  /** Sizes are known once an attempt is over: account for them, then trim. */
  private trimExplanations(): void {
    for (const r of this.pendingSize) {
      if (this.explanations.get(r.pod.uid) !== r) continue;
      r.compact();
      this.accounted.set(r, r.size);
      this.explanationEntries += r.size;
    }
    this.pendingSize.length = 0;
    for (const [uid] of this.explanations) {
      if (this.explanations.size <= EXPLANATIONS_KEPT && this.explanationEntries <= EXPLANATION_ENTRIES_KEPT) break;
      this.forget(uid);
    }
  }

  private preemptionContext(): PluginContext['preemption'] {
    const { store, recorder, clock, rng } = this.ctx;
    return {
      rng,
      nominator: this,
      runtime: () => {
        throw new Error('replaced per profile');
      },
      now: () => clock.now(),
      preempt: (victim, preemptor, nodeName) => {
        const schedulerName = preemptor.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME;
        try {
          // The victim learns why it is going (DisruptionTarget), then is deleted gracefully.
          const marked = store.patchStatus<Pod>('Pod', victim.metadata.name, victim.metadata.namespace, (p) => {
            setCondition(p, 'DisruptionTarget', 'True', rfc3339(clock.now()), 'PreemptionByScheduler', `${schedulerName}: preempting to accommodate a higher priority pod`);
          });
          store.delete('Pod', victim.metadata.name, victim.metadata.namespace);
          recorder.record(marked, 'Normal', 'Preempted', `Preempted by pod ${preemptor.metadata.uid} on node ${nodeName}`, { component: schedulerName });
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
        }
      },
      clearNomination: (pod) => {
        try {
          store.patchStatus<Pod>('Pod', pod.metadata.name, pod.metadata.namespace, (p) => {
            delete (p.status as { nominatedNodeName?: string }).nominatedNodeName;
          });
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
        }
      },
    };
  }
}
