import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject, Stored } from '../api/types';
import { ApiError } from '../store/api-error';
import type { ObjectStore } from '../store/object-store';

/** The kinds with a /scale subresource the simulation serves. */
export const SCALABLE_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet'] as const;

export interface Scale {
  readonly object: Stored<KubeObject>;
  readonly replicas: number;
  readonly statusReplicas: number;
  readonly selector: LabelSelector | undefined;
}

/** GET <kind>/<name>/scale. */
export function getScale(store: ObjectStore, kind: string, name: string, namespace: string): Scale {
  if (!(SCALABLE_KINDS as readonly string[]).includes(kind)) {
    throw new ApiError('NotFound', `the server could not find the requested resource`);
  }
  const object = store.require(kind, name, namespace);
  const spec = object.spec as { replicas?: number; selector?: LabelSelector };
  const status = object.status as { replicas?: number } | undefined;
  return { object, replicas: spec.replicas ?? 1, statusReplicas: status?.replicas ?? 0, selector: spec.selector };
}

/**
 * PUT <kind>/<name>/scale: set spec.replicas (what `kubectl scale` and the HPA do). With
 * `currentReplicas`, the change only happens if the object still has that many (kubectl scale
 * --current-replicas).
 */
export function setScale(store: ObjectStore, kind: string, name: string, namespace: string, replicas: number, currentReplicas?: number): Stored<KubeObject> {
  const scale = getScale(store, kind, name, namespace);
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw ApiError.invalid('Scale', name, [{ type: 'Invalid', field: 'spec.replicas', value: replicas, detail: 'must be greater than or equal to 0' }]);
  }
  if (currentReplicas !== undefined && currentReplicas !== scale.replicas) {
    throw new ApiError('Conflict', `Expected replicas to be ${currentReplicas}, was ${scale.replicas}`);
  }
  return store.patch(kind, name, namespace, (d) => {
    (d.spec as { replicas?: number }).replicas = replicas;
  });
}
