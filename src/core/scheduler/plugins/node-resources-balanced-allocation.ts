import { type PreScorePlugin, type ScorePlugin, SKIP, SUCCESS } from '../framework';
import { balancedScorer, type ResourceSpec } from '../resource-allocation';
import { DEFAULT_RESOURCES } from './node-resources-fit';

export interface NodeResourcesBalancedAllocationArgs {
  readonly resources?: readonly ResourceSpec[];
}

/**
 * NodeResourcesBalancedAllocation prefers nodes whose cpu and memory would be used in even
 * proportion with the pod on them. A pod that requests none of the resources is not scored
 * (PreScore returns Skip for best-effort pods).
 */
export function createNodeResourcesBalancedAllocation(args: NodeResourcesBalancedAllocationArgs = {}) {
  const resources = args.resources ?? DEFAULT_RESOURCES;
  const scorer = balancedScorer(resources);
  return {
    name: 'NodeResourcesBalancedAllocation',
    events: ['Node/Add', 'Node/UpdateNodeAllocatable', 'AssignedPod/Delete'],
    preScore(_state, pod) {
      return resources.some((r) => pod.requests.get(r.name) > 0) ? SUCCESS : SKIP;
    },
    score(_state, pod, node) {
      return scorer(pod, node);
    },
  } satisfies PreScorePlugin & ScorePlugin;
}
