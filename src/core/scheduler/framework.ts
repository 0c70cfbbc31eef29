import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import type { ClusterEvent } from './cluster-events';
import type { NodeInfo, PodInfo } from './node-info';

/**
 * The scheduling framework's extension points (kube-scheduler pkg/scheduler/framework), one
 * small interface each. Plugins return statuses and never throw; the framework aggregates the
 * rejections into the `0/N nodes are available: …` message.
 */
export type StatusCode = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Wait' | 'Skip';

export interface Status {
  readonly code: StatusCode;
  /** The reason strings counted in the FailedScheduling message. */
  readonly reasons: readonly string[];
}

export const SUCCESS: Status = Object.freeze({ code: 'Success', reasons: Object.freeze([]) as readonly string[] });
export const SKIP: Status = Object.freeze({ code: 'Skip', reasons: Object.freeze([]) as readonly string[] });
export const unschedulable = (...reasons: string[]): Status => Object.freeze({ code: 'Unschedulable', reasons });
export const unresolvable = (...reasons: string[]): Status => Object.freeze({ code: 'UnschedulableAndUnresolvable', reasons });
export const errorStatus = (message: string): Status => Object.freeze({ code: 'Error', reasons: [message] });

/** Unschedulable or UnschedulableAndUnresolvable: the pod does not fit (Status.IsRejected). */
export const isRejected = (s: Status): boolean => s.code === 'Unschedulable' || s.code === 'UnschedulableAndUnresolvable';

/** The status message: the reasons joined by ", " (Status.Message). */
export const statusMessage = (s: Status): string => s.reasons.join(', ');

/** The highest score a plugin may give a node after normalisation (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100;

/** A typed slot in the cycle state, one per plugin that keeps state. */
export class StateKey<T> {
  private static next = 0;
  readonly id = StateKey.next++;
  constructor(readonly name: string) {}
  /** Only for typing: never read. */
  declare readonly _type?: T;
}

/** State a plugin keeps in the cycle state; cloned for preemption's what-if runs. */
export interface StateData {
  clone(): StateData;
}

/**
 * Data computed once per scheduling cycle and shared between a plugin's extension points (the
 * pod's request, computed once in PreFilter), plus the plugins whose Filter or Score is skipped
 * this cycle because their PreFilter or PreScore returned Skip.
 */
export class CycleState {
  private slots: (StateData | undefined)[] = [];
  readonly skipFilter = new Set<string>();
  readonly skipScore = new Set<string>();
  /** The profile's filters minus those skipped, worked out once after PreFilter. */
  filters: readonly FilterPlugin[] | undefined;

  read<T extends StateData>(key: StateKey<T>): T | undefined {
    return this.slots[key.id] as T | undefined;
  }

  write<T extends StateData>(key: StateKey<T>, value: T): void {
    this.slots[key.id] = value;
  }

  clone(): CycleState {
    const copy = new CycleState();
    copy.slots = this.slots.map((s) => s?.clone());
    for (const p of this.skipFilter) copy.skipFilter.add(p);
    for (const p of this.skipScore) copy.skipScore.add(p);
    copy.filters = this.filters;
    return copy;
  }
}

/** The read-only view of the cluster a plugin sees during a cycle (the scheduler's snapshot). */
export interface Snapshot {
  /** Every node, in the order the cache lists them (zones interleaved, as upstream's node tree). */
  readonly nodes: readonly NodeInfo[];
  get(nodeName: string): NodeInfo | undefined;
  /** Nodes that run at least one pod with affinity or anti-affinity terms. */
  readonly havePodsWithAffinity: readonly NodeInfo[];
  /** Nodes that run at least one pod with required anti-affinity terms. */
  readonly havePodsWithRequiredAntiAffinity: readonly NodeInfo[];
  /** How many nodes hold an image (ImageLocality's spread factor). */
  imageNodeCount(image: string): number;
}

/** What plugins may reach besides their arguments: the snapshot and the store's objects. */
export interface Handle {
  readonly snapshot: Snapshot;
  /** Read an object from the API server's store (listers upstream). */
  get<T>(kind: string, name: string, namespace?: string): Stored<T & { kind?: string }> | undefined;
  list<T>(kind: string, namespace?: string): Stored<T & { kind?: string }>[];
  /** Labels of a namespace, for namespaceSelector terms. */
  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined;
}

export interface Plugin {
  readonly name: string;
  /** Cluster events that may make a pod this plugin rejected schedulable (EventsToRegister). */
  readonly events?: readonly ClusterEvent[];
}

/** A PreFilter may narrow the nodes to look at (PreFilterResult.NodeNames). */
export interface PreFilterResult {
  readonly status: Status;
  readonly nodeNames?: ReadonlySet<string>;
}

export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo, handle: Handle): Status | PreFilterResult;
  /** Keep the PreFilter state right when a pod is added to or removed from a node in a what-if run. */
  addPod?(state: CycleState, pod: PodInfo, added: PodInfo, node: NodeInfo): Status;
  removePod?(state: CycleState, pod: PodInfo, removed: PodInfo, node: NodeInfo): Status;
}

/**
 * PreFilter extensions for a plugin whose state counts pods: `update` counts a pod in (+1) when a
 * what-if run adds it to a node, and out (−1) when it removes it.
 */
