import { firstUntolerated, isTolerated } from '../../api/taints';
import { type FilterPlugin, MAX_NODE_SCORE, type ScorePlugin, SUCCESS, unresolvable } from '../framework';

/**
 * NoSchedule and NoExecute taints keep out pods that do not tolerate them; PreferNoSchedule
 * taints only lower the node's score.
 */
export const TaintToleration = {
  name: 'TaintToleration',
  filter(_state, pod, node) {
    const taint = firstUntolerated(node.node.spec?.taints, pod.spec?.tolerations, ['NoSchedule', 'NoExecute']);
    if (!taint) return SUCCESS;
    return unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
  },
  score(_state, pod, node) {
    let count = 0;
    for (const t of node.node.spec?.taints ?? []) {
      if (t.effect === 'PreferNoSchedule' && !isTolerated(t, pod.spec?.tolerations)) count++;
    }
    return count;
  },
  /** Fewer intolerable PreferNoSchedule taints is better: reverse the normalised counts. */
  normalizeScores(_state, _pod, scores) {
    const max = Math.max(0, ...scores);
    for (let i = 0; i < scores.length; i++) scores[i] = max === 0 ? MAX_NODE_SCORE : MAX_NODE_SCORE - Math.floor((scores[i]! * MAX_NODE_SCORE) / max);
  },
} satisfies FilterPlugin & ScorePlugin;
