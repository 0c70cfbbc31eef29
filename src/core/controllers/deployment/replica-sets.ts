import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { deepClone } from '../../api/clone';
import type { KubeObject, Stored } from '../../api/types';
import { rfc3339 } from '../../engine/time';
import type { EventType } from '../../events/recorder';
import type { SimContext } from '../../sim-context';
import { ApiError } from '../../store/api-error';
import { controllerRefTo } from '../pods';
import {
  byCreation,
  computeHash,
  condition,
  type Dep,
  equalIgnoreHash,
  findNewReplicaSet,
  getCondition,
  maxRevision,
  maxSurge,
  POD_TEMPLATE_HASH_LABEL,
  type RS,
  replicaSetAnnotations,
  replicasOf,
  REVISION_ANNOTATION,
  revisionOf,
  setCondition,
  totalReplicas,
} from './util';

/** What the deployment's sync functions share: the context and the controller's event recorder. */
export interface DeploymentSync {
  readonly ctx: SimContext;
  event(obj: Stored<KubeObject>, type: EventType, reason: string, message: string): void;
}

/** The ReplicaSets of one sync: the new one (if any) and the old ones, kept current as they are scaled. */
export interface RolloutState {
  d: Dep;
  newRS: RS | undefined;
  oldRSs: RS[];
}

export function allRSs(s: RolloutState): RS[] {
  return s.newRS ? [...s.oldRSs, s.newRS] : [...s.oldRSs];
}

/**
 * getAllReplicaSetsAndSyncRevision / getNewReplicaSet (sync.go): find the ReplicaSet whose
 * template is the Deployment's, bring its revision annotations up to date, or create it
 * (`<deployment>-<pod-template-hash>`) when asked to.
 */
export function loadRollout(dc: DeploymentSync, d: Dep, rsList: readonly RS[], createIfMissing: boolean): RolloutState {
  const existing = findNewReplicaSet(d, rsList);
  const oldRSs = rsList.filter((rs) => rs !== existing);
  const newRevision = maxRevision(oldRSs) + 1;
  const state: RolloutState = { d, newRS: existing, oldRSs };
  if (existing) {
    const annotations = replicaSetAnnotations(d, existing, newRevision);
    const minReady = d.spec?.minReadySeconds;
    if (JSON.stringify(annotations) !== JSON.stringify(existing.metadata.annotations ?? {}) || existing.spec?.minReadySeconds !== minReady) {
      state.newRS = dc.ctx.store.patch<ReplicaSet>('ReplicaSet', existing.metadata.name, existing.metadata.namespace, (rs) => {
        rs.metadata!.annotations = annotations;
        if (minReady === undefined) delete rs.spec!.minReadySeconds;
        else rs.spec!.minReadySeconds = minReady;
      });
    }
    state.d = syncDeploymentRevision(dc, d, state.newRS!, (ds) => {
      if (getCondition(ds, 'Progressing') || !hasProgressDeadline(ds)) return undefined;
      return condition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set ${JSON.stringify(state.newRS!.metadata.name)}`, rfc3339(dc.ctx.clock.now()));
    });
    return state;
  }
  if (!createIfMissing) return state;
  state.newRS = createNewReplicaSet(dc, d, rsList, newRevision);
  state.d = syncDeploymentRevision(dc, d, state.newRS, () =>
    hasProgressDeadline(d) ? condition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set ${JSON.stringify(state.newRS!.metadata.name)}`, rfc3339(dc.ctx.clock.now())) : undefined,
  );
  return state;
}

export function hasProgressDeadline(d: Dep): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== undefined && s !== 2147483647;
}

