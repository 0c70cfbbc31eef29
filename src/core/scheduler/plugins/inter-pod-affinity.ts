import type { Pod } from 'kubernetes-types/core/v1';
import type { Labels } from '../../api/labels';
import type { Stored } from '../../api/types';
import {
  countingExtensions,
  type FilterPlugin,
  type Handle,
  MAX_NODE_SCORE,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
  SKIP,
  StateKey,
  type StateData,
  SUCCESS,
  unresolvable,
  unschedulable,
} from '../framework';
import type { NodeInfo } from '../node-info';
import { type AffinityTerm, type PodInfo, termMatches, type WeightedAffinityTerm } from '../pod-info';

export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

const REJECTED_AFFINITY = unresolvable(ERR_REASON_AFFINITY);
const REJECTED_ANTI_AFFINITY = unschedulable(ERR_REASON_ANTI_AFFINITY);
const REJECTED_EXISTING = unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY);

export interface InterPodAffinityArgs {
  /** Score weight of an existing pod's required affinity term that the incoming pod matches. Default 1. */
  readonly hardPodAffinityWeight?: number;
  readonly ignorePreferredTermsOfExistingPods?: boolean;
}

/** Counts per topology pair `key=value`. */
type PairCounts = Map<string, number>;
const pairKey = (key: string, value: string): string => `${key}=${value}`;

function bump(counts: PairCounts, key: string, value: string, by: number): void {
  const k = pairKey(key, value);
  const n = (counts.get(k) ?? 0) + by;
  if (n === 0) counts.delete(k);
  else counts.set(k, n);
}

class FilterState implements StateData {
  constructor(
    readonly existingAntiAffinity: PairCounts,
    readonly affinity: PairCounts,
    readonly antiAffinity: PairCounts,
  ) {}
  clone(): FilterState {
    return new FilterState(new Map(this.existingAntiAffinity), new Map(this.affinity), new Map(this.antiAffinity));
  }
}

class ScoreState implements StateData {
  constructor(readonly topologyScore: Map<string, Map<string, number>>) {}
  clone(): StateData {
    return this;
  }
}

const FILTER_KEY = new StateKey<FilterState>('PreFilterInterPodAffinity');
const SCORE_KEY = new StateKey<ScoreState>('PreScoreInterPodAffinity');

/** Whether a pod matches every one of its own affinity terms (the first pod of a group may go anywhere). */
const matchesOwnTerms = (pod: PodInfo, handle: Handle): boolean =>
  pod.requiredAffinityTerms.every((t) => termMatches(t, pod.pod, handle.namespaceLabels(pod.namespace)));

/**
 * InterPodAffinity: required pod affinity places a pod only in topology domains that run a
 * matching pod; required anti-affinity — the pod's own, and that of pods already running —
 * keeps it out of domains that do; preferred terms (and existing pods' terms that match the
 * pod) add or subtract their weight per domain in the score.
 */
