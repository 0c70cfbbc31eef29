import type { Pod } from 'kubernetes-types/core/v1';
import { podRequests, type ResourceAmounts } from '../../api/pod-resources';
import type { Stored } from '../../api/types';
import { type CycleState, type FilterPlugin, MAX_NODE_SCORE, type PreFilterPlugin, type ScorePlugin, SUCCESS, unschedulable } from '../framework';
import type { NodeInfo } from '../node-info';

const STATE_KEY = 'PreFilterNodeResourcesFit';

/** Requests the scorer assumes for containers that set none (DefaultMilliCPURequest, DefaultMemoryRequest). */
const DEFAULT_MILLI_CPU = 100;
const DEFAULT_MEMORY = 200 * 1024 * 1024;

function requestsOf(state: CycleState, pod: Stored<Pod>): ResourceAmounts {
  return state.read<ResourceAmounts>(STATE_KEY) ?? podRequests(pod);
}

/** cpu, memory and ephemeral-storage first, then extended resources in name order, as kubectl users read them. */
const NATIVE_ORDER = ['cpu', 'memory', 'ephemeral-storage'];

/**
 * Does the node have room for the pod's requests? Pods count against `pods`; every requested
 * resource, extended ones such as nvidia.com/gpu included, must fit in allocatable minus what
 * the node's pods already request.
 */
export const NodeResourcesFit = {
  name: 'NodeResourcesFit',
  preFilter(state, pod) {
    state.write(STATE_KEY, podRequests(pod));
    return SUCCESS;
  },
  filter(state, pod, node) {
    const req = requestsOf(state, pod);
    const reasons: string[] = [];
    if (node.pods.size + 1 > (node.allocatable.pods ?? 0)) reasons.push('Too many pods');
    const names = Object.keys(req).filter((r) => req[r]! > 0);
    names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const r of names) {
      const free = (node.allocatable[r] ?? 0) - (node.requested[r] ?? 0);
      if (req[r]! > free) reasons.push(`Insufficient ${r}`);
    }
    return reasons.length ? unschedulable(...reasons) : SUCCESS;
  },
  /** LeastAllocated (the default scoring strategy): prefer nodes with more free cpu and memory. */
  score(state, pod, node) {
    const req = requestsOf(state, pod);
    let total = 0;
    for (const [r, fallback] of [
      ['cpu', DEFAULT_MILLI_CPU],
      ['memory', DEFAULT_MEMORY],
    ] as const) {
      const alloc = node.allocatable[r] ?? 0;
      if (alloc === 0) continue;
      const requested = nonZero(node, r, fallback) + (req[r] || fallback);
      total += requested > alloc ? 0 : Math.floor(((alloc - requested) * MAX_NODE_SCORE) / alloc);
    }
    return Math.floor(total / 2);
  },
} satisfies PreFilterPlugin & FilterPlugin & ScorePlugin;

function rank(resource: string): number {
  const i = NATIVE_ORDER.indexOf(resource);
  return i < 0 ? NATIVE_ORDER.length : i;
}

/** What the node's pods request, counting pods without a request at the default amount. */
function nonZero(node: NodeInfo, resource: 'cpu' | 'memory', fallback: number): number {
  let total = 0;
  for (const { requests } of node.pods.values()) total += requests[resource] || fallback;
  return total;
}
