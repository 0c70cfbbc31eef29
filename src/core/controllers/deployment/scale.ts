import { createdAt } from '../pods';
import { syncStatusOnly } from './progress';
import { allRSs, cleanupOldReplicaSets, type DeploymentSync, loadRollout, type RolloutState, scaleReplicaSet } from './replica-sets';
import { byCreation, DESIRED_REPLICAS_ANNOTATION, type Dep, MAX_REPLICAS_ANNOTATION, maxSurge, type RS, replicasOf, totalReplicas } from './util';

/**
 * sync.go's scaling path: when only `replicas` changed (or the Deployment is paused), resize the
 * ReplicaSets without rolling out, proportionally to their sizes during a rollout, so that a
 * scale in the middle of an update keeps the ratio of old to new.
 */
export function syncScaling(dc: DeploymentSync, d: Dep, rsList: readonly RS[]): void {
  const s = loadRollout(dc, d, rsList, false);
  scale(dc, s);
  if (s.d.spec?.paused) cleanupOldReplicaSets(dc, s);
  syncStatusOnly(dc, s);
}

/** isScalingEvent: an active ReplicaSet was sized for a different replica count. */
export function isScalingEvent(dc: DeploymentSync, d: Dep, rsList: readonly RS[]): boolean {
  const s = loadRollout(dc, d, rsList, false);
  for (const rs of allRSs(s).filter((r) => replicasOf(r) > 0)) {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
    if (desired !== undefined && Number(desired) !== (d.spec?.replicas ?? 1)) return true;
  }
  return false;
}

function scale(dc: DeploymentSync, s: RolloutState): void {
  const d = s.d;
  const replicas = d.spec?.replicas ?? 1;
  const only = activeOrLatest(s);
  if (only) {
    if (replicasOf(only) !== replicas) scaleReplicaSet(dc, s, only, replicas);
    return;
  }
  if (isSaturated(d, s.newRS)) {
    for (const rs of s.oldRSs.filter((r) => replicasOf(r) > 0)) scaleReplicaSet(dc, s, rs, 0);
    return;
  }
  if (d.spec?.strategy?.type !== 'RollingUpdate') return;
  const active = allRSs(s).filter((r) => replicasOf(r) > 0);
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - totalReplicas(active);
  if (toAdd === 0) return;
  // Growing: the largest (then newest) ReplicaSet first; shrinking: the largest (then oldest).
  const ordered = [...active].sort((a, b) => replicasOf(b) - replicasOf(a) || (toAdd > 0 ? createdAt(b) - createdAt(a) : createdAt(a) - createdAt(b)));
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of ordered) {
    const p = proportion(rs, d, toAdd, added);
    sizes.set(rs.metadata.uid, replicasOf(rs) + p);
    added += p;
  }
  if (ordered.length > 0) {
    const first = ordered[0]!.metadata.uid;
    sizes.set(first, Math.max(0, sizes.get(first)! + toAdd - added));
  }
  for (const rs of ordered) scaleReplicaSet(dc, s, rs, sizes.get(rs.metadata.uid)!);
}

/** FindActiveOrLatest: the one ReplicaSet with pods, or the newest if none has any. */
function activeOrLatest(s: RolloutState): RS | undefined {
  if (!s.newRS && s.oldRSs.length === 0) return undefined;
  const oldNewestFirst = byCreation(s.oldRSs).reverse();
  const active = [...oldNewestFirst, ...(s.newRS ? [s.newRS] : [])].filter((r) => replicasOf(r) > 0);
  if (active.length === 0) return s.newRS ?? oldNewestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

function isSaturated(d: Dep, rs: RS | undefined): boolean {
  if (!rs) return false;
  const replicas = d.spec?.replicas ?? 1;
  return Number(rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION]) === replicas && replicasOf(rs) === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/** GetProportion / getReplicaSetFraction. */
function proportion(rs: RS, d: Dep, toAdd: number, added: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const replicas = d.spec?.replicas ?? 1;
  let fraction: number;
  if (replicas === 0) fraction = -replicasOf(rs);
  else {
    const deploymentReplicas = replicas + maxSurge(d);
    const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION] ?? d.status?.replicas ?? 0) || deploymentReplicas;
    fraction = Math.round((replicasOf(rs) * deploymentReplicas) / annotated) - replicasOf(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