function createNewReplicaSet(dc: DeploymentSync, d: Dep, rsList: readonly RS[], revision: number): RS {
  for (let attempt = 0; ; attempt++) {
    const collisionCount = d.status?.collisionCount;
    const template = deepClone(d.spec!.template!);
    const hash = computeHash(template, collisionCount);
    const meta = (template.metadata ??= {});
    meta.labels = { ...(meta.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const selector = deepClone(d.spec!.selector!);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const replicas = newReplicaCount(d, rsList, undefined);
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...meta.labels },
        ownerReferences: [controllerRefTo(d)],
      },
      spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds, selector, template },
    };
    rs.metadata!.annotations = replicaSetAnnotations(d, rs, revision);
    if (rs.spec!.minReadySeconds === undefined) delete rs.spec!.minReadySeconds;
    rs.spec!.replicas = replicas;
    try {
      const created = dc.ctx.store.create(rs);
      if (replicas > 0) dc.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} to ${replicas} from 0`);
      return created;
    } catch (e) {
      if (!(e instanceof ApiError) || e.reason !== 'AlreadyExists' || attempt > 5) throw e;
      // A hash collision with a ReplicaSet of another template: bump collisionCount and try again.
      const clash = dc.ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata!.name!, d.metadata.namespace);
      if (clash && equalIgnoreHash(clash.spec?.template, d.spec?.template)) return clash;
      d = dc.ctx.store.patchStatus('Deployment', d.metadata.name, d.metadata.namespace, (x: Dep) => {
        (x.status as { collisionCount?: number }).collisionCount = (x.status?.collisionCount ?? 0) + 1;
      });
    }
  }
}

/** SetDeploymentRevision and the Progressing condition a new or found ReplicaSet brings. */
function syncDeploymentRevision(dc: DeploymentSync, d: Dep, rs: RS, progressing: (d: Dep) => ReturnType<typeof condition> | undefined): Dep {
  const revision = rs.metadata.annotations?.[REVISION_ANNOTATION];
  let current = d;
  if (revision !== undefined && current.metadata.annotations?.[REVISION_ANNOTATION] !== revision && revisionOf(current) < Number(revision)) {
    current = dc.ctx.store.patch<Dep>('Deployment', d.metadata.name, d.metadata.namespace, (x) => {
      x.metadata!.annotations = { ...(x.metadata!.annotations ?? {}), [REVISION_ANNOTATION]: revision };
    });
  }
  const cond = progressing(current);
  if (cond) {
    current = dc.ctx.store.patchStatus<Dep>('Deployment', d.metadata.name, d.metadata.namespace, (x) => {
      const st = ((x as { status: NonNullable<Dep['status']> }).status ??= {});
      st.conditions = setCondition(st.conditions ?? [], cond);
    });
  }
  return current;
}

/** NewRSNewReplicas: how big the new ReplicaSet may be now. */
export function newReplicaCount(d: Dep, all: readonly RS[], newRS: RS | undefined): number {
  const replicas = d.spec?.replicas ?? 1;
  if (d.spec?.strategy?.type === 'Recreate') return replicas;
  const current = totalReplicas(all);
  const maxTotal = replicas + maxSurge(d);
  if (current >= maxTotal) return replicasOf(newRS);
  const up = Math.min(maxTotal - current, replicas - replicasOf(newRS));
  return replicasOf(newRS) + up;
}

/**
 * scaleReplicaSetAndRecordEvent: set a ReplicaSet's size and its desired/max annotations, with
 * the ScalingReplicaSet event. Returns the updated ReplicaSet.
 */
export function scaleReplicaSet(dc: DeploymentSync, s: RolloutState, rs: RS, size: number): RS {
  const d = s.d;
  const before = replicasOf(rs);
  const desired = String(d.spec?.replicas ?? 1);
  const max = String((d.spec?.replicas ?? 1) + maxSurge(d));
  const annotationsOk = rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas'] === desired && rs.metadata.annotations?.['deployment.kubernetes.io/max-replicas'] === max;
  if (before === size && annotationsOk) return rs;
  const updated = dc.ctx.store.patch<ReplicaSet>('ReplicaSet', rs.metadata.name, rs.metadata.namespace, (x) => {
    x.spec!.replicas = size;
    x.metadata!.annotations = { ...(x.metadata!.annotations ?? {}), 'deployment.kubernetes.io/desired-replicas': desired, 'deployment.kubernetes.io/max-replicas': max };
  });
  if (before !== size) {
    const direction = size > before ? 'up' : 'down';
    dc.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${direction} replica set ${rs.metadata.name} to ${size} from ${before}`);
  }
  if (s.newRS?.metadata.uid === rs.metadata.uid) s.newRS = updated;
  else s.oldRSs = s.oldRSs.map((o) => (o.metadata.uid === rs.metadata.uid ? updated : o));
  return updated;
}

/**
 * cleanupDeployment: delete the oldest old ReplicaSets beyond revisionHistoryLimit, once they are
 * scaled to zero and have no pods left.
 */
export function cleanupOldReplicaSets(dc: DeploymentSync, s: RolloutState): void {
  const limit = s.d.spec?.revisionHistoryLimit;
  if (limit === undefined) return;
  const cleanable = s.oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  const byRevision = [...byCreation(cleanable)].sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of byRevision.slice(0, diff)) {
    const current = dc.ctx.store.get<ReplicaSet>('ReplicaSet', rs.metadata.name, rs.metadata.namespace);
    if (!current || (current.status?.replicas ?? 0) !== 0 || replicasOf(current) !== 0) continue;
    if ((current.metadata.generation ?? 0) > (current.status?.observedGeneration ?? 0)) continue;
    dc.ctx.store.delete('ReplicaSet', rs.metadata.name, rs.metadata.namespace);
    s.oldRSs = s.oldRSs.filter((o) => o.metadata.uid !== rs.metadata.uid);
  }
}
