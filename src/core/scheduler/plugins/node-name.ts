import { type FilterPlugin, SUCCESS, unresolvable } from '../framework';

export const ERR_NODE_NAME = "node(s) didn't match the requested node name";

/** A pod that names its node in spec.nodeName only fits that node. */
export const NodeName = {
  name: 'NodeName',
  filter(_state, pod, node) {
    const wanted = pod.spec?.nodeName;
    return !wanted || wanted === node.name ? SUCCESS : unresolvable(ERR_NODE_NAME);
  },
} satisfies FilterPlugin;
