import type { NodeToStatus } from './framework';

/** The message when the cluster has no nodes at all (ErrNoNodesAvailable). */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/**
 * The FailedScheduling message (framework.FitError.Error()): `0/N nodes are available:`, then the
 * PreFilter message, or one `<count> <reason>` per filter reason — nodes not named explicitly
 * count with the shared "absent" status — sorted as strings and joined by ", ", then `.`; then
 * the PostFilter (preemption) message.
 */
export function fitErrorMessage(numAllNodes: number, statuses: NodeToStatus, preFilterMsg = '', postFilterMsg = ''): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (preFilterMsg) {
    msg += ` ${preFilterMsg}.`;
  } else {
    const counts = new Map<string, number>();
    for (const { status } of statuses.byNode.values()) for (const r of status.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    const absent = numAllNodes - statuses.byNode.size;
    if (absent > 0 && statuses.absent) for (const r of statuses.absent.status.reasons) counts.set(r, (counts.get(r) ?? 0) + absent);
    const parts = [...counts].map(([reason, n]) => `${n} ${reason}`).sort();
    if (parts.length > 0) msg += ` ${parts.join(', ')}.`;
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}`;
  return msg;
}
