import { MAX_NODE_SCORE } from './framework';

/**
 * helper.DefaultNormalizeScore: scale scores so the highest becomes 100; with `reverse`, a
 * lower raw score is better (100 − scaled). When every score is 0, reversed scores are all 100.
 */
export function defaultNormalizeScore(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const scaled = Math.trunc((MAX_NODE_SCORE * scores[i]!) / max);
    scores[i] = reverse ? MAX_NODE_SCORE - scaled : scaled;
  }
}
