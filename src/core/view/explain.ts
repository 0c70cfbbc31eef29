import type { SchedulingAttempt } from '../scheduler/scheduler';

/**
 * "Why here?" and "why Pending?": the scheduler's last attempt for a pod, as a per-node table.
 * Every node appears, rejected ones with the filter's reasons, feasible ones after them.
 */
export interface NodeVerdict {
  readonly node: string;
  /** Passed every filter. */
  readonly feasible: boolean;
  /** The node the pod was bound to. */
  readonly chosen: boolean;
  /** The filter's reasons, as they appear in the FailedScheduling message. */
  readonly reasons: readonly string[];
}

export interface SchedulingExplanation {
  /** Virtual milliseconds of the attempt. */
  readonly atMs: number;
  readonly outcome: 'scheduled' | 'unschedulable';
  readonly node?: string;
  /** `0/N nodes are available: …` when no node fit. */
  readonly message?: string;
  readonly nodes: readonly NodeVerdict[];
  /**
   * Whether the attempt recorded score plugins' scores. The current scheduler records only
   * filter verdicts, so the UI says scores are not available rather than inventing them.
   */
  readonly scored: boolean;
}

export function explainScheduling(attempt: SchedulingAttempt, nodeNames: readonly string[]): SchedulingExplanation {
  const verdicts: NodeVerdict[] = nodeNames.map((node) => {
    const reasons = attempt.reasonsByNode.get(node);
    return { node, feasible: reasons === undefined, chosen: node === attempt.node, reasons: reasons ?? [] };
  });
  // The chosen node first, then the other feasible ones, then the rejected ones: the order a
  // learner reads the story in.
  const rank = (v: NodeVerdict) => (v.chosen ? 0 : v.feasible ? 1 : 2);
  verdicts.sort((a, b) => rank(a) - rank(b) || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  return {
    atMs: attempt.at,
    outcome: attempt.node ? 'scheduled' : 'unschedulable',
    ...(attempt.node ? { node: attempt.node } : {}),
    ...(attempt.message ? { message: attempt.message } : {}),
    nodes: verdicts,
    scored: false,
  };
}
