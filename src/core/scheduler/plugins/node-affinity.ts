import type { Node, NodeSelectorRequirement, NodeSelectorTerm } from 'kubernetes-types/core/v1';
import { matchesRequirement, type Operator } from '../../api/labels';
import type { Stored } from '../../api/types';
import { type FilterPlugin, MAX_NODE_SCORE, type ScorePlugin, SUCCESS, unresolvable } from '../framework';

export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

function matchesRequirements(reqs: readonly NodeSelectorRequirement[] | undefined, node: Stored<Node>, fields: boolean): boolean {
  for (const r of reqs ?? []) {
    const source = fields ? { 'metadata.name': node.metadata.name } : node.metadata.labels;
    if (!matchesRequirement({ key: r.key, operator: r.operator as Operator, values: r.values ?? [] }, source)) return false;
  }
  return true;
}

/** A term matches when all its expressions and fields match; an empty term matches nothing. */
export function matchesTerm(term: NodeSelectorTerm, node: Stored<Node>): boolean {
  if (!term.matchExpressions?.length && !term.matchFields?.length) return false;
  return matchesRequirements(term.matchExpressions, node, false) && matchesRequirements(term.matchFields, node, true);
}

/**
 * spec.nodeSelector (every label must match) and required node affinity (one of the terms must
 * match) filter; preferred node affinity scores by the summed weights of the matching terms.
 */
export const NodeAffinity = {
  name: 'NodeAffinity',
  filter(_state, pod, node) {
    const labels = node.node.metadata.labels ?? {};
    for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) {
      if (labels[k] !== v) return unresolvable(ERR_NODE_AFFINITY);
    }
    const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (required && !required.nodeSelectorTerms.some((t) => matchesTerm(t, node.node))) return unresolvable(ERR_NODE_AFFINITY);
    return SUCCESS;
  },
  score(_state, pod, node) {
    let total = 0;
    for (const p of pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (matchesTerm(p.preference, node.node)) total += p.weight;
    }
    return total;
  },
  normalizeScores(_state, _pod, scores) {
    const max = Math.max(0, ...scores);
    if (max === 0) return;
    for (let i = 0; i < scores.length; i++) scores[i] = Math.floor((scores[i]! * MAX_NODE_SCORE) / max);
  },
} satisfies FilterPlugin & ScorePlugin;
