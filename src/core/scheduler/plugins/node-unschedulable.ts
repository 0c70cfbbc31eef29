import { isTolerated } from '../../api/taints';
import { type FilterPlugin, SUCCESS, unresolvable } from '../framework';

/** Cordoned nodes (spec.unschedulable) take no new pods, unless the pod tolerates the unschedulable taint. */
export const ERR_NODE_UNSCHEDULABLE = 'node(s) were unschedulable';

export const NodeUnschedulable = {
  name: 'NodeUnschedulable',
  filter(_state, pod, node) {
    if (!node.node.spec?.unschedulable) return SUCCESS;
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
    return isTolerated(taint, pod.spec?.tolerations) ? SUCCESS : unresolvable(ERR_NODE_UNSCHEDULABLE);
  },
} satisfies FilterPlugin;
