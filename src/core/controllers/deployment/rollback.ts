import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { deepClone } from '../../api/clone';
import type { Stored } from '../../api/types';
import type { ObjectStore } from '../../store/object-store';
import { ApiError } from '../../store/api-error';
import { claim } from '../claim';
import { equalIgnoreHash, POD_TEMPLATE_HASH_LABEL, revisionOf, SKIPPED_ANNOTATIONS } from './util';

/** Annotations that stay the Deployment's own when a rollback copies a ReplicaSet's (annotationsToSkip). */
const KEEP_ON_DEPLOYMENT = SKIPPED_ANNOTATIONS;

export interface RollbackResult {
  /** kubectl's word after `deployment.apps/<name>`: `rolled back`, or `skipped rollback (…)`. */
  readonly outcome: string;
}

/**
 * `kubectl rollout undo deployment/<name> [--to-revision=N]`. In apps/v1 a rollback is done by
 * the client (kubectl's DeploymentRollbacker): it copies the pod template (without its
 * pod-template-hash label) and annotations of the ReplicaSet of the wanted revision — by default
 * the previous one — back into the Deployment; the controller then rolls out as for any template
 * change, reusing that ReplicaSet and giving it a new revision number. Errors are kubectl's.
 */
export function rollbackDeployment(store: ObjectStore, name: string, namespace: string, toRevision = 0): RollbackResult {
  const d = store.get<Deployment>('Deployment', name, namespace);
  if (!d) throw ApiError.notFound('deployments.apps', name);
  if (toRevision < 0) throw new ApiError('BadRequest', `unable to find specified revision ${toRevision} in history`);
  if (d.spec?.paused) throw new ApiError('BadRequest', "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  const rs = replicaSetForRevision(store, d, toRevision);
  if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) return { outcome: `skipped rollback (current template already matches revision ${toRevision})` };
  const template = deepClone(rs.spec!.template!);
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (KEEP_ON_DEPLOYMENT.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!KEEP_ON_DEPLOYMENT.has(k)) annotations[k] = v;
  store.patch<Deployment>('Deployment', name, namespace, (x) => {
    x.spec!.template = template;
    x.metadata!.annotations = annotations;
  });
  return { outcome: 'rolled back' };
}

/** deploymentRevision: the ReplicaSet of a revision, or of the previous one for 0. */
function replicaSetForRevision(store: ObjectStore, d: Stored<Deployment>, toRevision: number): Stored<ReplicaSet> {
  const all = claim<ReplicaSet>(store, d, 'ReplicaSet', d.spec?.selector);
  let latest: (typeof all)[number] | undefined;
  let previous: (typeof all)[number] | undefined;
  let latestRev = -1;
  let previousRev = -1;
  for (const rs of all) {
    const v = revisionOf(rs);
    if (toRevision > 0) {
      if (v === toRevision) return rs;
      continue;
    }
    if (v > latestRev) {
      previousRev = latestRev;
      previous = latest;
      latestRev = v;
      latest = rs;
    } else if (v > previousRev) {
      previousRev = v;
      previous = rs;
    }
  }
  if (toRevision > 0) throw new ApiError('NotFound', `unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new ApiError('NotFound', `no rollout history found for deployment ${JSON.stringify(d.metadata.name)}`);
  return previous;
}
