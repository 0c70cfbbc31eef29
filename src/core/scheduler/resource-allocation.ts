import { MAX_NODE_SCORE } from './framework';
import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import { isScalarResourceName } from './resource';

export interface ResourceSpec {
  readonly name: string;
  readonly weight: number;
}

/** A point of RequestedToCapacityRatio's shape: utilisation 0–100 → score 0–10. */
export interface UtilizationShapePoint {
  readonly utilization: number;
  readonly score: number;
}

export type ScoringStrategyType = 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio';

export interface ScoringStrategy {
  readonly type: ScoringStrategyType;
  readonly resources: readonly ResourceSpec[];
  readonly requestedToCapacityRatio?: { readonly shape: readonly UtilizationShapePoint[] };
}

/** RequestedToCapacityRatio shape scores go up to 10 and are scaled to 100 (MaxCustomPriorityScore). */
const MAX_CUSTOM_PRIORITY_SCORE = 10;
const MAX_UTILIZATION = 100;

/**
 * What a node would have allocated of one resource with the pod on it, and its allocatable
 * (resourceAllocationScorer.calculateResourceAllocatableRequest). With `useRequested` false the
 * scorer counts cpu and memory at their non-zero defaults; an extended resource the pod does
 * not request is left out of the score.
 */
function allocatableAndRequested(pod: PodInfo, node: NodeInfo, resource: string, useRequested: boolean): [number, number] {
  switch (resource) {
    case 'cpu':
      return [node.allocatable.milliCPU, useRequested ? node.requested.milliCPU + pod.requests.milliCPU : node.nonZeroMilliCPU + pod.nonZeroMilliCPU];
    case 'memory':
      return [node.allocatable.memory, useRequested ? node.requested.memory + pod.requests.memory : node.nonZeroMemory + pod.nonZeroMemory];
    case 'ephemeral-storage':
      return [node.allocatable.ephemeralStorage, node.requested.ephemeralStorage + pod.requests.ephemeralStorage];
    default: {
      const want = pod.requests.scalar.get(resource) ?? 0;
      if (want === 0 && isScalarResourceName(resource)) return [0, 0];
      const alloc = node.allocatable.scalar.get(resource);
      return alloc === undefined ? [0, 0] : [alloc, (node.requested.scalar.get(resource) ?? 0) + want];
    }
  }
}

/** leastRequestedScore: the free fraction, 0 when over capacity. */
function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** mostRequestedScore: the used fraction, capped at 100. */
function mostRequested(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  return Math.trunc((Math.min(requested, capacity) * MAX_NODE_SCORE) / capacity);
}

/** helper.BuildBrokenLinearFunction over the shape, scores already scaled to 0–100. */
function brokenLinear(shape: readonly UtilizationShapePoint[]): (p: number) => number {
  const points = shape.map((s) => ({ utilization: s.utilization, score: s.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE) }));
  return (p) => {
    for (let i = 0; i < points.length; i++) {
      const pt = points[i]!;
      if (p <= pt.utilization) {
        if (i === 0) return pt.score;
        const prev = points[i - 1]!;
        return prev.score + Math.trunc(((pt.score - prev.score) * (p - prev.utilization)) / (pt.utilization - prev.utilization));
      }
    }
    return points[points.length - 1]!.score;
  };
}

/** A node's score under a scoring strategy, as NodeResourcesFit computes it. */
export function resourceScorer(strategy: ScoringStrategy, useRequested: boolean): (pod: PodInfo, node: NodeInfo) => number {
  const resources = strategy.resources;
  if (strategy.type === 'RequestedToCapacityRatio') {
    const f = brokenLinear(strategy.requestedToCapacityRatio?.shape ?? []);
    return (pod, node) => {
      let total = 0;
      let weights = 0;
      for (const r of resources) {
        const [alloc, requested] = allocatableAndRequested(pod, node, r.name, useRequested);
        if (alloc === 0) continue;
        const s = requested > alloc ? f(MAX_UTILIZATION) : f(Math.trunc((requested * MAX_UTILIZATION) / alloc));
        if (s > 0) {
          total += s * r.weight;
          weights += r.weight;
        }
      }
      return weights === 0 ? 0 : Math.round(total / weights);
    };
  }
  const perResource = strategy.type === 'MostAllocated' ? mostRequested : leastRequested;
  return (pod, node) => {
    let total = 0;
    let weights = 0;
    for (const r of resources) {
      const [alloc, requested] = allocatableAndRequested(pod, node, r.name, useRequested);
      if (alloc === 0) continue;
      total += perResource(requested, alloc) * r.weight;
      weights += r.weight;
    }
    return weights === 0 ? 0 : Math.trunc(total / weights);
  };
}

/**
 * NodeResourcesBalancedAllocation's score: 100 × (1 − the standard deviation of the requested
 * fractions), favouring nodes whose resources are used evenly (balancedResourceScorer).
 */
export function balancedScore(pod: PodInfo, node: NodeInfo, resources: readonly ResourceSpec[]): number {
  const fractions: number[] = [];
  let sum = 0;
  for (const r of resources) {
    const [alloc, requested] = allocatableAndRequested(pod, node, r.name, true);
    if (alloc === 0) continue;
    const f = Math.min(requested / alloc, 1);
    fractions.push(f);
    sum += f;
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs((fractions[0]! - fractions[1]!) / 2);
  else if (fractions.length > 2) {
    const mean = sum / fractions.length;
    let sq = 0;
    for (const f of fractions) sq += (f - mean) * (f - mean);
    std = Math.sqrt(sq / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}