export function createInterPodAffinity(args: InterPodAffinityArgs = {}, handle: Handle) {
  const hardWeight = args.hardPodAffinityWeight ?? 1;
  const ignoreExisting = args.ignorePreferredTermsOfExistingPods ?? false;
  const nsLabels = (ns: string): Labels => handle.namespaceLabels(ns);

  /** Count `other` (on `node`) into the state of `pod`'s cycle, with multiplier ±1 (updateWithPod). */
  function update(s: FilterState, pod: PodInfo, other: PodInfo, node: NodeInfo, by: number): void {
    const labels = node.node.metadata.labels;
    if (!labels) return;
    for (const t of other.requiredAntiAffinityTerms) {
      if (t.topologyKey in labels && termMatches(t, pod.pod, nsLabels(pod.namespace))) bump(s.existingAntiAffinity, t.topologyKey, labels[t.topologyKey]!, by);
    }
    const otherNs = nsLabels(other.namespace);
    for (const t of pod.requiredAffinityTerms) {
      if (t.topologyKey in labels && termMatches(t, other.pod, otherNs)) bump(s.affinity, t.topologyKey, labels[t.topologyKey]!, by);
    }
    for (const t of pod.requiredAntiAffinityTerms) {
      if (t.topologyKey in labels && termMatches(t, other.pod, otherNs)) bump(s.antiAffinity, t.topologyKey, labels[t.topologyKey]!, by);
    }
  }

  function satisfiesAffinity(s: FilterState, pod: PodInfo, labels: Readonly<Record<string, string>>): boolean {
    let podsExist = true;
    for (const t of pod.requiredAffinityTerms) {
      const value = labels[t.topologyKey];
      // Every topology label the terms need must be on the node.
      if (value === undefined) return false;
      if ((s.affinity.get(pairKey(t.topologyKey, value)) ?? 0) <= 0) podsExist = false;
    }
    return podsExist || (s.affinity.size === 0 && matchesOwnTerms(pod, handle));
  }

  return {
    name: 'InterPodAffinity',
    events: ['AssignedPod/Add', 'AssignedPod/Delete', 'AssignedPod/UpdatePodLabel', 'Node/Add', 'Node/UpdateNodeLabel'],
    preFilter(state, pod) {
      const hasOwnTerms = pod.requiredAffinityTerms.length > 0 || pod.requiredAntiAffinityTerms.length > 0;
      const withAnti = handle.snapshot.havePodsWithRequiredAntiAffinity;
      if (!hasOwnTerms && withAnti.length === 0) return SKIP;
      const s = new FilterState(new Map(), new Map(), new Map());
      const podNs = nsLabels(pod.namespace);
      for (const node of withAnti) {
        const labels = node.node.metadata.labels;
        if (!labels) continue;
        for (const existing of node.podsWithRequiredAntiAffinity) {
          for (const t of existing.requiredAntiAffinityTerms) {
            if (t.topologyKey in labels && termMatches(t, pod.pod, podNs)) bump(s.existingAntiAffinity, t.topologyKey, labels[t.topologyKey]!, 1);
          }
        }
      }
      if (s.existingAntiAffinity.size === 0 && !hasOwnTerms) return SKIP;
      if (hasOwnTerms) {
        for (const node of handle.snapshot.nodes) {
          const labels = node.node.metadata.labels;
          if (!labels) continue;
          for (const existing of node.pods) {
            const ns = nsLabels(existing.namespace);
            for (const t of pod.requiredAffinityTerms) if (t.topologyKey in labels && termMatches(t, existing.pod, ns)) bump(s.affinity, t.topologyKey, labels[t.topologyKey]!, 1);
            for (const t of pod.requiredAntiAffinityTerms) if (t.topologyKey in labels && termMatches(t, existing.pod, ns)) bump(s.antiAffinity, t.topologyKey, labels[t.topologyKey]!, 1);
          }
        }
      }
      state.write(FILTER_KEY, s);
      return SUCCESS;
    },
    ...countingExtensions(FILTER_KEY, update),
    filter(state, pod, node) {
      const s = state.read(FILTER_KEY);
      if (!s) return SUCCESS;
      const labels = node.node.metadata.labels ?? {};
      if (!satisfiesAffinity(s, pod, labels)) return REJECTED_AFFINITY;
      if (s.antiAffinity.size > 0) {
        for (const t of pod.requiredAntiAffinityTerms) {
          const value = labels[t.topologyKey];
          if (value !== undefined && (s.antiAffinity.get(pairKey(t.topologyKey, value)) ?? 0) > 0) return REJECTED_ANTI_AFFINITY;
        }
      }
      if (s.existingAntiAffinity.size > 0) {
        for (const key in labels) if ((s.existingAntiAffinity.get(pairKey(key, labels[key]!)) ?? 0) > 0) return REJECTED_EXISTING;
      }
      return SUCCESS;
    },
    preScore(state, pod) {
      const hasConstraints = pod.preferredAffinityTerms.length > 0 || pod.preferredAntiAffinityTerms.length > 0;
      if (ignoreExisting && !hasConstraints) return SKIP;
      const scores = new Map<string, Map<string, number>>();
      const add = (terms: readonly (AffinityTerm | WeightedAffinityTerm)[], target: Stored<Pod>, targetNs: Labels, labels: Readonly<Record<string, string>>, sign: number, weight?: number) => {
        for (const t of terms) {
          const value = labels[t.topologyKey];
          if (value === undefined || !termMatches(t, target, targetNs)) continue;
          const w = (weight ?? (t as WeightedAffinityTerm).weight) * sign;
          let byValue = scores.get(t.topologyKey);
          if (!byValue) scores.set(t.topologyKey, (byValue = new Map()));
          byValue.set(value, (byValue.get(value) ?? 0) + w);
        }
      };
      const podNs = nsLabels(pod.namespace);
      // Without preferred terms of its own, only pods with affinity terms can change the score.
      const nodes = hasConstraints ? handle.snapshot.nodes : handle.snapshot.havePodsWithAffinity;
      for (const node of nodes) {
        const labels = node.node.metadata.labels;
        if (!labels || Object.keys(labels).length === 0) continue;
        for (const existing of hasConstraints ? node.pods : node.podsWithAffinity) {
          const existingNs = nsLabels(existing.namespace);
          add(pod.preferredAffinityTerms, existing.pod, existingNs, labels, 1);
          add(pod.preferredAntiAffinityTerms, existing.pod, existingNs, labels, -1);
          if (hardWeight > 0) add(existing.requiredAffinityTerms, pod.pod, podNs, labels, 1, hardWeight);
          add(existing.preferredAffinityTerms, pod.pod, podNs, labels, 1);
          add(existing.preferredAntiAffinityTerms, pod.pod, podNs, labels, -1);
        }
      }
      if (scores.size === 0) return SKIP;
      state.write(SCORE_KEY, new ScoreState(scores));
      return SUCCESS;
    },
    score(state, _pod, node) {
      const s = state.read(SCORE_KEY)!;
      const labels = node.node.metadata.labels ?? {};
      let total = 0;
      for (const [key, byValue] of s.topologyScore) {
        const value = labels[key];
        if (value !== undefined) total += byValue.get(value) ?? 0;
      }
      return total;
    },
    /** Min–max scaling: the best node gets 100, the worst 0; all equal means all 0. */
    normalizeScores(_state, _pod, scores) {
      let min = Infinity;
      let max = -Infinity;
      for (const s of scores) {
        if (s < min) min = s;
        if (s > max) max = s;
      }
      const diff = max - min;
      for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc((MAX_NODE_SCORE * (scores[i]! - min)) / diff) : 0;
    },
  } satisfies PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin;
}