export function countingExtensions<T extends StateData>(
  key: StateKey<T>,
  update: (s: T, pod: PodInfo, other: PodInfo, node: NodeInfo, by: 1 | -1) => void,
): Required<Pick<PreFilterPlugin, 'addPod' | 'removePod'>> {
  const run = (by: 1 | -1) => (state: CycleState, pod: PodInfo, other: PodInfo, node: NodeInfo): Status => {
    const s = state.read(key);
    if (s) update(s, pod, other, node, by);
    return SUCCESS;
  };
  return { addPod: run(1), removePod: run(-1) };
}

export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): Status;
}

/** A node's status after the filters: which plugin rejected it, and why. */
export interface NodeStatus {
  readonly status: Status;
  readonly plugin: string;
}

/** The filter outcome of every node that was rejected, plus one status for nodes not named (NodeToStatus). */
export class NodeToStatus {
  readonly byNode = new Map<string, NodeStatus>();
  absent: NodeStatus | undefined;

  set(node: string, s: NodeStatus): void {
    this.byNode.set(node, s);
  }

  get(node: string): NodeStatus | undefined {
    return this.byNode.get(node) ?? this.absent;
  }
}

export interface PostFilterOutcome {
  readonly status: Status;
  /** The node the pod is nominated to after preemption; '' clears a nomination. */
  readonly nominatedNodeName?: string;
  /** The victims chosen, for explanations. */
  readonly victims?: readonly Stored<Pod>[];
}

export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: PodInfo, statuses: NodeToStatus, handle: Handle): PostFilterOutcome;
}

export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], handle: Handle): Status;
}

export interface ScorePlugin extends Plugin {
  /** A raw score for a node; NormalizeScore (if any) maps the raw scores to 0…100. */
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  /** Rewrites `scores` (one per node of `nodes`, in order) in place. */
  normalizeScores?(state: CycleState, pod: PodInfo, scores: number[], nodes: readonly NodeInfo[]): void;
}

export interface ReservePlugin extends Plugin {
  reserve(state: CycleState, pod: PodInfo, nodeName: string, handle: Handle): Status;
  unreserve(state: CycleState, pod: PodInfo, nodeName: string, handle: Handle): void;
}

export interface PermitPlugin extends Plugin {
  permit(state: CycleState, pod: PodInfo, nodeName: string): Status;
}

/**
 * What the binding cycle may write to the API server: the pods/binding subresource, and patches
 * of other objects (a PersistentVolume's claimRef, a claim's selected-node annotation). Failures
 * come back as Error statuses.
 */
export interface ApiWriter {
  bind(pod: Stored<Pod>, nodeName: string): Status;
  patch<T>(kind: string, name: string, namespace: string | undefined, mutate: (draft: T) => void): Status;
}

export interface PreBindPlugin extends Plugin {
  preBind(state: CycleState, pod: PodInfo, nodeName: string, api: ApiWriter): Status;
}

export interface BindPlugin extends Plugin {
  bind(state: CycleState, pod: PodInfo, nodeName: string, api: ApiWriter): Status;
}

/** A PreEnqueue plugin keeps a pod out of the active queue until it may be tried. */
export interface PreEnqueuePlugin extends Plugin {
  preEnqueue(pod: Stored<Pod>): Status;
}

export interface QueueSortPlugin extends Plugin {
  less(a: QueuedPodView, b: QueuedPodView): boolean;
}

/** What the queue-sort plugin compares. */
export interface QueuedPodView {
  readonly priority: number;
  /** When the pod was last added to the active queue. */
  readonly timestamp: number;
}

const has = <K extends string>(p: Plugin, method: K): boolean => typeof (p as unknown as Record<K, unknown>)[method] === 'function';

export const isPreFilter = (p: Plugin): p is PreFilterPlugin => has(p, 'preFilter');
export const isFilter = (p: Plugin): p is FilterPlugin => has(p, 'filter');
export const isPostFilter = (p: Plugin): p is PostFilterPlugin => has(p, 'postFilter');
export const isPreScore = (p: Plugin): p is PreScorePlugin => has(p, 'preScore');
export const isScore = (p: Plugin): p is ScorePlugin => has(p, 'score');
export const isReserve = (p: Plugin): p is ReservePlugin => has(p, 'reserve');
export const isPermit = (p: Plugin): p is PermitPlugin => has(p, 'permit');
export const isPreBind = (p: Plugin): p is PreBindPlugin => has(p, 'preBind');
export const isBind = (p: Plugin): p is BindPlugin => has(p, 'bind');
export const isPreEnqueue = (p: Plugin): p is PreEnqueuePlugin => has(p, 'preEnqueue');
export const isQueueSort = (p: Plugin): p is QueueSortPlugin => has(p, 'less');

/** A PostBind plugin learns that a pod was bound (informational; none of the default plugins is one). */
export interface PostBindPlugin extends Plugin {
  postBind(state: CycleState, pod: PodInfo, nodeName: string): void;
}
export const isPostBind = (p: Plugin): p is PostBindPlugin => has(p, 'postBind');

/** The extension points a profile configures, in the order a pod meets them. */
export const EXTENSION_POINT_GUARDS = {
  preEnqueue: isPreEnqueue,
  queueSort: isQueueSort,
  preFilter: isPreFilter,
  filter: isFilter,
  postFilter: isPostFilter,
  preScore: isPreScore,
  score: isScore,
  reserve: isReserve,
  permit: isPermit,
  preBind: isPreBind,
  bind: isBind,
  postBind: isPostBind,
} as const;

export type ExtensionPoint = keyof typeof EXTENSION_POINT_GUARDS;

