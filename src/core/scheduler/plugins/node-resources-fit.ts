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

/** The reasons found so far by fitsRequest, and whether a request exceeds the whole node; reused, as fitsRequest runs for every node. */
let reasons: string[] = [];
let beyondNode = false;

function check(name: string, want: number, allocatable: number, inUse: number): void {
  if (want > 0 && want > allocatable - inUse) {
    reasons.push(insufficient(name));
    // More than the whole node has: no preemption can help (InsufficientResource.Unresolvable).
    if (want > allocatable) beyondNode = true;
  }
}

/** Whether the node has room for the pod: each requested resource, and one more pod. */
export function fitsRequest(pod: PodInfo, node: NodeInfo, ignored: ReadonlySet<string>, ignoredGroups: ReadonlySet<string>): Status {
  const req = pod.requests;
  const alloc = node.allocatable;
  const used = node.requested;
  const tooMany = node.pods.length + 1 > alloc.allowedPodNumber;
  const fits =
    !tooMany &&
    (req.milliCPU === 0 || req.milliCPU <= alloc.milliCPU - used.milliCPU) &&
    (req.memory === 0 || req.memory <= alloc.memory - used.memory) &&
    (req.ephemeralStorage === 0 || req.ephemeralStorage <= alloc.ephemeralStorage - used.ephemeralStorage) &&
    req.scalar.size === 0;
  if (fits) return SUCCESS;
  reasons = tooMany ? [ERR_REASON_TOO_MANY_PODS] : [];
  beyondNode = false;
  check('cpu', req.milliCPU, alloc.milliCPU, used.milliCPU);
  check('memory', req.memory, alloc.memory, used.memory);
  check('ephemeral-storage', req.ephemeralStorage, alloc.ephemeralStorage, used.ephemeralStorage);
  // Go ranges over a map in random order; Kubelab reports scalar resources in name order.
  for (const name of pod.sortedScalarNames) {
    if (isExtended(name) && (ignored.has(name) || ignoredGroups.has(name.split('/')[0]!))) continue;
    check(name, req.scalar.get(name)!, alloc.scalar.get(name) ?? 0, used.scalar.get(name) ?? 0);
  }
  if (reasons.length === 0) return SUCCESS;
  return beyondNode ? unresolvable(...reasons) : unschedulable(...reasons);
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
