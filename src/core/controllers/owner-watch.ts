import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { selectorMatches } from '../api/labels';
import type { KubeObject, Stored } from '../api/types';
import type { ObjectStore, WatchEvent } from '../store/object-store';
import { ownerKey } from './claim';
import { keyOf } from './keys';
import { controllerRefOf } from './pods';

/**
 * The keys a change to a dependent (a pod, a ReplicaSet) enqueues for its owners' controller
 * (addPod / updatePod / deletePod upstream): the controlling owner, the previous one if it
 * changed, and for an orphan every owner of `ownerKind` whose selector selects it (it may be
 * adopted).
 */
export function ownersToSync(store: ObjectStore, e: WatchEvent, ownerKind: string, selectorOf: (owner: Stored<KubeObject>) => LabelSelector | undefined): string[] {
  const keys = [...ownerKey(e.object, ownerKind), ...ownerKey(e.old, ownerKind)];
  if (!controllerRefOf(e.object) && e.type !== 'DELETED') {
    for (const owner of store.list(ownerKind, e.object.metadata.namespace)) {
      if (selectorMatches(selectorOf(owner), e.object.metadata.labels)) keys.push(keyOf(owner));
    }
  }
  return keys;
}
