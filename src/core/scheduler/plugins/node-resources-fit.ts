import { type FilterPlugin, type ScorePlugin, type Status, SUCCESS, unresolvable, unschedulable } from '../framework';
import type { NodeInfo } from '../node-info';
import type { PodInfo } from '../pod-info';
import { type ResourceSpec, resourceScorer, type ScoringStrategy } from '../resource-allocation';

export const ERR_REASON_TOO_MANY_PODS = 'Too many pods';
export const insufficient = (resource: string): string => `Insufficient ${resource}`;

/** NodeResourcesFitArgs: resources to ignore and the scoring strategy. */
export interface NodeResourcesFitArgs {
  readonly ignoredResources?: readonly string[];
  readonly ignoredResourceGroups?: readonly string[];
  readonly scoringStrategy?: ScoringStrategy;
}

/** The default scoring strategy: LeastAllocated over cpu and memory, weight 1 each. */
export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

/** Extended resources are not in the kubernetes.io domain (v1helper.IsExtendedResourceName). */
const isExtended = (name: string): boolean => name.includes('/') && !name.includes('kubernetes.io/');

/** What fitsRequest found so far: reasons, and whether some request exceeds the whole node. */
interface Shortfall {
  reasons: string[] | undefined;
  unresolvable: boolean;
}

function check(out: Shortfall, name: string, want: number, allocatable: number, inUse: number): void {
  if (want > 0 && want > allocatable - inUse) {
    (out.reasons ??= []).push(insufficient(name));
    // More than the whole node has: no preemption can help (InsufficientResource.Unresolvable).
    if (want > allocatable) out.unresolvable = true;
  }
}

/** Whether the node has room for the pod: each requested resource, and one more pod. */
export function fitsRequest(pod: PodInfo, node: NodeInfo, ignored: ReadonlySet<string>, ignoredGroups: ReadonlySet<string>): Status {
  const req = pod.requests;
  const alloc = node.allocatable;
  const used = node.requested;
  const out: Shortfall = { reasons: undefined, unresolvable: false };
  if (node.pods.length + 1 > alloc.allowedPodNumber) out.reasons = [ERR_REASON_TOO_MANY_PODS];
  check(out, 'cpu', req.milliCPU, alloc.milliCPU, used.milliCPU);
  check(out, 'memory', req.memory, alloc.memory, used.memory);
  check(out, 'ephemeral-storage', req.ephemeralStorage, alloc.ephemeralStorage, used.ephemeralStorage);
  if (req.scalar.size > 0) {
    // Go ranges over a map in random order; Kubelab reports scalar resources in name order.
    for (const name of [...req.scalar.keys()].sort()) {
      if (isExtended(name) && (ignored.has(name) || ignoredGroups.has(name.split('/')[0]!))) continue;
      check(out, name, req.scalar.get(name)!, alloc.scalar.get(name) ?? 0, used.scalar.get(name) ?? 0);
    }
  }
  if (!out.reasons) return SUCCESS;
  return out.unresolvable ? unresolvable(...out.reasons) : unschedulable(...out.reasons);
}

/**
 * NodeResourcesFit: the node must have room for the pod's requests — cpu, memory,
 * ephemeral-storage, one more pod, and every extended resource such as `nvidia.com/gpu` or
 * `nvidia.com/mig-1g.5gb` — counted against allocatable minus what its pods already request.
 * The pod's request (max of any init container vs the sum of the app containers and sidecars,
 * plus overhead) is computed once per pod, in its PodInfo, where upstream's PreFilter computes it
 * once per cycle. Scoring follows the strategy: LeastAllocated spreads,
 * MostAllocated packs, RequestedToCapacityRatio follows a shape.
 */
export function createNodeResourcesFit(args: NodeResourcesFitArgs = {}) {
  const ignored = new Set(args.ignoredResources ?? []);
  const ignoredGroups = new Set(args.ignoredResourceGroups ?? []);
  const strategy: ScoringStrategy = args.scoringStrategy ?? { type: 'LeastAllocated', resources: DEFAULT_RESOURCES };
  const scorer = resourceScorer(strategy, false);
  return {
    name: 'NodeResourcesFit',
    events: ['Node/Add', 'Node/UpdateNodeAllocatable', 'AssignedPod/Delete', 'AssignedPod/UpdatePodScaleDown'],
    filter(_state, pod, node) {
      return fitsRequest(pod, node, ignored, ignoredGroups);
    },
    score(_state, pod, node) {
      return scorer(pod, node);
    },
  } satisfies FilterPlugin & ScorePlugin;
}
