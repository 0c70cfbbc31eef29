import type { HPAScalingRules, HorizontalPodAutoscalerBehavior } from 'kubernetes-types/autoscaling/v2';

/**
 * Scaling behaviour (KEP-853, horizontal.go normalizeDesiredReplicasWithBehaviors): recommendations
 * are stabilised over a window (none up, 300 s down, so a dip does not shrink the workload at
 * once), then the change is limited by the policies over their periods (by default up to
 * +100 % or +4 pods per 15 s, whichever is more, and down by up to 100 % per 15 s).
 */
export const DEFAULT_SCALE_UP: Required<Pick<HPAScalingRules, 'stabilizationWindowSeconds' | 'selectPolicy' | 'policies'>> = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};
export const DEFAULT_SCALE_DOWN: typeof DEFAULT_SCALE_UP = {
  stabilizationWindowSeconds: 300,
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

export interface Recommendation {
  readonly atMs: number;
  readonly replicas: number;
}

export interface ScaleEvent {
  readonly atMs: number;
  /** Positive for a scale up, negative for a scale down. */
  readonly change: number;
}

export interface Normalized {
  readonly replicas: number;
  readonly reason: string;
  readonly message: string;
  /** Whether stabilisation held the recommendation back. */
  readonly stabilized: boolean;
  readonly limitedBy?: 'ScaleUpLimit' | 'ScaleDownLimit' | 'TooManyReplicas' | 'TooFewReplicas';
}

export function rules(behavior: HorizontalPodAutoscalerBehavior | undefined): { up: typeof DEFAULT_SCALE_UP; down: typeof DEFAULT_SCALE_UP } {
  const merge = (r: HPAScalingRules | undefined, d: typeof DEFAULT_SCALE_UP) => ({
    stabilizationWindowSeconds: r?.stabilizationWindowSeconds ?? d.stabilizationWindowSeconds,
    selectPolicy: r?.selectPolicy ?? d.selectPolicy,
    policies: r?.policies ?? d.policies,
  });
  return { up: merge(behavior?.scaleUp, DEFAULT_SCALE_UP), down: merge(behavior?.scaleDown, DEFAULT_SCALE_DOWN) };
}

/** stabilizeRecommendationWithBehaviors; records the raw recommendation in `history`. */
export function stabilize(history: Recommendation[], desired: number, current: number, nowMs: number, up: typeof DEFAULT_SCALE_UP, down: typeof DEFAULT_SCALE_UP): { replicas: number; stabilized: boolean } {
  const upCutoff = nowMs - up.stabilizationWindowSeconds * 1000;
  const downCutoff = nowMs - down.stabilizationWindowSeconds * 1000;
  let upRec = desired;
  let downRec = desired;
  for (const r of history) {
    if (r.atMs > upCutoff) upRec = Math.min(upRec, r.replicas);
    if (r.atMs > downCutoff) downRec = Math.max(downRec, r.replicas);
  }
  let replicas = current;
  if (replicas < upRec) replicas = upRec;
  if (replicas > downRec) replicas = downRec;
  const keepAfter = Math.min(upCutoff, downCutoff);
  const kept = history.filter((r) => r.atMs > keepAfter);
  history.length = 0;
  history.push(...kept, { atMs: nowMs, replicas: desired });
  return { replicas, stabilized: replicas !== desired };
}

/** convertDesiredReplicasWithBehaviorRate, then the min/max bounds. */
export function limitRate(desired: number, current: number, events: readonly ScaleEvent[], nowMs: number, min: number, max: number, up: typeof DEFAULT_SCALE_UP, down: typeof DEFAULT_SCALE_UP): { replicas: number; limitedBy?: Normalized['limitedBy'] } {
  if (desired > current) {
    const limit = policyLimit(up, current, events, nowMs, true);
    const bound = Math.min(limit, max);
    if (desired > bound) return { replicas: bound, limitedBy: limit < max ? 'ScaleUpLimit' : 'TooManyReplicas' };
    return { replicas: Math.max(desired, min), limitedBy: desired < min ? 'TooFewReplicas' : undefined };
  }
  if (desired < current) {
    const limit = policyLimit(down, current, events, nowMs, false);
    const bound = Math.max(limit, min);
    if (desired < bound) return { replicas: bound, limitedBy: limit > min ? 'ScaleDownLimit' : 'TooFewReplicas' };
    return { replicas: Math.min(desired, max), limitedBy: desired > max ? 'TooManyReplicas' : undefined };
  }
  if (current > max) return { replicas: max, limitedBy: 'TooManyReplicas' };
  if (current < min) return { replicas: min, limitedBy: 'TooFewReplicas' };
  return { replicas: current };
}

function policyLimit(r: typeof DEFAULT_SCALE_UP, current: number, events: readonly ScaleEvent[], nowMs: number, upward: boolean): number {
  if (r.selectPolicy === 'Disabled') return current;
  const limits = r.policies.map((p) => {
    const since = nowMs - p.periodSeconds * 1000;
    const moved = events.filter((e) => e.atMs > since && (upward ? e.change > 0 : e.change < 0)).reduce((s, e) => s + Math.abs(e.change), 0);
    const periodStart = upward ? current - moved : current + moved;
    if (p.type === 'Pods') return upward ? periodStart + p.value : periodStart - p.value;
    return upward ? Math.ceil(periodStart * (1 + p.value / 100)) : Math.floor(periodStart * (1 - p.value / 100));
  });
  // Max picks the policy allowing the biggest change, Min the smallest.
  const pickMax = r.selectPolicy !== 'Min';
  return upward === pickMax ? Math.max(...limits) : Math.min(...limits);
}
