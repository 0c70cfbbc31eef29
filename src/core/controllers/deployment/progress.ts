import type { DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import { deepEqual } from '../../api/clone';
import { parseTimestamp, rfc3339 } from '../../engine/time';
import type { Requeue } from '../work-queue';
import { allRSs, type DeploymentSync, hasProgressDeadline, type RolloutState } from './replica-sets';
import { condition, type Dep, getCondition, maxUnavailable, setCondition, totalActual, totalAvailable, totalReady, totalReplicas } from './util';

/**
 * progress.go and calculateStatus: the status counters kubectl shows, the Available condition,
 * and the Progressing condition that turns into ProgressDeadlineExceeded when a rollout makes no
 * progress for progressDeadlineSeconds. There is no automatic rollback, as upstream.
 */
export function calculateStatus(s: RolloutState, now: string): DeploymentStatus {
  const d = s.d;
  const all = allRSs(s);
  const available = totalAvailable(all);
  const unavailable = Math.max(0, totalReplicas(all) - available);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: totalActual(all),
    updatedReplicas: totalActual([s.newRS]),
    readyReplicas: totalReady(all),
    availableReplicas: available,
    unavailableReplicas: unavailable,
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  let conditions = [...(d.status?.conditions ?? [])];
  const replicas = d.spec?.replicas ?? 1;
  conditions = setCondition(
    conditions,
    available >= replicas - maxUnavailable(d)
      ? condition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now)
      : condition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now),
  );
  status.conditions = conditions;
  return tidy(status);
}

/** Zero counters are omitted from a serialised status, as Go's omitempty does. */
function tidy(st: DeploymentStatus): DeploymentStatus {
  const out = { ...st } as Record<string, unknown>;
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (out[k] === 0) delete out[k];
  return out as DeploymentStatus;
}

/** DeploymentComplete: every replica updated and available, nothing old left, and the latest spec observed. */
export function deploymentComplete(d: Dep, st: DeploymentStatus): boolean {
  const replicas = d.spec?.replicas ?? 1;
  return (st.updatedReplicas ?? 0) === replicas && (st.replicas ?? 0) === replicas && (st.availableReplicas ?? 0) === replicas && (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more pods updated, ready or available than before, or fewer old ones. */
function deploymentProgressing(d: Dep, st: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldStale = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newStale = (st.replicas ?? 0) - (st.updatedReplicas ?? 0);
  return (
    (st.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newStale < oldStale ||
    (st.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (st.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

function deadlineAt(d: Dep, cond: DeploymentCondition | undefined): number | undefined {
  if (!cond?.lastUpdateTime || !hasProgressDeadline(d)) return undefined;
  return parseTimestamp(cond.lastUpdateTime) + (d.spec!.progressDeadlineSeconds ?? 600) * 1000;
}

/**
 * syncRolloutStatus: write the counters and conditions; while a rollout is in progress, come
 * back when its progress deadline would pass.
 */
export function syncRolloutStatus(dc: DeploymentSync, s: RolloutState): Requeue | void {
  const nowMs = dc.ctx.clock.now();
  const now = rfc3339(nowMs);
  const d = s.d;
  const st = calculateStatus(s, now);
  let conditions = st.conditions ?? [];
  if (!hasProgressDeadline(d)) conditions = conditions.filter((c) => c.type !== 'Progressing');
  const current = getCondition(d, 'Progressing');
  const rsName = s.newRS?.metadata.name ?? '';
  const complete = (st.replicas ?? 0) === (st.updatedReplicas ?? 0) && current?.reason === 'NewReplicaSetAvailable';
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, st)) {
      conditions = setCondition(conditions, condition('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet ${JSON.stringify(rsName)} has successfully progressed.`, now));
    } else if (deploymentProgressing(d, st)) {
      // Progress refreshes lastUpdateTime (and the deadline) even when the reason stays the same.
      const next = condition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet ${JSON.stringify(rsName)} is progressing.`, now);
      if (current?.status === 'True') next.lastTransitionTime = current.lastTransitionTime;
      conditions = setCondition(conditions.filter((c) => c.type !== 'Progressing'), next);
    } else if (timedOut(d, current, nowMs)) {
      conditions = setCondition(conditions, condition('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet ${JSON.stringify(rsName)} has timed out progressing.`, now));
    }
  }
  conditions = replicaFailure(s, conditions, now);
  st.conditions = conditions;
  if (!deepEqual(st, d.status ?? {})) {
    s.d = dc.ctx.store.rebuildStatus<Dep>('Deployment', d.metadata.name, d.metadata.namespace, () => st);
  }
  return requeueStuck(s.d, st, nowMs);
}

function timedOut(d: Dep, cond: DeploymentCondition | undefined, nowMs: number): boolean {
  if (!cond || cond.reason === 'NewReplicaSetAvailable' || cond.reason === 'ProgressDeadlineExceeded') return cond?.reason === 'ProgressDeadlineExceeded';
  const at = deadlineAt(d, cond);
  return at !== undefined && at < nowMs;
}

/**
 * requeueStuckDeployment: a rollout in progress is looked at again just after its deadline.
 *
 * A rollout that completed and later lost availability (a node went down) is not: its next sync
 * takes syncRolloutStatus's "complete" branch, which never checks the deadline, so a timed
 * re-sync can change nothing — anything it would act on comes with a watch event. Upstream
 * re-queues such a Deployment rate-limited for as long as it stays unavailable; here the
 * deadline lies in the past and the re-sync would come every millisecond.
 */
function requeueStuck(d: Dep, st: DeploymentStatus, nowMs: number): Requeue | void {
  const cond = getCondition(d, 'Progressing');
  if (!cond || cond.reason === 'ProgressDeadlineExceeded' || deploymentComplete(d, st) || d.spec?.paused) return;
  if (cond.reason === 'NewReplicaSetAvailable' && (st.replicas ?? 0) === (st.updatedReplicas ?? 0)) return;
  const at = deadlineAt(d, cond);
  if (at === undefined) return;
  return { requeueAfterMs: Math.max(1, at - nowMs + 1000) };
}

/** The ReplicaFailure condition mirrors a failing new ReplicaSet's (e.g. pods refused by quota). */
function replicaFailure(s: RolloutState, conditions: DeploymentCondition[], now: string): DeploymentCondition[] {
  const failing = allRSs(s).map((rs: ReplicaSet) => rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure' && c.status === 'True')).find((c) => c);
  if (failing) return setCondition(conditions, condition('ReplicaFailure', 'True', failing.reason ?? 'FailedCreate', failing.message ?? '', now));
  return conditions.filter((c) => c.type !== 'ReplicaFailure');
}

/** syncDeploymentStatus: counters and Available only (while paused or scaling). */
export function syncStatusOnly(dc: DeploymentSync, s: RolloutState): void {
  const st = calculateStatus(s, rfc3339(dc.ctx.clock.now()));
  if (deepEqual(st, s.d.status ?? {})) return;
  s.d = dc.ctx.store.rebuildStatus<Dep>('Deployment', s.d.metadata.name, s.d.metadata.namespace, () => st);
}

