import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../api/types';
import type { ObjectStore } from '../../store/object-store';

/**
 * getPodStatusForController: the phases of the pods this object controls (owner reference with
 * its uid), as the `Pods Status:  1 Running / 0 Waiting / 0 Succeeded / 0 Failed` line counts them.
 */
export function podsStatusLine(store: ObjectStore, owner: Stored<KubeObject>): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const pod of store.list<Pod>('Pod', owner.metadata.namespace)) {
    if (!pod.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid)) continue;
    switch (pod.status?.phase) {
      case 'Running':
        running++;
        break;
      case 'Pending':
        waiting++;
        break;
      case 'Succeeded':
        succeeded++;
        break;
      case 'Failed':
        failed++;
        break;
    }
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

/** printController: `Deployment/web` for the controller owner, or undefined. */
export function controllerOf(obj: KubeObject): string | undefined {
  const ref = obj.metadata?.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : undefined;
}
