import type { Taint } from 'kubernetes-types/core/v1';
import type { ClusterSpec } from './cluster-spec';
import { poolHasGpus } from './machines';

/**
 * The usual taint for dedicated GPU nodes, so that only pods asking for GPUs (and tolerating it)
 * land there: `nvidia.com/gpu=present:NoSchedule`, the one GKE puts on GPU node pools of a
 * cluster that also has non-GPU pools, and AKS/EKS examples add by hand. The value is convention:
 * the GPU Operator's operands and the device plugin's sample pod tolerate the key `nvidia.com/gpu`
 * with operator Exists, as do Kubelab's GPU samples.
 */
export const GPU_NODE_TAINT: Taint = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' };

/** The cluster with every GPU pool tainted (pools that already carry the taint are left as they are). */
export function withGpuTaint(spec: ClusterSpec): ClusterSpec {
  return {
    ...spec,
    pools: spec.pools.map((p) => (poolHasGpus(p) && !(p.taints ?? []).some((t) => t.key === GPU_NODE_TAINT.key && t.effect === GPU_NODE_TAINT.effect) ? { ...p, taints: [...(p.taints ?? []), GPU_NODE_TAINT] } : p)),
  };
}
