import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { matchesAll, selectorRequirements } from '../api/labels';
import type { KubeObject, Stored } from '../api/types';
import type { ObjectStore } from '../store/object-store';
import { controllerRefOf, controllerRefTo } from './pods';

/**
 * ControllerRefManager.Claim (pkg/controller/controller_ref_manager.go): the objects of `kind` a
 * controller owns are those whose controller reference is the owner and which its selector still
 * selects. Orphans that the selector selects are adopted (unless the owner is being deleted);
 * owned objects the selector no longer selects are released.
 */
export function claim<T extends KubeObject>(store: ObjectStore, owner: Stored<KubeObject>, kind: string, selector: LabelSelector | undefined): Stored<T>[] {
  const uid = owner.metadata.uid;
  const namespace = owner.metadata.namespace;
  const owned = new Map<string, Stored<T>>();
  // A missing selector selects nothing (selectorMatches); parsed once for every candidate.
  const requirements = selector ? selectorRequirements(selector) : undefined;
  const dependents = store.dependentsOf(uid);
  for (let i = 0; i < dependents.length; i++) {
    const o = dependents[i]!;
    if (o.kind !== kind || controllerRefOf(o)?.uid !== uid) continue;
    if (requirements !== undefined && matchesAll(requirements, o.metadata.labels)) owned.set(o.metadata.uid, o as Stored<T>);
    else release(store, o, uid);
  }
  if (!owner.metadata.deletionTimestamp && requirements !== undefined && namespace) {
    const orphans = store.uncontrolled<T>(kind, namespace);
    for (let i = 0; i < orphans.length; i++) {
      const o = orphans[i]!;
      if (o.metadata.deletionTimestamp || !matchesAll(requirements, o.metadata.labels)) continue;
      owned.set(o.metadata.uid, adopt(store, o, owner) as Stored<T>);
    }
  }
  return [...owned.values()];
}

function adopt(store: ObjectStore, obj: Stored<KubeObject>, owner: Stored<KubeObject>): Stored<KubeObject> {
  return store.patch(obj.kind, obj.metadata.name, obj.metadata.namespace, (draft) => {
    draft.metadata!.ownerReferences = [...(draft.metadata!.ownerReferences ?? []), controllerRefTo(owner)];
  });
}

function release(store: ObjectStore, obj: Stored<KubeObject>, ownerUid: string): void {
  store.patch(obj.kind, obj.metadata.name, obj.metadata.namespace, (draft) => {
    const refs = (draft.metadata!.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
    if (refs.length) draft.metadata!.ownerReferences = refs;
    else delete draft.metadata!.ownerReferences;
  });
}

/** The key of the controlling owner of an object, if it is of `kind`. */
export function ownerKey(obj: KubeObject | undefined, kind: string): string[] {
  const ref = obj ? controllerRefOf(obj) : undefined;
  return ref && ref.kind === kind ? [`${obj!.metadata?.namespace}/${ref.name}`] : [];
}

/** The objects of `kind` whose controller reference is `owner` (for owners without a selector, such as CronJobs). */
export function ownedBy<T extends KubeObject>(store: ObjectStore, owner: Stored<KubeObject>, kind: string): Stored<T>[] {
  return store.dependentsOf(owner.metadata.uid).filter((o) => o.kind === kind && controllerRefOf(o)?.uid === owner.metadata.uid) as Stored<T>[];
}
