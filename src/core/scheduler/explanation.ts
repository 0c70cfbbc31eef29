import type { NodeStatus } from './framework';

/**
 * Why a pod went where it went, or why it is Pending: a record of one scheduling attempt,
 * as plain data for the headless API and the UI.
 */
export interface FilterRejection {
  readonly node: string;
  /** The filter plugin that rejected the node (the first to do so). */
  readonly plugin: string;
  readonly code: 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Error';
  readonly reasons: readonly string[];
}

export interface PluginScore {
  readonly plugin: string;
  readonly weight: number;
  /** What Score returned. */
  readonly raw: number;
  /** After NormalizeScore, 0–100. */
  readonly normalized: number;
  /** normalized × weight. */
  readonly weighted: number;
}

export interface NodeScore {
  readonly node: string;
  readonly scores: readonly PluginScore[];
  /** The sum of the weighted scores. */
  readonly total: number;
}

export interface PreemptionVictim {
  readonly namespace: string;
  readonly name: string;
  readonly priority: number;
}

export interface SchedulingExplanation {
  readonly pod: { readonly namespace: string; readonly name: string; readonly uid: string };
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** Virtual seconds since the simulation started. */
  readonly time: number;
  /** The profile (spec.schedulerName) that ran. */
  readonly profile: string;
  readonly outcome: 'Scheduled' | 'Unschedulable' | 'Error';
  /** The chosen node, when scheduled. */
  readonly node?: string;
  /** The FailedScheduling message, when not scheduled. */
  readonly message?: string;
  readonly nodesInCluster: number;
  /** How many feasible nodes the scheduler stopped at (percentageOfNodesToScore). */
  readonly feasibleNodesToFind: number;
  readonly nodesEvaluated: number;
  readonly feasibleNodes: number;
  /** A PreFilter that rejected the pod before any node was looked at. */
  readonly preFilterRejection?: { readonly plugin: string; readonly reasons: readonly string[] };
  /** Why nodes not named were not considered (e.g. a PreFilter narrowed the nodes). */
  readonly otherNodes?: { readonly plugin: string; readonly reasons: readonly string[] };
  readonly rejectedNodes: readonly FilterRejection[];
  /** Feasible nodes with each score plugin's raw, normalised and weighted score, best first. */
  readonly scoredNodes: readonly NodeScore[];
  /** Score plugins whose PreScore returned Skip for this pod. */
  readonly skippedScorePlugins: readonly string[];
  /** Why scoring did not run, e.g. only one node was feasible. */
  readonly scoringSkipped?: string;
  readonly preemption?: { readonly nominatedNode?: string; readonly victims: readonly PreemptionVictim[]; readonly message?: string };
}

/**
 * The compact form recorded during a cycle: arrays filled in the hot loop, turned into
 * objects only when someone asks.
 */
export class AttemptRecord {
  readonly rejectedNames: string[] = [];
  readonly rejectedStatuses: NodeStatus[] = [];
  /** The feasible nodes that were scored, in scoring order (names are read when explaining). */
  scoredNodes: readonly { readonly name: string }[] = [];
  scorePlugins: { name: string; weight: number }[] = [];
  raw: number[][] = [];
  normalized: number[][] = [];
  totals: number[] = [];
  skippedScorePlugins: string[] = [];
  scoringSkipped: string | undefined;
  outcome: SchedulingExplanation['outcome'] = 'Error';
  node: string | undefined;
  message: string | undefined;
  nodesInCluster = 0;
  feasibleNodesToFind = 0;
  feasibleNodes = 0;
  preFilterRejection: NodeStatus | undefined;
  otherNodes: NodeStatus | undefined;
  preemption: SchedulingExplanation['preemption'];

  constructor(
    readonly pod: SchedulingExplanation['pod'],
    readonly attempt: number,
    readonly timeMs: number,
    readonly profile: string,
  ) {}

