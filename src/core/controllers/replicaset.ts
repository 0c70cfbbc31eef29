import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import { deepEqual } from '../api/clone';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored, Writable } from '../api/types';
import { rfc3339 } from '../engine/time';
import type { SimContext } from '../sim-context';
import { ApiError } from '../store/api-error';
import { claim } from './claim';
import { Controller } from './controller';
import { splitKey } from './keys';
import { ownersToSync } from './owner-watch';
import { podChangeMatters } from './pod-changes';
import { createdAt, isPodActive, isPodAvailable, isPodReady, msUntilAvailable, podFromTemplate, podReadySince } from './pods';
import type { Requeue } from './work-queue';

/** Pods created per sync at most (burstReplicas). */
const BURST_REPLICAS = 500;

/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps `spec.replicas` active pods
 * matching the selector, creating them from the template in slow-start batches and deleting the
 * least valuable ones first, and reports counts in status.
 */
export class ReplicaSetController extends Controller {
  constructor(ctx: SimContext) {
    super(ctx, 'replicaset-controller');
    this.watchOwn('ReplicaSet');
    this.watchRelated<Pod>('Pod', (e) => (podChangeMatters(e) ? ownersToSync(ctx.store, e, 'ReplicaSet', (o) => (o as Stored<ReplicaSet>).spec?.selector) : []));
  }

  reconcile(key: string): Requeue | void {
    const { namespace, name } = splitKey(key);
    const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', name, namespace);
    if (!rs) return;
    const pods = claim<Pod>(this.ctx.store, rs, 'Pod', rs.spec?.selector);
    const active = pods.filter(isPodActive);
    let failure: ApiError | undefined;
    if (!rs.metadata.deletionTimestamp) failure = this.manageReplicas(rs, active);
    return this.updateStatus(rs, failure);
  }

  private manageReplicas(rs: Stored<ReplicaSet>, active: Stored<Pod>[]): ApiError | undefined {
    const diff = active.length - (rs.spec?.replicas ?? 1);
    if (diff < 0) return this.createPods(rs, Math.min(-diff, BURST_REPLICAS));
    if (diff > 0) {
      for (const pod of podsToDelete(active, Math.min(diff, BURST_REPLICAS))) this.deletePod(rs, pod);
    }
    return undefined;
  }

  /** slowStartBatch: 1, 2, 4, … pods at a time; the first failure stops the rest. */
  private createPods(rs: Stored<ReplicaSet>, count: number): ApiError | undefined {
    let remaining = count;
    for (let batch = 1; remaining > 0; batch *= 2) {
      const n = Math.min(batch, remaining);
      for (let i = 0; i < n; i++) {
        try {
          const pod = this.ctx.store.create(podFromTemplate(rs.spec!.template!, rs, { generateName: `${rs.metadata.name}-` }));
          this.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          this.event(rs, 'Warning', 'FailedCreate', `Error creating: ${e.message}`);
          return e;
        }
      }
      remaining -= n;
    }
    return undefined;
  }

  private updateStatus(rs: Stored<ReplicaSet>, failure: ApiError | undefined): Requeue | void {
    const now = this.ctx.clock.now();
    const minReady = rs.spec?.minReadySeconds ?? 0;
    const templateLabels = Object.entries(rs.spec?.template?.metadata?.labels ?? {});
    let replicas = 0;
    let fullyLabeled = 0;
    let ready = 0;
    let available = 0;
    let nextAvailable: number | undefined;
    const dependents = this.ctx.store.dependentsOf(rs.metadata.uid);
    for (let i = 0; i < dependents.length; i++) {
      const o = dependents[i]!;
      if (o.kind !== 'Pod' || !isPodActive(o as Pod)) continue;
      const p = o as Stored<Pod>;
      replicas++;
      if (hasLabels(p, templateLabels)) fullyLabeled++;
      if (isPodReady(p)) ready++;
      if (isPodAvailable(p, minReady, now)) available++;
      const wait = msUntilAvailable(p, minReady, now);
      if (wait !== undefined) nextAvailable = Math.min(nextAvailable ?? wait, wait);
    }
    const conditions = replicaFailureConditions(rs, failure, rfc3339(now));
    const status: Writable<ReplicaSetStatus> = { ...(rs.status ?? { replicas: 0 }) };
    status.replicas = replicas;
    status.fullyLabeledReplicas = fullyLabeled;
    status.readyReplicas = ready;
    status.availableReplicas = available;
    status.observedGeneration = rs.metadata.generation;
    if (conditions.length) status.conditions = conditions;
    else delete status.conditions;
    // An unchanged status is not written (the store would keep the object as it is anyway).
    if (!deepEqual(status, rs.status)) {
      this.ctx.store.rebuildStatus<ReplicaSet>('ReplicaSet', rs.metadata.name, rs.metadata.namespace, () => status);
    }
    if (failure) throw failure;
    if (nextAvailable !== undefined) return { requeueAfterMs: nextAvailable };
  }
}

function hasLabels(pod: Stored<Pod>, wanted: readonly (readonly [string, string])[]): boolean {
  const labels = pod.metadata.labels;
  for (let i = 0; i < wanted.length; i++) if (labels?.[wanted[i]![0]] !== wanted[i]![1]) return false;
  return true;
}

/** The ReplicaFailure condition: set while creating or deleting pods fails, removed once it works. */
function replicaFailureConditions(rs: Stored<ReplicaSet>, failure: ApiError | undefined, now: string): ReplicaSetCondition[] {
  const others = (rs.status?.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
  if (!failure) return others;
  const existing = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  const reason = 'FailedCreate';
  return [...others, { type: 'ReplicaFailure', status: 'True', lastTransitionTime: existing?.lastTransitionTime ?? now, reason, message: failure.message }];
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * getPodsToDelete (ActivePodsWithRanks): the pods least worth keeping go first — unscheduled
 * before scheduled, Pending before Unknown before Running, not ready before ready, pods doubled
 * up on a node with others of the set before lone ones, more recently ready, more restarts,
 * newer.
 */
export function podsToDelete(pods: readonly Stored<Pod>[], n: number): Stored<Pod>[] {
  const perNode = new Map<string, number>();
  for (const p of pods) {
    const node = p.spec?.nodeName;
    if (node) perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((s, c) => s + (c.restartCount ?? 0), 0);
  const sorted = [...pods].sort((a, b) => {
    const sa = a.spec?.nodeName ? 1 : 0;
    const sb = b.spec?.nodeName ? 1 : 0;
    if (sa !== sb) return sa - sb;
    const pa = PHASE_RANK[a.status?.phase ?? 'Pending'] ?? 0;
    const pb = PHASE_RANK[b.status?.phase ?? 'Pending'] ?? 0;
    if (pa !== pb) return pa - pb;
    const ra = isPodReady(a) ? 1 : 0;
    const rb = isPodReady(b) ? 1 : 0;
    if (ra !== rb) return ra - rb;
    const ca = perNode.get(a.spec?.nodeName ?? '') ?? 0;
    const cb = perNode.get(b.spec?.nodeName ?? '') ?? 0;
    if (ca !== cb) return cb - ca;
    if (ra === 1) {
      const ta = podReadySince(a) ?? 0;
      const tb = podReadySince(b) ?? 0;
      if (ta !== tb) return tb - ta;
    }
    const xa = restarts(a);
    const xb = restarts(b);
    if (xa !== xb) return xb - xa;
    const ka = createdAt(a);
    const kb = createdAt(b);
    if (ka !== kb) return kb - ka;
    return a.metadata.name < b.metadata.name ? 1 : -1;
  });
  return sorted.slice(0, n);
}
