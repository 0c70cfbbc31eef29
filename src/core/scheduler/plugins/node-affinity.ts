import type { Node, NodeAffinity as NodeAffinitySpec, NodeSelectorRequirement, NodeSelectorTerm, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';
import { matchesRequirement, type Operator } from '../../api/labels';
import type { Stored } from '../../api/types';
import { type CycleState, type FilterPlugin, type PreFilterPlugin, type PreScorePlugin, type ScorePlugin, SKIP, StateKey, type StateData, SUCCESS, unresolvable } from '../framework';
import { defaultNormalizeScore } from '../normalize';
import type { PodInfo } from '../pod-info';

export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_ENFORCED = "node(s) didn't match scheduler-enforced node affinity";
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

const REJECTED_POD = unresolvable(ERR_REASON_POD);
const REJECTED_ENFORCED = unresolvable(ERR_REASON_ENFORCED);

/** NodeAffinityArgs: affinity the profile adds to every pod it schedules. */
export interface NodeAffinityArgs {
  readonly addedAffinity?: NodeAffinitySpec;
}

function requirementMatches(r: NodeSelectorRequirement, node: Stored<Node>, fields: boolean): boolean {
  const source = fields ? { 'metadata.name': node.metadata.name } : node.metadata.labels;
  return matchesRequirement({ key: r.key, operator: r.operator as Operator, values: r.values ?? [] }, source);
}

/** A node selector term matches when all its expressions and fields match; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: Stored<Node>): boolean {
  if (!term.matchExpressions?.length && !term.matchFields?.length) return false;
  for (const r of term.matchExpressions ?? []) if (!requirementMatches(r, node, false)) return false;
  for (const r of term.matchFields ?? []) if (!requirementMatches(r, node, true)) return false;
  return true;
}

/** Required node affinity: the terms are ORed. */
function requiredMatches(affinity: NodeAffinitySpec | undefined, node: Stored<Node>): boolean {
  const required = affinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return !required || required.nodeSelectorTerms.some((t) => termMatches(t, node));
}

function preferredScore(terms: readonly PreferredSchedulingTerm[] | undefined, node: Stored<Node>): number {
  let total = 0;
  for (const p of terms ?? []) if (p.weight !== 0 && termMatches(p.preference, node)) total += p.weight;
  return total;
}

/** Whether the pod's nodeSelector and required node affinity allow a node (GetRequiredNodeAffinity.Match). */
export function podMatchesNodeSelectorAndAffinity(pod: PodInfo, node: Stored<Node>): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  return requiredMatches(pod.pod.spec?.affinity?.nodeAffinity, node);
}

class PreferredState implements StateData {
  constructor(readonly terms: readonly PreferredSchedulingTerm[]) {}
  clone(): StateData {
    return this;
  }
}

const PRE_SCORE_KEY = new StateKey<PreferredState>('PreScoreNodeAffinity');

/**
 * The node names a pod's required terms pin it to through `matchFields: metadata.name In […]`
 * (as DaemonSet pods do): the PreFilterResult that lets the scheduler skip every other node.
 */
function pinnedNodeNames(affinity: NodeAffinitySpec | undefined): Set<string> | undefined {
  const terms = affinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms) return undefined;
  let union: Set<string> | undefined;
  for (const t of terms) {
    let names: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const values = new Set(r.values ?? []);
      names = names ? new Set([...names].filter((n) => values.has(n))) : values;
    }
    // A term without a node-name field lets every node through: the terms are ORed.
    if (!names) return undefined;
    union = new Set([...(union ?? []), ...names]);
  }
  return union;
}

/**
 * NodeAffinity: spec.nodeSelector (every label must match) and required node affinity (one of
 * the terms must match) filter; preferred terms score by the summed weights of the matching ones.
 */
export function createNodeAffinity(args: NodeAffinityArgs = {}) {
  const added = args.addedAffinity;
  return {
    name: 'NodeAffinity',
    events: ['Node/Add', 'Node/UpdateNodeLabel'],
    preFilter(_state, pod) {
      const affinity = pod.pod.spec?.affinity?.nodeAffinity;
      const hasSelector = Object.keys(pod.pod.spec?.nodeSelector ?? {}).length > 0;
      if (!hasSelector && !affinity?.requiredDuringSchedulingIgnoredDuringExecution && !added?.requiredDuringSchedulingIgnoredDuringExecution) return SKIP;
      const names = pinnedNodeNames(affinity);
      if (names && names.size === 0) return unresolvable(ERR_REASON_CONFLICT);
      return names ? { status: SUCCESS, nodeNames: names } : SUCCESS;
    },
    filter(_state, pod, node) {
      if (added && !requiredMatches(added, node.node)) return REJECTED_ENFORCED;
      return podMatchesNodeSelectorAndAffinity(pod, node.node) ? SUCCESS : REJECTED_POD;
    },
    preScore(state: CycleState, pod) {
      const terms = [...(added?.preferredDuringSchedulingIgnoredDuringExecution ?? []), ...(pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])];
      if (terms.length === 0) return SKIP;
      state.write(PRE_SCORE_KEY, new PreferredState(terms));
      return SUCCESS;
    },
    score(state, _pod, node) {
      return preferredScore(state.read(PRE_SCORE_KEY)?.terms, node.node);
    },
    normalizeScores(_state, _pod, scores) {
      defaultNormalizeScore(scores, false);
    },
  } satisfies PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin;
}
