import type { Node, NodeSelectorRequirement, NodeSelectorTerm } from 'kubernetes-types/core/v1';
import { matchesRequirement, type Operator } from './labels';

/**
 * Node selector terms (component-helpers nodeaffinity): terms are ORed; within a term every
 * expression on labels and every field requirement (only metadata.name) must match; an empty
 * term matches nothing.
 */
export function matchesNodeSelectorTerms(terms: readonly NodeSelectorTerm[], node: Node): boolean {
  return terms.some((t) => matchesNodeSelectorTerm(t, node));
}

export function matchesNodeSelectorTerm(term: NodeSelectorTerm, node: Node): boolean {
  if (!term.matchExpressions?.length && !term.matchFields?.length) return false;
  return matches(term.matchExpressions, node.metadata?.labels) && matches(term.matchFields, { 'metadata.name': node.metadata?.name ?? '' });
}

function matches(reqs: readonly NodeSelectorRequirement[] | undefined, source: Record<string, string> | undefined): boolean {
  for (const r of reqs ?? []) if (!matchesRequirement({ key: r.key, operator: r.operator as Operator, values: r.values ?? [] }, source)) return false;
  return true;
}
