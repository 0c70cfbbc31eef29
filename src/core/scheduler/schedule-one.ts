import type { Rng } from '../engine/rng';
import type { SchedulerCache } from './cache';
import type { AttemptRecord } from './explanation';
import { ERR_NO_NODES_AVAILABLE } from './fit-error';
import { type CycleState, type Handle, isRejected, type NodeStatus, NodeToStatus, statusMessage, unresolvable } from './framework';
import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import type { FrameworkRuntime } from './runtime';

/** Below this many nodes every node is examined; above, the scheduler stops after finding this many at least (minFeasibleNodesToFind). */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** The adaptive percentage never drops below this (minFeasibleNodesPercentageToFind). */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * How many feasible nodes the scheduler looks for before it stops filtering and scores what it
 * has (numFeasibleNodesToFind): all nodes below 100; otherwise percentageOfNodesToScore of them
 * — adaptive when 0: 50% − nodes/125, at least 5% — and never fewer than 100.
 */
export function numFeasibleNodesToFind(percentage: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = percentage;
  if (pct === 0) pct = Math.max(50 - Math.trunc(numAllNodes / 125), MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
  const n = Math.trunc((numAllNodes * pct) / 100);
  return Math.max(n, MIN_FEASIBLE_NODES_TO_FIND);
}

/** Why no node fits (framework.Diagnosis). */
export interface Diagnosis {
  readonly statuses: NodeToStatus;
  /** The plugins that rejected the pod somewhere: only their events will requeue it. */
  readonly unschedulablePlugins: Set<string>;
  preFilterMsg: string;
}

export type ScheduleResult =
  | { readonly kind: 'scheduled'; readonly node: string }
  | { readonly kind: 'unschedulable'; readonly diagnosis: Diagnosis; readonly numAllNodes: number; readonly message?: string }
  | { readonly kind: 'error'; readonly message: string };

/**
 * The scheduling algorithm for one pod (schedulePod): PreFilter, Filter over the nodes
 * (starting where the last cycle stopped, stopping once enough feasible nodes are found),
 * PreScore, Score and NormalizeScore, the weighted sum, and a random pick among the best.
 * Every step is written into the attempt record for explanations.
 */
export class SchedulingAlgorithm {
  /** Where the next cycle starts filtering, so every node gets its turn (nextStartNodeIndex). */
  nextStartNodeIndex = 0;
  percentageOfNodesToScore = 0;

  constructor(
    private readonly cache: SchedulerCache,
    private readonly rng: Rng,
    private readonly handle: Handle,
  ) {}

  schedulePod(fw: FrameworkRuntime, state: CycleState, pod: PodInfo, record: AttemptRecord): ScheduleResult {
    const allNodes = this.cache.nodes;
    record.nodesInCluster = allNodes.length;
    const diagnosis: Diagnosis = { statuses: new NodeToStatus(), unschedulablePlugins: new Set(), preFilterMsg: '' };
    if (allNodes.length === 0) {
      diagnosis.statuses.absent = { status: unresolvable(ERR_NO_NODES_AVAILABLE), plugin: '' };
      return { kind: 'unschedulable', diagnosis, numAllNodes: 0, message: ERR_NO_NODES_AVAILABLE };
    }

    // PreFilter: each plugin may reject the pod outright, skip its Filter, or narrow the nodes.
    let narrowed: Set<string> | undefined;
    const narrowedBy: string[] = [];
    for (const p of fw.plugins.preFilter) {
      const r = p.preFilter(state, pod, this.handle);
      const status = 'status' in r ? r.status : r;
      if (status.code === 'Skip') {
        state.skipFilter.add(p.name);
        continue;
      }
      if (status.code === 'Error') return { kind: 'error', message: statusMessage(status) };
      if (isRejected(status)) {
        const ns: NodeStatus = { status, plugin: p.name };
        diagnosis.statuses.absent = ns;
        diagnosis.preFilterMsg = statusMessage(status);
        diagnosis.unschedulablePlugins.add(p.name);
        record.preFilterRejection = ns;
        return { kind: 'unschedulable', diagnosis, numAllNodes: allNodes.length };
      }
      if ('nodeNames' in r && r.nodeNames) {
        narrowedBy.push(p.name);
        narrowed = narrowed ? new Set([...narrowed].filter((n) => r.nodeNames!.has(n))) : new Set(r.nodeNames);
      }
    }
    if (narrowed && narrowed.size === 0) {
      const ns: NodeStatus = { status: unresolvable(`node(s) didn't satisfy plugin(s) [${narrowedBy.join(' ')}] simultaneously`), plugin: narrowedBy[0]! };
      diagnosis.statuses.absent = ns;
      diagnosis.preFilterMsg = statusMessage(ns.status);
      for (const n of narrowedBy) diagnosis.unschedulablePlugins.add(n);
      record.preFilterRejection = ns;
      return { kind: 'unschedulable', diagnosis, numAllNodes: allNodes.length };
    }

    // A node nominated by an earlier preemption is tried first: it is likely the only one that fits.
    const nominated = pod.pod.status?.nominatedNodeName;
    const nominatedNode = nominated ? this.cache.get(nominated) : undefined;
    let feasible: NodeInfo[] = [];
    if (nominatedNode) {
      const s = fw.runFiltersWithNominatedPods(state, pod, nominatedNode);
      if (!s) feasible = [nominatedNode];
    }

    if (feasible.length === 0) {
      let nodes = allNodes;
      if (narrowed) {
        nodes = allNodes.filter((n) => narrowed!.has(n.name));
        diagnosis.statuses.absent = { status: unresolvable(`node(s) didn't satisfy plugin(s) [${narrowedBy.join(' ')}]`), plugin: narrowedBy[0]! };
        record.otherNodes = diagnosis.statuses.absent;
      }
      const found = this.findNodesThatPassFilters(fw, state, pod, nodes, diagnosis, record);
      if (typeof found === 'string') return { kind: 'error', message: found };
      feasible = found;
      this.nextStartNodeIndex = (this.nextStartNodeIndex + feasible.length + diagnosis.statuses.byNode.size) % allNodes.length;
    }
    record.feasibleNodes = feasible.length;
    if (feasible.length === 0) return { kind: 'unschedulable', diagnosis, numAllNodes: allNodes.length };
    if (feasible.length === 1) {
      record.scoringSkipped = 'only one node passed the filters';
      return { kind: 'scheduled', node: feasible[0]!.name };
    }
    const error = this.prioritize(fw, state, pod, feasible, record);
    if (error) return { kind: 'error', message: error };
    return { kind: 'scheduled', node: this.selectHost(record) };
  }

  private findNodesThatPassFilters(fw: FrameworkRuntime, state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], diagnosis: Diagnosis, record: AttemptRecord): NodeInfo[] | string {
    const n = nodes.length;
    let toFind = numFeasibleNodesToFind(fw.percentageOfNodesToScore ?? this.percentageOfNodesToScore, n);
    if (fw.plugins.score.length === 0) toFind = 1;
    record.feasibleNodesToFind = toFind;
    const feasible: NodeInfo[] = [];
    const start = this.nextStartNodeIndex % n;
    for (let i = 0; i < n; i++) {
      const node = nodes[(start + i) % n]!;
      const s = fw.runFiltersWithNominatedPods(state, pod, node);
      if (!s) {
        feasible.push(node);
        if (feasible.length >= toFind) break;
        continue;
      }
      if (s.status.code === 'Error') return statusMessage(s.status);
      diagnosis.statuses.set(node.name, s);
      diagnosis.unschedulablePlugins.add(s.plugin);
      record.rejectedNames.push(node.name);
      record.rejectedStatuses.push(s);
    }
    return feasible;
  }

  /** PreScore, Score, NormalizeScore and the weighted sum, into the record. Returns an error message, if any. */
  private prioritize(fw: FrameworkRuntime, state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], record: AttemptRecord): string | undefined {
    for (const p of fw.plugins.preScore) {
      const s = p.preScore(state, pod, nodes, this.handle);
      if (s.code === 'Skip') state.skipScore.add(p.name);
      else if (s.code !== 'Success') return statusMessage(s);
    }
    const n = nodes.length;
    // Plain arrays: small typed arrays get off-heap buffers, which cost far more to allocate and collect.
    const totals: number[] = new Array<number>(n).fill(0);
    record.scoredNodes = nodes;
    for (const { plugin, weight } of fw.plugins.score) {
      if (state.skipScore.has(plugin.name)) {
        record.skippedScorePlugins.push(plugin.name);
        continue;
      }
      const raw: number[] = new Array<number>(n);
      for (let i = 0; i < n; i++) raw[i] = plugin.score(state, pod, nodes[i]!);
      // Without NormalizeScore the raw scores are already on the 0–100 scale.
      const normalized = plugin.normalizeScores ? raw.slice() : raw;
      plugin.normalizeScores?.(state, pod, normalized, nodes);
      for (let i = 0; i < n; i++) totals[i] = totals[i]! + normalized[i]! * weight;
      record.scorePlugins.push({ name: plugin.name, weight });
      record.raw.push(raw);
      record.normalized.push(normalized);
    }
    record.totals = totals;
    return undefined;
  }

  /** selectHost: the highest total wins; ties are broken at random (reservoir sampling). */
  private selectHost(record: AttemptRecord): string {
    const totals = record.totals;
    let best = -Infinity;
    let chosen = 0;
    let ties = 0;
    for (let i = 0; i < totals.length; i++) {
      const t = totals[i]!;
      if (t > best) {
        best = t;
        chosen = i;
        ties = 1;
      } else if (t === best) {
        ties++;
        if (this.rng.int(ties) === 0) chosen = i;
      }
    }
    return record.scoredNodes[chosen]!.name;
  }
}
