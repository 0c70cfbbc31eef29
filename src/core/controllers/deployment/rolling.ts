import type { Requeue } from '../work-queue';
import { deploymentComplete, syncRolloutStatus } from './progress';
import { allRSs, cleanupOldReplicaSets, type DeploymentSync, loadRollout, newReplicaCount, type RolloutState, scaleReplicaSet } from './replica-sets';
import { byCreation, type Dep, maxUnavailable, type RS, replicasOf, totalAvailable, totalReplicas } from './util';

/**
 * rolloutRolling (rolling.go): scale the new ReplicaSet up within maxSurge, then the old ones
 * down within maxUnavailable, one step per sync; each step is driven by the pods' readiness.
 */
export function rolloutRolling(dc: DeploymentSync, d: Dep, rsList: readonly RS[]): Requeue | void {
  const s = loadRollout(dc, d, rsList, true);
  if (reconcileNewReplicaSet(dc, s)) return syncRolloutStatus(dc, s);
  if (reconcileOldReplicaSets(dc, s)) return syncRolloutStatus(dc, s);
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupOldReplicaSets(dc, s);
  return syncRolloutStatus(dc, s);
}

function reconcileNewReplicaSet(dc: DeploymentSync, s: RolloutState): boolean {
  const newRS = s.newRS!;
  const replicas = s.d.spec?.replicas ?? 1;
  if (replicasOf(newRS) === replicas) return false;
  if (replicasOf(newRS) > replicas) return scaleReplicaSet(dc, s, newRS, replicas) !== newRS;
  const size = newReplicaCount(s.d, allRSs(s), newRS);
  return size !== replicasOf(newRS) && scaleReplicaSet(dc, s, newRS, size) !== newRS;
}

function reconcileOldReplicaSets(dc: DeploymentSync, s: RolloutState): boolean {
  if (totalReplicas(s.oldRSs) === 0) return false;
  const replicas = s.d.spec?.replicas ?? 1;
  const minAvailable = replicas - maxUnavailable(s.d);
  const newRS = s.newRS!;
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = totalReplicas(allRSs(s)) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(dc, s, maxScaledDown);
  const scaledDown = scaleDownOldForRollingUpdate(dc, s, minAvailable);
  return cleaned + scaledDown > 0;
}

/** Old ReplicaSets' unavailable pods go first: they serve nothing, so removing them costs no availability. */
function cleanupUnhealthyReplicas(dc: DeploymentSync, s: RolloutState, maxCleanup: number): number {
  let total = 0;
  for (const rs of byCreation(s.oldRSs.filter((r) => replicasOf(r) > 0))) {
    if (total >= maxCleanup) break;
    const unhealthy = replicasOf(rs) - (rs.status?.availableReplicas ?? 0);
    if (unhealthy <= 0) continue;
    const n = Math.min(maxCleanup - total, unhealthy);
    scaleReplicaSet(dc, s, rs, replicasOf(rs) - n);
    total += n;
  }
  return total;
}

function scaleDownOldForRollingUpdate(dc: DeploymentSync, s: RolloutState, minAvailable: number): number {
  const available = totalAvailable(allRSs(s));
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of byCreation(s.oldRSs.filter((r) => replicasOf(r) > 0))) {
    if (total >= target) break;
    const n = Math.min(replicasOf(rs), target - total);
    scaleReplicaSet(dc, s, rs, replicasOf(rs) - n);
    total += n;
  }
  return total;
}
