import type { Pod } from 'kubernetes-types/core/v1';
import { deepEqual } from '../api/clone';
import type { Stored } from '../api/types';
import type { ClusterEvent } from './cluster-events';
import type { QueueSortPlugin } from './framework';
import { Heap, type HeapItem } from './heap';
import { PodInfo } from './pod-info';

/** The pod back-off: 1 s doubling per failed attempt, capped at 10 s (podInitialBackoffSeconds / podMaxBackoffSeconds). */
export const INITIAL_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 10_000;
/** A pod parked as unschedulable is retried after this long even without a helpful event (podMaxInUnschedulablePodsDuration). */
export const MAX_IN_UNSCHEDULABLE_MS = 5 * 60 * 1000;

export type QueueName = 'activeQ' | 'backoffQ' | 'unschedulablePods' | 'inFlight';

/** A pod in the scheduling queue (framework.QueuedPodInfo). */
export class QueuedPodInfo implements HeapItem {
  heapIndex = -1;
  where: QueueName = 'activeQ';
  /** When the pod was last added to the queue or last failed: PrioritySort's tie-breaker. */
  timestamp: number;
  readonly initialAttemptTimestamp: number;
  attempts = 0;
  /** Failed attempts, which drive the back-off. */
  failures = 0;
  backoffExpiry = 0;
  /** The plugins that rejected the pod in its last attempt: only their events requeue it. */
  unschedulablePlugins = new Set<string>();
  /** Gated by a PreEnqueue plugin: waits in unschedulablePods without a back-off. */
  gatedBy: string | undefined;

  constructor(
    readonly key: string,
    public podInfo: PodInfo,
    now: number,
    readonly seq: number,
  ) {
    this.timestamp = now;
    this.initialAttemptTimestamp = now;
  }

  get priority(): number {
    return this.podInfo.priority;
  }
}

/** 1 s, 2 s, 4 s, 8 s, then 10 s with the defaults. */
export function backoffDuration(failures: number, initialMs = INITIAL_BACKOFF_MS, maxMs = MAX_BACKOFF_MS): number {
  if (failures <= 0) return 0;
  return Math.min(initialMs * 2 ** (failures - 1), maxMs);
}

/** The fields that do not change what scheduling decides (a status write, a new resourceVersion). */
function schedulingRelevant(pod: Stored<Pod>): unknown {
  return { labels: pod.metadata.labels, annotations: pod.metadata.annotations, spec: pod.spec };
}

/**
 * The scheduling queue (PriorityQueue): activeQ is a heap ordered by the profile's QueueSort
 * plugin (priority, then time queued); backoffQ is a heap ordered by back-off expiry; pods that
 * did not fit wait in unschedulablePods until a cluster event that one of the plugins that
 * rejected them cares about, or five minutes. A pod leaving unschedulablePods goes to backoffQ
 * while its back-off runs, to activeQ after.
 */
export class SchedulingQueue {
  private readonly active: Heap<QueuedPodInfo>;
  private readonly backoff = new Heap<QueuedPodInfo>((a, b) => a.backoffExpiry < b.backoffExpiry || (a.backoffExpiry === b.backoffExpiry && a.seq < b.seq));
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  private readonly byKey = new Map<string, QueuedPodInfo>();
  private seq = 0;
  /** podInitialBackoffSeconds and podMaxBackoffSeconds of the configuration, in ms. */
  initialBackoffMs = INITIAL_BACKOFF_MS;
  maxBackoffMs = MAX_BACKOFF_MS;

  constructor(
    sort: QueueSortPlugin,
    /** Which events each plugin registered (EventsToRegister). */
    private readonly pluginEvents: ReadonlyMap<string, ReadonlySet<ClusterEvent>>,
    /** PreEnqueue: the name of the plugin that keeps the pod out, if any. */
    private readonly gate: (pod: Stored<Pod>) => string | undefined,
  ) {
    this.active = new Heap((a, b) => sort.less(a, b) || (!sort.less(b, a) && a.seq < b.seq));
  }

  get activeCount(): number {
    return this.active.size;
  }

  get unschedulableCount(): number {
    return this.unschedulable.size;
  }

  get(key: string): QueuedPodInfo | undefined {
    return this.byKey.get(key);
  }

