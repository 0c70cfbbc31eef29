import {
  type CycleState,
  type FilterPlugin,
  type NodeStatus,
  type PermitPlugin,
  type PostFilterPlugin,
  type PreBindPlugin,
  type PreEnqueuePlugin,
  type PreFilterPlugin,
  type PreScorePlugin,
  type QueueSortPlugin,
  type ReservePlugin,
  type ScorePlugin,
  type BindPlugin,
  type PostBindPlugin,
  type Status,
  SUCCESS,
} from './framework';
import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';

/** A score plugin with its weight in the profile. */
export interface WeightedScorePlugin {
  readonly plugin: ScorePlugin;
  readonly weight: number;
}

/** The plugins a profile runs at each extension point, in order. */
export interface ProfilePlugins {
  readonly queueSort: QueueSortPlugin;
  readonly preEnqueue: readonly PreEnqueuePlugin[];
  readonly preFilter: readonly PreFilterPlugin[];
  readonly filter: readonly FilterPlugin[];
  readonly postFilter: readonly PostFilterPlugin[];
  readonly preScore: readonly PreScorePlugin[];
  readonly score: readonly WeightedScorePlugin[];
  readonly reserve: readonly ReservePlugin[];
  readonly permit: readonly PermitPlugin[];
  readonly preBind: readonly PreBindPlugin[];
  readonly bind: readonly BindPlugin[];
  readonly postBind: readonly PostBindPlugin[];
}

/** Nominated pods by node, for filters that must leave room for them (the PodNominator). */
export interface Nominator {
  nominatedPodsForNode(nodeName: string): readonly PodInfo[];
  /** Whether any pod is nominated anywhere: when none is, filters run once per node. */
  readonly hasNominatedPods: boolean;
}

/**
 * One profile's framework (frameworkImpl): runs the extension points of its plugins, in order,
 * turning their statuses into the node's verdict. A filter failure stops at the first plugin
 * that rejects the node, as upstream does.
 */
export class FrameworkRuntime {
  constructor(
    readonly profileName: string,
    readonly plugins: ProfilePlugins,
    /** The profile's percentageOfNodesToScore; undefined means the global setting. */
    readonly percentageOfNodesToScore: number | undefined,
    private readonly nominator: Nominator,
  ) {}

  /** RunFilterPlugins: the first rejection wins. */
  runFilters(state: CycleState, pod: PodInfo, node: NodeInfo): NodeStatus | undefined {
    const filters = state.filters ?? this.activeFilters(state);
    for (let i = 0; i < filters.length; i++) {
      const f = filters[i]!;
      const status = f.filter(state, pod, node);
      if (status.code !== 'Success') return { status, plugin: f.name };
    }
    return undefined;
  }

  /** The filters that run this cycle: those whose PreFilter did not return Skip. */
  activeFilters(state: CycleState): readonly FilterPlugin[] {
    return (state.filters = state.skipFilter.size === 0 ? this.plugins.filter : this.plugins.filter.filter((f) => !state.skipFilter.has(f.name)));
  }

  /**
   * RunFilterPluginsWithNominatedPods: when pods of equal or higher priority are nominated to the
   * node, the filters run twice — once as if those pods were already there (so the room they were
   * promised is kept), then without them (affinity to them must not count) — and both must pass.
   */
  runFiltersWithNominatedPods(state: CycleState, pod: PodInfo, node: NodeInfo): NodeStatus | undefined {
    if (!this.nominator.hasNominatedPods) return this.runFilters(state, pod, node);
    const nominated = this.nominator.nominatedPodsForNode(node.name);
    if (nominated.length === 0) return this.runFilters(state, pod, node);
    let withNominated: NodeInfo | undefined;
    let stateWith: CycleState | undefined;
    for (const np of nominated) {
      if (np.uid === pod.uid || np.priority < pod.priority) continue;
      if (!withNominated) {
        withNominated = node.clone();
        stateWith = state.clone();
      }
      withNominated.addPod(np);
      const s = this.runPreFilterAddPod(stateWith!, pod, np, withNominated);
      if (s.code !== 'Success') return { status: s, plugin: 'PreFilterExtensions' };
    }
    if (!withNominated) return this.runFilters(state, pod, node);
    const first = this.runFilters(stateWith!, pod, withNominated);
    if (first) return first;
    return this.runFilters(state, pod, node);
  }

  runPreFilterAddPod(state: CycleState, pod: PodInfo, added: PodInfo, node: NodeInfo): Status {
    return this.runPreFilterExtension('addPod', state, pod, added, node);
  }

  runPreFilterRemovePod(state: CycleState, pod: PodInfo, removed: PodInfo, node: NodeInfo): Status {
    return this.runPreFilterExtension('removePod', state, pod, removed, node);
  }

  /** RunPreFilterExtensionAddPod / RemovePod: keep PreFilter state right in a what-if run. */
  private runPreFilterExtension(which: 'addPod' | 'removePod', state: CycleState, pod: PodInfo, other: PodInfo, node: NodeInfo): Status {
    for (const p of this.plugins.preFilter) {
      const extension = p[which];
      if (!extension || state.skipFilter.has(p.name)) continue;
      const s = extension.call(p, state, pod, other, node);
      if (s.code !== 'Success') return s;
    }
    return SUCCESS;
  }
}
