import type { Node } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../store/object-store';

/**
 * kubectl cordon / uncordon (pkg/drain CordonHelper): set or clear spec.unschedulable. The
 * scheduler stops placing pods on a cordoned node; the node lifecycle controller adds the
 * node.kubernetes.io/unschedulable:NoSchedule taint. Pods already there keep running.
 */
export interface CordonResult {
  readonly ok: boolean;
  /** kubectl's line: `node/worker-1 cordoned`, `node/worker-1 already uncordoned`, or the error. */
  readonly message: string;
}

export function setUnschedulable(store: ObjectStore, node: string, desired: boolean): CordonResult {
  const current = store.get<Node>('Node', node);
  if (!current) return { ok: false, message: `Error from server (NotFound): nodes ${JSON.stringify(node)} not found` };
  const verb = desired ? 'cordoned' : 'uncordoned';
  if ((current.spec?.unschedulable ?? false) === desired) return { ok: true, message: `node/${node} already ${verb}` };
  store.patch<Node>('Node', node, undefined, (n) => {
    if (desired) (n.spec ??= {}).unschedulable = true;
    else if (n.spec) delete n.spec.unschedulable;
  });
  return { ok: true, message: `node/${node} ${verb}` };
}
