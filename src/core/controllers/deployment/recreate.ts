import type { Pod } from 'kubernetes-types/core/v1';
import type { Requeue } from '../work-queue';
import { deploymentComplete, syncRolloutStatus } from './progress';
import { cleanupOldReplicaSets, type DeploymentSync, loadRollout, type RolloutState, scaleReplicaSet } from './replica-sets';
import { type Dep, type RS, replicasOf } from './util';

/**
 * rolloutRecreate (recreate.go): scale every old ReplicaSet to zero, wait until none of their
 * pods is left running (Terminating pods count as running), then scale the new one up.
 */
export function rolloutRecreate(dc: DeploymentSync, d: Dep, rsList: readonly RS[]): Requeue | void {
  let s = loadRollout(dc, d, rsList, false);
  let scaledDown = false;
  for (const rs of s.oldRSs) {
    if (replicasOf(rs) > 0) {
      scaleReplicaSet(dc, s, rs, 0);
      scaledDown = true;
    }
  }
  if (scaledDown || oldPodsRunning(dc, s)) return syncRolloutStatus(dc, s);
  if (!s.newRS) s = loadRollout(dc, s.d, rsList, true);
  const replicas = s.d.spec?.replicas ?? 1;
  if (replicasOf(s.newRS) !== replicas) scaleReplicaSet(dc, s, s.newRS!, replicas);
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupOldReplicaSets(dc, s);
  return syncRolloutStatus(dc, s);
}

function oldPodsRunning(dc: DeploymentSync, s: RolloutState): boolean {
  for (const rs of s.oldRSs) {
    if ((rs.status?.replicas ?? 0) > 0) return true;
    for (const o of dc.ctx.store.dependentsOf(rs.metadata.uid)) {
      if (o.kind !== 'Pod') continue;
      const phase = (o as Pod).status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}