  /** Scores packed once the attempt is over: raw per plugin, then normalised per plugin, then totals. */
  private packed: Float64Array | undefined;

  /** How many per-node entries the record holds: its share of the retention budget. */
  get size(): number {
    return this.rejectedNames.length + this.scoredNodes.length * (1 + 2 * this.scorePlugins.length);
  }

  /**
   * Move the scores into one typed array for keeping: its buffer lives outside the JavaScript
   * heap, so retained explanations cost the garbage collector nothing to move.
   */
  compact(): void {
    const n = this.scoredNodes.length;
    const k = this.scorePlugins.length;
    if (this.packed || n === 0) return;
    const buf = new Float64Array(n * (2 * k + 1));
    for (let j = 0; j < k; j++) {
      buf.set(this.raw[j]!, j * n);
      buf.set(this.normalized[j]!, (k + j) * n);
    }
    buf.set(this.totals, 2 * k * n);
    this.packed = buf;
    this.raw = [];
    this.normalized = [];
    this.totals = [];
  }

  private rawAt(plugin: number, node: number): number {
    return this.packed ? this.packed[plugin * this.scoredNodes.length + node]! : this.raw[plugin]![node]!;
  }

  private normalizedAt(plugin: number, node: number): number {
    return this.packed ? this.packed[(this.scorePlugins.length + plugin) * this.scoredNodes.length + node]! : this.normalized[plugin]![node]!;
  }

  private totalAt(node: number): number {
    return this.packed ? this.packed[2 * this.scorePlugins.length * this.scoredNodes.length + node]! : this.totals[node]!;
  }

  toExplanation(): SchedulingExplanation {
    const scored: NodeScore[] = this.scoredNodes.map(({ name: node }, i) => ({
      node,
      scores: this.scorePlugins.map((p, j) => ({
        plugin: p.name,
        weight: p.weight,
        raw: this.rawAt(j, i),
        normalized: this.normalizedAt(j, i),
        weighted: this.normalizedAt(j, i) * p.weight,
      })),
      total: this.totalAt(i),
    }));
    // Best first; the chosen node leads its ties.
    scored.sort((a, b) => b.total - a.total || (a.node === this.node ? -1 : b.node === this.node ? 1 : 0));
    return {
      pod: this.pod,
      attempt: this.attempt,
      time: this.timeMs / 1000,
      profile: this.profile,
      outcome: this.outcome,
      ...(this.node !== undefined ? { node: this.node } : {}),
      ...(this.message !== undefined ? { message: this.message } : {}),
      nodesInCluster: this.nodesInCluster,
      feasibleNodesToFind: this.feasibleNodesToFind,
      nodesEvaluated: this.rejectedNames.length + this.feasibleNodes,
      feasibleNodes: this.feasibleNodes,
      ...(this.preFilterRejection ? { preFilterRejection: { plugin: this.preFilterRejection.plugin, reasons: this.preFilterRejection.status.reasons } } : {}),
      ...(this.otherNodes ? { otherNodes: { plugin: this.otherNodes.plugin, reasons: this.otherNodes.status.reasons } } : {}),
      rejectedNodes: this.rejectedNames.map((node, i) => {
        const s = this.rejectedStatuses[i]!;
        return { node, plugin: s.plugin, code: s.status.code as FilterRejection['code'], reasons: s.status.reasons };
      }),
      scoredNodes: scored,
      skippedScorePlugins: this.skippedScorePlugins,
      ...(this.scoringSkipped ? { scoringSkipped: this.scoringSkipped } : {}),
      ...(this.preemption ? { preemption: this.preemption } : {}),
    };
  }
}

/** Explanations kept for the most recently attempted pods (one per pod: its last attempt)… */
export const EXPLANATIONS_KEPT = 1000;
/** …within a budget of recorded scores and rejections, so that big clusters do not hold hundreds of MB. */
export const EXPLANATION_ENTRIES_KEPT = 1_000_000;
