import type { Taint } from 'kubernetes-types/core/v1';
import type { ClusterSpec, NodePoolSpec } from './cluster-spec';
import { machineType } from './machines';

/**
 * The taint NVIDIA's docs suggest for dedicated GPU nodes, so that only pods asking for GPUs (and
 * tolerating it) land there: `nvidia.com/gpu=present:NoSchedule`. The GPU Operator's operands and
 * Kubelab's GPU samples tolerate it.
 */
export const GPU_NODE_TAINT: Taint = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' };

function hasGpus(pool: NodePoolSpec): boolean {
  return ((pool.gpus ?? machineType(pool.machine)?.gpus)?.count ?? 0) > 0;
}

/** The cluster with every GPU pool tainted (pools that already carry the taint are left as they are). */
export function withGpuTaint(spec: ClusterSpec): ClusterSpec {
  return {
    ...spec,
    pools: spec.pools.map((p) => (hasGpus(p) && !(p.taints ?? []).some((t) => t.key === GPU_NODE_TAINT.key && t.effect === GPU_NODE_TAINT.effect) ? { ...p, taints: [...(p.taints ?? []), GPU_NODE_TAINT] } : p)),
  };
}
