import { firstUntolerated, isTolerated } from '../../api/taints';
import { type FilterPlugin, type ScorePlugin, SUCCESS, unresolvable } from '../framework';
import { defaultNormalizeScore } from '../normalize';

const FILTER_EFFECTS = ['NoSchedule', 'NoExecute'];

/** The reason for an untolerated taint, as tainttoleration.Filter words it. */
export const untoleratedTaintReason = (key: string, value: string | undefined): string => `node(s) had untolerated taint {${key}: ${value ?? ''}}`;

/**
 * TaintToleration: a NoSchedule or NoExecute taint keeps out pods that do not tolerate it
 * (NoExecute also evicts running pods, which is the taint manager's job, not the scheduler's);
 * PreferNoSchedule taints only lower the score: fewer intolerable ones is better.
 */
export const TaintToleration = {
  name: 'TaintToleration',
  events: ['Node/Add', 'Node/UpdateNodeTaint'],
  filter(_state, pod, node) {
    if (!node.node.spec?.taints) return SUCCESS;
    const taint = firstUntolerated(node.node.spec?.taints, pod.pod.spec?.tolerations, FILTER_EFFECTS);
    return taint ? unresolvable(untoleratedTaintReason(taint.key, taint.value)) : SUCCESS;
  },
  score(_state, pod, node) {
    const taints = node.node.spec?.taints;
    if (!taints) return 0;
    let count = 0;
    for (const t of taints) {
      if (t.effect === 'PreferNoSchedule' && !isTolerated(t, pod.pod.spec?.tolerations)) count++;
    }
    return count;
  },
  normalizeScores(_state, _pod, scores) {
    defaultNormalizeScore(scores, true);
  },
} satisfies FilterPlugin & ScorePlugin;