  /** A new pending pod, or an update of one already queued. */
  addOrUpdate(key: string, pod: Stored<Pod>, now: number): void {
    const existing = this.byKey.get(key);
    if (!existing) {
      const q = new QueuedPodInfo(key, new PodInfo(pod), now, this.seq++);
      this.byKey.set(key, q);
      this.enqueue(q, now);
      return;
    }
    const changed = !deepEqual(schedulingRelevant(existing.podInfo.pod), schedulingRelevant(pod));
    existing.podInfo = new PodInfo(pod);
    if (existing.where === 'activeQ') this.active.fix(existing);
    if (existing.gatedBy) {
      existing.gatedBy = this.gate(pod);
      if (!existing.gatedBy) this.move(existing, now);
      return;
    }
    // An unschedulable pod whose spec changed may fit now (e.g. a toleration was added).
    if (existing.where === 'unschedulablePods' && changed) this.move(existing, now);
  }

  delete(key: string): void {
    const q = this.byKey.get(key);
    if (!q) return;
    this.byKey.delete(key);
    this.active.remove(q);
    this.backoff.remove(q);
    this.unschedulable.delete(key);
  }

  /** Move pods whose back-off ended to activeQ, then take the first of activeQ. */
  pop(now: number): QueuedPodInfo | undefined {
    this.flushBackoff(now);
    const q = this.active.pop();
    if (!q) return undefined;
    q.where = 'inFlight';
    q.attempts++;
    return q;
  }

  /** The pod was bound or given up: forget it. */
  done(q: QueuedPodInfo): void {
    if (this.byKey.get(q.key) === q && q.where === 'inFlight') this.byKey.delete(q.key);
  }

  /** A failed attempt: park the pod until a relevant event, with its back-off (AddUnschedulableIfNotPresent). */
  addUnschedulable(q: QueuedPodInfo, plugins: ReadonlySet<string>, now: number): void {
    if (this.byKey.get(q.key) !== q) return; // deleted meanwhile
    q.failures++;
    q.timestamp = now;
    q.backoffExpiry = now + backoffDuration(q.failures, this.initialBackoffMs, this.maxBackoffMs);
    q.unschedulablePlugins = new Set(plugins);
    q.where = 'unschedulablePods';
    this.unschedulable.set(q.key, q);
  }

  /** An internal error: retry after the back-off, without waiting for an event. */
  addBackoff(q: QueuedPodInfo, now: number): void {
    if (this.byKey.get(q.key) !== q) return;
    q.failures++;
    q.timestamp = now;
    q.backoffExpiry = now + backoffDuration(q.failures, this.initialBackoffMs, this.maxBackoffMs);
    q.where = 'backoffQ';
    this.backoff.push(q);
  }

  /**
   * A cluster event happened: requeue the unschedulable pods that a plugin which rejected them
   * registered this event for (a pod rejected by no plugin in particular moves on any event).
   */
  onEvent(event: ClusterEvent, now: number): number {
    let moved = 0;
    for (const q of [...this.unschedulable.values()]) {
      if (q.gatedBy) continue;
      if (q.unschedulablePlugins.size > 0 && ![...q.unschedulablePlugins].some((p) => this.pluginEvents.get(p)?.has(event))) continue;
      this.move(q, now);
      moved++;
    }
    return moved;
  }

  /** Pods parked longer than podMaxInUnschedulablePodsDuration go back to the queue. */
  flushUnschedulableLeftover(now: number): void {
    for (const q of [...this.unschedulable.values()]) {
      if (!q.gatedBy && now - q.timestamp > MAX_IN_UNSCHEDULABLE_MS) this.move(q, now);
    }
  }

  /** When the next pod's back-off ends, if any wait. */
  nextBackoffExpiry(): number | undefined {
    return this.backoff.peek()?.backoffExpiry;
  }

  private enqueue(q: QueuedPodInfo, now: number): void {
    const gatedBy = this.gate(q.podInfo.pod);
    if (gatedBy) {
      q.gatedBy = gatedBy;
      q.where = 'unschedulablePods';
      this.unschedulable.set(q.key, q);
      return;
    }
    q.timestamp = now;
    q.where = 'activeQ';
    this.active.push(q);
  }

  private move(q: QueuedPodInfo, now: number): void {
    this.unschedulable.delete(q.key);
    if (q.backoffExpiry > now) {
      q.where = 'backoffQ';
      this.backoff.push(q);
    } else {
      q.where = 'activeQ';
      this.active.push(q);
    }
  }

  private flushBackoff(now: number): void {
    for (let top = this.backoff.peek(); top && top.backoffExpiry <= now; top = this.backoff.peek()) {
      this.backoff.pop();
      top.where = 'activeQ';
      this.active.push(top);
    }
  }
}
