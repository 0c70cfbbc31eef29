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
 * What a scorer reads for one resource: the node's allocatable, and what would be requested with
 * the pod on it (resourceAllocationScorer.calculateResourceAllocatableRequest). With
 * `useRequested` false, cpu and memory count pods without requests at the non-zero defaults. An
 * extended resource the pod does not request reads as 0 allocatable, which leaves it out of the
 * score. The resource kind is resolved once per plugin, so scoring a node allocates nothing.
 */
const enum Kind {
  Cpu,
  Memory,
  EphemeralStorage,
  Scalar,
  Other,
}

interface ResourceReader {
  readonly kind: Kind;
  readonly name: string;
}

function readerFor(name: string): ResourceReader {
  const kind = name === 'cpu' ? Kind.Cpu : name === 'memory' ? Kind.Memory : name === 'ephemeral-storage' ? Kind.EphemeralStorage : isScalarResourceName(name) ? Kind.Scalar : Kind.Other;
  return { kind, name };
}

function allocatableOf(r: ResourceReader, pod: PodInfo, node: NodeInfo): number {
  switch (r.kind) {
    case Kind.Cpu:
      return node.allocatable.milliCPU;
    case Kind.Memory:
      return node.allocatable.memory;
    case Kind.EphemeralStorage:
      return node.allocatable.ephemeralStorage;
    case Kind.Scalar:
      return pod.requests.scalar.get(r.name) ? (node.allocatable.scalar.get(r.name) ?? 0) : 0;
    default:
      return node.allocatable.scalar.get(r.name) ?? 0;
  }
}

function requestedOf(r: ResourceReader, pod: PodInfo, node: NodeInfo, useRequested: boolean): number {
  switch (r.kind) {
    case Kind.Cpu:
      return useRequested ? node.requested.milliCPU + pod.requests.milliCPU : node.nonZeroMilliCPU + pod.nonZeroMilliCPU;
    case Kind.Memory:
      return useRequested ? node.requested.memory + pod.requests.memory : node.nonZeroMemory + pod.nonZeroMemory;
    case Kind.EphemeralStorage:
      return node.requested.ephemeralStorage + pod.requests.ephemeralStorage;
    default:
      return (node.requested.scalar.get(r.name) ?? 0) + (pod.requests.scalar.get(r.name) ?? 0);
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

/**
 * A node's score under a scoring strategy, as NodeResourcesFit computes it: the weighted mean of
 * the per-resource scores. RequestedToCapacityRatio leaves resources scoring 0 out of the mean and
 * rounds; the others truncate.
 */
export function resourceScorer(strategy: ScoringStrategy, useRequested: boolean): (pod: PodInfo, node: NodeInfo) => number {
  const readers = strategy.resources.map((r) => readerFor(r.name));
  const weights = strategy.resources.map((r) => r.weight);
  const n = readers.length;
  const ratio = strategy.type === 'RequestedToCapacityRatio';
  const shape = brokenLinear(strategy.requestedToCapacityRatio?.shape ?? []);
  const perResource = ratio
    ? (requested: number, alloc: number) => (requested > alloc ? shape(MAX_UTILIZATION) : shape(Math.trunc((requested * MAX_UTILIZATION) / alloc)))
    : strategy.type === 'MostAllocated'
      ? mostRequested
      : leastRequested;
  const finish = ratio ? Math.round : Math.trunc;
  return (pod, node) => {
    let total = 0;
    let weightSum = 0;
    for (let i = 0; i < n; i++) {
      const alloc = allocatableOf(readers[i]!, pod, node);
      if (alloc === 0) continue;
      const s = perResource(requestedOf(readers[i]!, pod, node, useRequested), alloc);
      if (ratio && s <= 0) continue;
      total += s * weights[i]!;
      weightSum += weights[i]!;
    }
    return weightSum === 0 ? 0 : finish(total / weightSum);
  };
}

/**
 * NodeResourcesBalancedAllocation's score: 100 × (1 − the standard deviation of the requested
 * fractions), favouring nodes whose resources are used evenly (balancedResourceScorer).
 */
export function balancedScorer(resources: readonly ResourceSpec[]): (pod: PodInfo, node: NodeInfo) => number {
  const readers = resources.map((r) => readerFor(r.name));
  const fractions = new Float64Array(readers.length);
  return (pod, node) => {
    let count = 0;
    let sum = 0;
    for (let i = 0; i < readers.length; i++) {
      const r = readers[i]!;
      const alloc = allocatableOf(r, pod, node);
      if (alloc === 0) continue;
      const f = Math.min(requestedOf(r, pod, node, true) / alloc, 1);
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
