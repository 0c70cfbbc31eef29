import type { Node, Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { matchesAll, selectorRequirements, type Requirement } from '../../api/labels';
import { firstUntolerated } from '../../api/taints';
import type { Stored } from '../../api/types';
import {
  countingExtensions,
  type CycleState,
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
import type { PodInfo } from '../pod-info';
import { podMatchesNodeSelectorAndAffinity } from './node-affinity';

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + ' (missing required label)';

const REJECTED = unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
const REJECTED_LABEL = unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
const HOSTNAME = 'kubernetes.io/hostname';

/** The cluster-level defaults used when a pod sets no constraints (defaultingType System). */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly TopologySpreadConstraint[] = [
  { maxSkew: 3, topologyKey: HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway' },
  { maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' },
];

export interface PodTopologySpreadArgs {
  readonly defaultConstraints?: readonly TopologySpreadConstraint[];
  readonly defaultingType?: 'System' | 'List';
}

interface Constraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: readonly Requirement[] | undefined;
  readonly minDomains: number;
  readonly honorNodeAffinity: boolean;
  readonly honorNodeTaints: boolean;
  /** The namespace and selector as text: what a node's count of matching pods is remembered under. */
  readonly countKey: string;
}

function toConstraint(pod: Stored<Pod>, c: TopologySpreadConstraint, selector: readonly Requirement[] | undefined): Constraint {
  let reqs = selector;
  // matchLabelKeys: the pod's own values for these keys are ANDed into the selector.
  const labels = pod.metadata.labels ?? {};
  for (const key of c.matchLabelKeys ?? []) {
    if (key in labels) reqs = [...(reqs ?? []), { key, operator: 'In', values: [labels[key]!] }];
  }
  return {
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    selector: reqs,
    minDomains: c.minDomains ?? 1,
    honorNodeAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
    honorNodeTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
    countKey: `PodTopologySpread\u0000${pod.metadata.namespace ?? 'default'}\u0000${(reqs ?? []).map((r) => `${r.key}\u0001${r.operator}\u0001${r.values.join('\u0002')}`).join('\u0003')}`,
  };
}

const selectorOf = (s: LabelSelector | undefined): readonly Requirement[] | undefined => (s ? selectorRequirements(s) : undefined);

function matches(c: Constraint, labels: Readonly<Record<string, string>> | undefined): boolean {
  return c.selector !== undefined && matchesAll(c.selector, labels);
}

/**
 * Pods on a node in the namespace that the selector matches, not counting terminating ones
 * (countPodsMatchSelector). `namespace` is the scheduled pod's, the one in the constraint's countKey.
 */
function countMatching(node: NodeInfo, c: Constraint, namespace: string): number {
  if (c.selector === undefined) return 0;
  const known = node.rememberedCount(c.countKey);
  if (known !== undefined) return known;
  let n = 0;
  for (const p of node.pods) {
    const pod = p.pod;
    if (pod.metadata.deletionTimestamp || (pod.metadata.namespace ?? 'default') !== namespace) continue;
    if (matches(c, pod.metadata.labels)) n++;
  }
  node.rememberCount(c.countKey, n);
  return n;
}

/** Whether a node counts towards a constraint's domains (matchNodeInclusionPolicies). */
function included(c: Constraint, pod: PodInfo, node: Stored<Node>): boolean {
  if (c.honorNodeAffinity && !podMatchesNodeSelectorAndAffinity(pod, node)) return false;
  if (c.honorNodeTaints && firstUntolerated(node.spec?.taints, pod.pod.spec?.tolerations, ['NoSchedule', 'NoExecute'])) return false;
  return true;
}

const hasAllKeys = (node: Stored<Node>, constraints: readonly Constraint[]): boolean => {
  const labels = node.metadata.labels ?? {};
  return constraints.every((c) => c.topologyKey in labels);
};

/** Filter state: per constraint, matching pods per domain and the smallest count. */
class FilterState implements StateData {
  constructor(
    readonly constraints: readonly Constraint[],
    readonly counts: Map<string, number>[],
    public minMatch: number[],
  ) {}
  clone(): FilterState {
    return new FilterState(this.constraints, this.counts.map((m) => new Map(m)), [...this.minMatch]);
  }
  recomputeMin(): void {
    this.minMatch = this.constraints.map((c, i) => {
      const m = this.counts[i]!;
      if (m.size < c.minDomains) return 0;
      let min = Infinity;
      for (const v of m.values()) if (v < min) min = v;
      return min === Infinity ? 0 : min;
    });
  }
}

class ScoreState implements StateData {
  constructor(
    readonly constraints: readonly Constraint[],
    readonly ignored: ReadonlySet<string>,
    readonly pairCounts: Map<string, number>[],
    readonly weights: readonly number[],
  ) {}
  clone(): StateData {
    return this;
  }
}

const FILTER_KEY = new StateKey<FilterState>('PreFilterPodTopologySpread');
const SCORE_KEY = new StateKey<ScoreState>('PreScorePodTopologySpread');

/**
 * The selector of the pod's Services, ReplicationControllers, ReplicaSets and StatefulSets, ANDed
 * (helper.DefaultSelector): what the default constraints spread.
 */
function defaultSelector(pod: Stored<Pod>, handle: Handle): Requirement[] {
  const labels = pod.metadata.labels ?? {};
  const out: Requirement[] = [];
  // Every selector the defaults borrow is non-empty, so a pod without labels matches none.
  if (Object.keys(labels).length === 0) return out;
  const ns = pod.metadata.namespace ?? 'default';
  const mapSelects = (sel: Record<string, string> | undefined) => sel && Object.keys(sel).length > 0 && Object.entries(sel).every(([k, v]) => labels[k] === v);
  for (const kind of ['Service', 'ReplicationController']) {
    for (const o of handle.list<{ spec?: { selector?: Record<string, string> } }>(kind, ns)) {
      const sel = o.spec?.selector;
      if (mapSelects(sel)) for (const [key, v] of Object.entries(sel!)) out.push({ key, operator: 'In', values: [v] });
    }
  }
  for (const kind of ['ReplicaSet', 'StatefulSet']) {
    for (const o of handle.list<{ spec?: { selector?: LabelSelector } }>(kind, ns)) {
      const sel = o.spec?.selector;
      if (!sel) continue;
      const reqs = selectorRequirements(sel);
      if (reqs.length > 0 && matchesAll(reqs, labels)) out.push(...reqs);
    }
  }
  return out;
}

/**
 * PodTopologySpread: spread matching pods across topology domains. DoNotSchedule constraints
 * filter — a node is rejected when placing the pod there would make its domain exceed the
 * smallest domain by more than maxSkew; ScheduleAnyway constraints (and the cluster defaults,
 * for pods without constraints that belong to a Service or a ReplicaSet) score, preferring
 * domains with fewer matching pods.
 */
export function createPodTopologySpread(args: PodTopologySpreadArgs = {}, handle: Handle) {
  const systemDefaulted = (args.defaultingType ?? 'System') === 'System';
  const defaults = systemDefaulted ? SYSTEM_DEFAULT_CONSTRAINTS : (args.defaultConstraints ?? []);

  function constraintsFor(pod: PodInfo, action: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
    const own = pod.pod.spec?.topologySpreadConstraints ?? [];
    if (own.length > 0) return own.filter((c) => c.whenUnsatisfiable === action).map((c) => toConstraint(pod.pod, c, selectorOf(c.labelSelector)));
    const wanted = defaults.filter((c) => c.whenUnsatisfiable === action);
    if (wanted.length === 0) return [];
    const selector = defaultSelector(pod.pod, handle);
    if (selector.length === 0) return [];
    return wanted.map((c) => toConstraint(pod.pod, c, selector));
  }

  function addToCounts(s: FilterState, pod: PodInfo, other: PodInfo, node: NodeInfo, delta: number): void {
    if (!hasAllKeys(node.node, s.constraints) || other.namespace !== pod.namespace) return;
    s.constraints.forEach((c, i) => {
      if (!included(c, pod, node.node) || !matches(c, other.pod.metadata.labels)) return;
      const value = node.node.metadata.labels![c.topologyKey]!;
      const m = s.counts[i]!;
      m.set(value, (m.get(value) ?? 0) + delta);
    });
    s.recomputeMin();
  }

  return {
    name: 'PodTopologySpread',
    events: ['AssignedPod/Add', 'AssignedPod/Delete', 'AssignedPod/UpdatePodLabel', 'Node/Add', 'Node/Delete', 'Node/UpdateNodeLabel', 'Node/UpdateNodeTaint'],
    preFilter(state, pod) {
      const constraints = constraintsFor(pod, 'DoNotSchedule');
      if (constraints.length === 0) return SKIP;
      const counts = constraints.map(() => new Map<string, number>());
      for (const node of handle.snapshot.nodes) {
        if (!hasAllKeys(node.node, constraints)) continue;
        constraints.forEach((c, i) => {
          if (!included(c, pod, node.node)) return;
          const value = node.node.metadata.labels![c.topologyKey]!;
          const m = counts[i]!;
          m.set(value, (m.get(value) ?? 0) + countMatching(node, c, pod.namespace));
        });
      }
      const s = new FilterState(constraints, counts, []);
      s.recomputeMin();
      state.write(FILTER_KEY, s);
      return SUCCESS;
    },
    ...countingExtensions(FILTER_KEY, addToCounts),
    filter(state, pod, node) {
      const s = state.read(FILTER_KEY);
      if (!s) return SUCCESS;
      const labels = node.node.metadata.labels ?? {};
      for (let i = 0; i < s.constraints.length; i++) {
        const c = s.constraints[i]!;
        const value = labels[c.topologyKey];
        if (value === undefined) return REJECTED_LABEL;
        const self = matches(c, pod.pod.metadata.labels) ? 1 : 0;
        const skew = (s.counts[i]!.get(value) ?? 0) + self - s.minMatch[i]!;
        if (skew > c.maxSkew) return REJECTED;
      }
      return SUCCESS;
    },
    preScore(state: CycleState, pod, nodes) {
      const constraints = constraintsFor(pod, 'ScheduleAnyway');
      if (constraints.length === 0) return SKIP;
      const requireAll = (pod.pod.spec?.topologySpreadConstraints ?? []).length > 0 || !systemDefaulted;
      const ignored = new Set<string>();
      const pairCounts = constraints.map(() => new Map<string, number>());
      const sizes = constraints.map(() => 0);
      for (const node of nodes) {
        if (requireAll && !hasAllKeys(node.node, constraints)) {
          ignored.add(node.name);
          continue;
        }
        constraints.forEach((c, i) => {
          if (c.topologyKey === HOSTNAME) return;
          const value = node.node.metadata.labels?.[c.topologyKey];
          if (value === undefined || pairCounts[i]!.has(value)) return;
          pairCounts[i]!.set(value, 0);
          sizes[i]!++;
        });
      }
      const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? nodes.length - ignored.size : sizes[i]!) + 2));
      for (const node of handle.snapshot.nodes) {
        if (requireAll && !hasAllKeys(node.node, constraints)) continue;
        constraints.forEach((c, i) => {
          if (c.topologyKey === HOSTNAME || !included(c, pod, node.node)) return;
          const value = node.node.metadata.labels?.[c.topologyKey];
          const m = pairCounts[i]!;
          if (value === undefined || !m.has(value)) return;
          m.set(value, m.get(value)! + countMatching(node, c, pod.namespace));
        });
      }
      state.write(SCORE_KEY, new ScoreState(constraints, ignored, pairCounts, weights));
      return SUCCESS;
    },
    score(state, pod, node) {
      const s = state.read(SCORE_KEY)!;
      if (s.ignored.has(node.name)) return 0;
      let score = 0;
      for (let i = 0; i < s.constraints.length; i++) {
        const c = s.constraints[i]!;
        const value = node.node.metadata.labels?.[c.topologyKey];
        if (value === undefined) continue;
        const count = c.topologyKey === HOSTNAME ? countMatching(node, c, pod.namespace) : (s.pairCounts[i]!.get(value) ?? 0);
        // scoreForCount: more matching pods in the domain is worse; maxSkew − 1 evens out constraints.
        score += count * s.weights[i]! + (c.maxSkew - 1);
      }
      return Math.round(score);
    },
    normalizeScores(state, _pod, scores, nodes) {
      const s = state.read(SCORE_KEY)!;
      let min = Infinity;
      let max = 0;
      nodes.forEach((n, i) => {
        if (s.ignored.has(n.name)) return;
        min = Math.min(min, scores[i]!);
        max = Math.max(max, scores[i]!);
      });
      nodes.forEach((n, i) => {
        if (s.ignored.has(n.name)) scores[i] = 0;
        else if (max === 0) scores[i] = MAX_NODE_SCORE;
        else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
      });
    },
  } satisfies PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin;
}
