import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/types';
import { rfc3339 } from '../engine/time';
import { ApiError } from '../store/api-error';
import type { ObjectStore } from '../store/object-store';
import { claim, ownedBy } from './claim';
import { POD_TEMPLATE_HASH_LABEL, revisionOf } from './deployment/util';

/**
 * The server-side halves of `kubectl rollout restart | pause | resume | status | history`
 * (kubectl's polymorphichelpers): each is a plain write or read of the workload, so the
 * controllers do the rest. Messages are kubectl's.
 */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
const ROLLABLE = ['Deployment', 'DaemonSet', 'StatefulSet'];

function resource(kind: string): string {
  return `${kind.toLowerCase()}s.apps`;
}

/** `rollout restart`: stamp the pod template, which makes every pod be replaced. */
export function restartWorkload(store: ObjectStore, kind: string, name: string, namespace: string, nowMs: number): void {
  if (!ROLLABLE.includes(kind)) throw new ApiError('BadRequest', `no restarter has been implemented for ${kind}`);
  const obj = store.require(kind, name, namespace);
  if ((obj.spec as { paused?: boolean }).paused) throw new ApiError('BadRequest', `can't restart paused deployment (run rollout resume first)`);
  store.patch<KubeObject>(kind, name, namespace, (d) => {
    const template = (d.spec as { template: PodTemplateSpec }).template;
    const meta = (template.metadata ??= {});
    meta.annotations = { ...(meta.annotations ?? {}), [RESTARTED_AT_ANNOTATION]: rfc3339(nowMs) };
  });
}

/** `rollout pause` / `rollout resume` (Deployments only). */
export function setPaused(store: ObjectStore, name: string, namespace: string, paused: boolean): void {
  const d = store.get<Deployment>('Deployment', name, namespace);
  if (!d) throw ApiError.notFound('deployments.apps', name);
  if ((d.spec?.paused ?? false) === paused) throw new ApiError('BadRequest', `deployments.apps ${JSON.stringify(name)} is ${paused ? 'already paused' : 'not paused'}`);
  store.patch<Deployment>('Deployment', name, namespace, (x) => {
    if (paused) x.spec!.paused = true;
    else delete x.spec!.paused;
  });
}

export interface RolloutStatus {
  /** kubectl's line, without the trailing newline. */
  readonly message: string;
  readonly done: boolean;
}

/** `rollout status` (the StatusViewers): one look at the workload, as kubectl prints it. */
export function rolloutStatus(store: ObjectStore, kind: string, name: string, namespace: string): RolloutStatus {
  const obj = store.get(kind, name, namespace);
  if (!obj) throw ApiError.notFound(resource(kind), name);
  const generation = obj.metadata.generation ?? 0;
  if (kind === 'Deployment') {
    const d = obj as Stored<Deployment>;
    const st = d.status ?? {};
    if (generation > (st.observedGeneration ?? 0)) return waiting('Waiting for deployment spec update to be observed...');
    if (st.conditions?.find((c) => c.type === 'Progressing')?.reason === 'ProgressDeadlineExceeded') {
      throw new ApiError('BadRequest', `deployment ${JSON.stringify(name)} exceeded its progress deadline`);
    }
    const replicas = d.spec?.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    if (updated < replicas) return waiting(`Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`);
    if ((st.replicas ?? 0) > updated) return waiting(`Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...`);
    if ((st.availableReplicas ?? 0) < updated) return waiting(`Waiting for deployment ${JSON.stringify(name)} rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...`);
    return { message: `deployment ${JSON.stringify(name)} successfully rolled out`, done: true };
  }
  if (kind === 'DaemonSet') {
    const ds = obj as Stored<DaemonSet>;
    if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') throw new ApiError('BadRequest', 'rollout status is only available for RollingUpdate strategy type');
    const st = ds.status;
    if (generation > (st?.observedGeneration ?? 0)) return waiting('Waiting for daemon set spec update to be observed...');
    const desired = st?.desiredNumberScheduled ?? 0;
    if ((st?.updatedNumberScheduled ?? 0) < desired) return waiting(`Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${st?.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...`);
    if ((st?.numberAvailable ?? 0) < desired) return waiting(`Waiting for daemon set ${JSON.stringify(name)} rollout to finish: ${st?.numberAvailable ?? 0} of ${desired} updated pods are available...`);
    return { message: `daemon set ${JSON.stringify(name)} successfully rolled out`, done: true };
  }
  if (kind === 'StatefulSet') {
    const sts = obj as Stored<StatefulSet>;
    if (sts.spec?.updateStrategy?.type !== 'RollingUpdate') throw new ApiError('BadRequest', 'rollout status is only available for RollingUpdate strategy type');
    const st = sts.status;
    if (!st?.observedGeneration || generation > st.observedGeneration) return waiting('Waiting for statefulset spec update to be observed...');
    const replicas = sts.spec?.replicas ?? 1;
    if ((st.readyReplicas ?? 0) < replicas) return waiting(`Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...`);
    const partition = sts.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    if (partition > 0) {
      if ((st.updatedReplicas ?? 0) < replicas - partition) return waiting(`Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...`);
      return { message: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...`, done: true };
    }
    if (st.updateRevision !== st.currentRevision) return waiting(`waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...`);
    return { message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...`, done: true };
  }
  throw new ApiError('BadRequest', `no status viewer has been implemented for ${kind}`);
}

function waiting(message: string): RolloutStatus {
  return { message, done: false };
}

export interface RevisionEntry {
  readonly revision: number;
  /** The kubernetes.io/change-cause annotation, if any. */
  readonly changeCause?: string;
  readonly template: PodTemplateSpec;
}

/** `rollout history`: the revisions of a workload, oldest first (ReplicaSets or ControllerRevisions). */
export function rolloutHistory(store: ObjectStore, kind: string, name: string, namespace: string): RevisionEntry[] {
  const obj = store.get(kind, name, namespace);
  if (!obj) throw ApiError.notFound(resource(kind), name);
  if (kind === 'Deployment') {
    const d = obj as Stored<Deployment>;
    return claim<ReplicaSet>(store, d, 'ReplicaSet', d.spec?.selector)
      .map((rs) => {
        const template = structuredTemplate(rs.spec?.template);
        return { revision: revisionOf(rs), changeCause: rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION], template };
      })
      .sort((a, b) => a.revision - b.revision);
  }
  return ownedBy<ControllerRevision>(store, obj, 'ControllerRevision')
    .map((cr) => ({
      revision: cr.revision,
      changeCause: cr.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION],
      template: withoutPatchDirective((cr.data as { spec: { template: PodTemplateSpec & { $patch?: string } } }).spec.template),
    }))
    .sort((a, b) => a.revision - b.revision);
}

/** The template as kubectl shows it in history: without the pod-template-hash label. */
function structuredTemplate(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return { ...(t ?? {}), metadata: { ...(t?.metadata ?? {}), labels } };
}

/** Revision data carries a strategic-merge `$patch: replace` directive that is not part of the template. */
function withoutPatchDirective(t: PodTemplateSpec & { $patch?: string }): PodTemplateSpec {
  const { $patch: _directive, ...template } = t;
  return template;
}
