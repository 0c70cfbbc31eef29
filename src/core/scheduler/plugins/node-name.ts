import { type FilterPlugin, SUCCESS, unresolvable } from '../framework';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

const REJECTED = unresolvable(ERR_REASON_NODE_NAME);

/** A pod that names its node in spec.nodeName only fits that node (nodename.NodeName). */
export const NodeName = {
  name: 'NodeName',
  events: ['Node/Add'],
  filter(_state, pod, node) {
    const wanted = pod.pod.spec?.nodeName;
    return !wanted || wanted === node.name ? SUCCESS : REJECTED;
  },
} satisfies FilterPlugin;
