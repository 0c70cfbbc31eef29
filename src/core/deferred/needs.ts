import type { ClusterSpec } from '../cluster/cluster-spec';
import { poolHasGpus } from '../cluster/machines';
import { PRESETS } from '../cluster/presets';
import type { DeferredName } from './registry';

/**
 * The deferred code a new cluster reaches before anyone types a command: reading a Cluster YAML
 * document, and on GPU machines the GPU Operator, whose operands keep their config files as YAML
 * (the operator writes mig-parted's config; the device plugin and the MIG manager parse theirs
 * as they start, at virtual times after the cluster was built).
 */
export function deferredCodeToRun(cluster: string | ClusterSpec | undefined): DeferredName[] {
  const spec = typeof cluster === 'string' ? PRESETS[cluster.trim()] : (cluster ?? PRESETS.minimal);
  if (!spec) return ['yaml'];
  return spec.pools.some((p) => p.count > 0 && poolHasGpus(p)) ? ['yaml'] : [];
}
