import type { Taint } from 'kubernetes-types/core/v1';

/**
 * A cluster as data: node pools, each a count of machines of one type with its labels, taints
 * and container runtime. Presets are ClusterSpecs; a learner can also pass a `kind: Cluster`
 * YAML document (see parse-cluster.ts).
 */
export type ContainerRuntime = 'containerd' | 'cri-o' | 'docker';

export interface NodePoolSpec {
  readonly name: string;
  readonly count: number;
  /** Machine type id (machines.ts); its fields can be overridden below. */
  readonly machine: string;
  /** Explicit node names; otherwise `<pool>-1`, `<pool>-2`, … */
  readonly nodeNames?: readonly string[];
  readonly cpu?: number;
  readonly memory?: string;
  readonly gpus?: { readonly model: string; readonly count: number };
  readonly role?: 'control-plane' | 'worker';
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly Taint[];
  readonly runtime?: ContainerRuntime;
  readonly zone?: string;
  readonly maxPods?: number;
}

export interface ClusterSpec {
  readonly name: string;
  readonly description?: string;
  readonly pools: readonly NodePoolSpec[];
}

/** The label that records which pool a node belongs to (the UI groups node cards by it). */
export const POOL_LABEL = 'kubelab.dev/pool';

export function nodeNamesOf(pool: NodePoolSpec): string[] {
  if (pool.nodeNames) return [...pool.nodeNames];
  return Array.from({ length: pool.count }, (_, i) => `${pool.name}-${i + 1}`);
}
