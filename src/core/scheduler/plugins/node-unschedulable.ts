import type { Taint } from 'kubernetes-types/core/v1';
import { isTolerated } from '../../api/taints';
import { type FilterPlugin, SUCCESS, unresolvable } from '../framework';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

const REJECTED = unresolvable(ERR_REASON_UNSCHEDULABLE);
const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/**
 * Cordoned nodes (spec.unschedulable) take no new pods, unless the pod tolerates the
 * `node.kubernetes.io/unschedulable:NoSchedule` taint (nodeunschedulable.NodeUnschedulable).
 */
export const NodeUnschedulable = {
  name: 'NodeUnschedulable',
  events: ['Node/Add', 'Node/UpdateNodeTaint'],
  filter(_state, pod, node) {
    if (!node.node.spec?.unschedulable) return SUCCESS;
    return isTolerated(UNSCHEDULABLE_TAINT, pod.pod.spec?.tolerations) ? SUCCESS : REJECTED;
  },
} satisfies FilterPlugin;
