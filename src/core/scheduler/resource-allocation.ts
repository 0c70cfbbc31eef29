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
 * How a scorer reads one resource: the node's allocatable, and what would be requested with the
 * pod on it (resourceAllocationScorer.calculateResourceAllocatableRequest). With `useRequested`
 * false, cpu and memory count pods without requests at the non-zero defaults. An extended
 * resource the pod does not request reads as 0 allocatable, which leaves it out of the score.
 * Readers are chosen once per resource when the plugin is built, so scoring a node allocates nothing.
 */
interface ResourceReader {
  allocatable(pod: PodInfo, node: NodeInfo): number;
  requested(pod: PodInfo, node: NodeInfo): number;
}

function reader(resource: string, useRequested: boolean): ResourceReader {
  switch (resource) {
    case 'cpu':
      return {
        allocatable: (_p, n) => n.allocatable.milliCPU,
        requested: useRequested ? (p, n) => n.requested.milliCPU + p.requests.milliCPU : (p, n) => n.nonZeroMilliCPU + p.nonZeroMilliCPU,
      };
    case 'memory':
      return {
        allocatable: (_p, n) => n.allocatable.memory,
        requested: useRequested ? (p, n) => n.requested.memory + p.requests.memory : (p, n) => n.nonZeroMemory + p.nonZeroMemory,
      };
    case 'ephemeral-storage':
      return { allocatable: (_p, n) => n.allocatable.ephemeralStorage, requested: (p, n) => n.requested.ephemeralStorage + p.requests.ephemeralStorage };
    default: {
      const scalar = isScalarResourceName(resource);
      return {
        allocatable: (p, n) => (scalar && !p.requests.scalar.get(resource) ? 0 : (n.allocatable.scalar.get(resource) ?? 0)),
        requested: (p, n) => (n.requested.scalar.get(resource) ?? 0) + (p.requests.scalar.get(resource) ?? 0),
      };
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
  const readers = strategy.resources.map((r) => reader(r.name, useRequested));
  const weights = strategy.resources.map((r) => r.weight);
  const n = readers.length;
  if (strategy.type === 'RequestedToCapacityRatio') {
    const f = brokenLinear(strategy.requestedToCapacityRatio?.shape ?? []);
    return (pod, node) => {
      let total = 0;
      let weightSum = 0;
      for (let i = 0; i < n; i++) {
        const alloc = readers[i]!.allocatable(pod, node);
        if (alloc === 0) continue;
        const requested = readers[i]!.requested(pod, node);
        const s = requested > alloc ? f(MAX_UTILIZATION) : f(Math.trunc((requested * MAX_UTILIZATION) / alloc));
        if (s > 0) {
          total += s * weights[i]!;
          weightSum += weights[i]!;
        }
      }
      return weightSum === 0 ? 0 : Math.round(total / weightSum);
    };
  }
  const perResource = strategy.type === 'MostAllocated' ? mostRequested : leastRequested;
  return (pod, node) => {
    let total = 0;
    let weightSum = 0;
    for (let i = 0; i < n; i++) {
      const alloc = readers[i]!.allocatable(pod, node);
      if (alloc === 0) continue;
      total += perResource(readers[i]!.requested(pod, node), alloc) * weights[i]!;
      weightSum += weights[i]!;
    }
    return weightSum === 0 ? 0 : Math.trunc(total / weightSum);
  };
}

/**
 * NodeResourcesBalancedAllocation's score: 100 × (1 − the standard deviation of the requested
 * fractions), favouring nodes whose resources are used evenly (balancedResourceScorer).
 */
export function balancedScorer(resources: readonly ResourceSpec[]): (pod: PodInfo, node: NodeInfo) => number {
  const readers = resources.map((r) => reader(r.name, true));
  const fractions = new Float64Array(readers.length);
  return (pod, node) => {
    let count = 0;
    let sum = 0;
    for (const r of readers) {
      const alloc = r.allocatable(pod, node);
      if (alloc === 0) continue;
      const f = Math.min(r.requested(pod, node) / alloc, 1);
      fractions[count++] = f;
      sum += f;
    }
    let std = 0;
    if (count === 2) std = Math.abs((fractions[0]! - fractions[1]!) / 2);
    else if (count > 2) {
      const mean = sum / count;
      let sq = 0;
      for (let i = 0; i < count; i++) sq += (fractions[i]! - mean) * (fractions[i]! - mean);
      std = Math.sqrt(sq / count);
    }
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  };
}
