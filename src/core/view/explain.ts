import type { PluginScore, SchedulingExplanation } from '../scheduler/explanation';

/**
 * "Why here?" and "why Pending?": the scheduler's last attempt for a pod, as a per-node table.
 * The chosen node comes first, then the other feasible nodes by total score, then the rejected
 * ones with the filter that rejected them, then nodes the scheduler did not look at (sampling).
 */
export interface NodeVerdict {
  readonly node: string;
  readonly verdict: 'chosen' | 'feasible' | 'rejected' | 'not-evaluated';
  /** The filter plugin that rejected the node. */
  readonly plugin?: string;
  /** The filter's reasons, as they appear in the FailedScheduling message. */
  readonly reasons: readonly string[];
  /** Each score plugin's score, for feasible nodes that were scored. */
  readonly scores?: readonly PluginScore[];
  readonly total?: number;
}

export interface ExplanationView {
  /** Virtual milliseconds of the attempt. */
  readonly atMs: number;
  readonly attempt: number;
  readonly profile: string;
  readonly outcome: SchedulingExplanation['outcome'];
  readonly node?: string;
  /** `0/N nodes are available: …` when no node fit. */
  readonly message?: string;
  readonly nodesEvaluated: number;
  readonly nodesInCluster: number;
  /** The score plugins that ran, in column order. */
  readonly scorePlugins: readonly { readonly plugin: string; readonly weight: number }[];
  /** Why there are no scores (only one node fit, …). */
  readonly scoringSkipped?: string;
  readonly preFilterRejection?: SchedulingExplanation['preFilterRejection'];
  readonly preemption?: SchedulingExplanation['preemption'];
  readonly nodes: readonly NodeVerdict[];
}

export function explanationView(e: SchedulingExplanation, nodeNames: readonly string[]): ExplanationView {
  const seen = new Set<string>();
  const scored: NodeVerdict[] = e.scoredNodes.map((s) => {
    seen.add(s.node);
    return { node: s.node, verdict: s.node === e.node ? 'chosen' : 'feasible', reasons: [], scores: s.scores, total: s.total };
  });
  // Without scoring (one feasible node), the chosen node is not among the scored ones.
  if (e.node && !seen.has(e.node)) {
    seen.add(e.node);
    scored.unshift({ node: e.node, verdict: 'chosen', reasons: [] });
  }
  scored.sort((a, b) => (a.verdict === 'chosen' ? -1 : b.verdict === 'chosen' ? 1 : (b.total ?? 0) - (a.total ?? 0)));
  const rejected: NodeVerdict[] = e.rejectedNodes.map((r) => {
    seen.add(r.node);
    return { node: r.node, verdict: 'rejected', plugin: r.plugin, reasons: r.reasons };
  });
  rejected.sort((a, b) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  const rest: NodeVerdict[] = nodeNames.filter((n) => !seen.has(n)).map((node) => ({ node, verdict: 'not-evaluated', reasons: e.otherNodes?.reasons ?? [], ...(e.otherNodes ? { plugin: e.otherNodes.plugin } : {}) }));
  const plugins = e.scoredNodes[0]?.scores.map((s) => ({ plugin: s.plugin, weight: s.weight })) ?? [];
  return {
    atMs: Math.round(e.time * 1000),
    attempt: e.attempt,
    profile: e.profile,
    outcome: e.outcome,
    ...(e.node ? { node: e.node } : {}),
    ...(e.message ? { message: e.message } : {}),
    nodesEvaluated: e.nodesEvaluated,
    nodesInCluster: e.nodesInCluster,
    scorePlugins: plugins,
    ...(e.scoringSkipped ? { scoringSkipped: e.scoringSkipped } : {}),
    ...(e.preFilterRejection ? { preFilterRejection: e.preFilterRejection } : {}),
    ...(e.preemption ? { preemption: e.preemption } : {}),
    nodes: [...scored, ...rejected, ...rest],
  };
}
