import type { ResourceQuota } from 'kubernetes-types/core/v1';
import { hardAmount } from '../api/quota-usage';
import type { SimContext } from '../sim-context';
import { calculateUsage, writeUsed } from '../store/admission/resource-quota';
import { Controller } from './controller';
import { keyOf, splitKey } from './keys';

/** Kinds whose changes move quota usage. */
const COUNTED = ['Pod', 'Service', 'PersistentVolumeClaim', 'ConfigMap', 'Secret', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/**
 * The ResourceQuota controller (pkg/controller/resourcequota): recalculates status.used from what
 * exists in the namespace, so that usage returns when pods finish or are deleted.
 */
export class ResourceQuotaController extends Controller {
  constructor(ctx: SimContext) {
    super(ctx, 'resourcequota-controller');
    this.watchOwn('ResourceQuota');
    for (const kind of COUNTED) {
      this.watchRelated(kind, (e) => {
        const ns = e.object.metadata.namespace;
        if (!ns) return [];
        // Only creations, deletions and pods finishing change usage.
        if (e.type === 'MODIFIED' && (e.object.kind !== 'Pod' || (e.object.status as { phase?: string })?.phase === (e.old?.status as { phase?: string })?.phase)) return [];
        return ctx.store.list('ResourceQuota', ns).map(keyOf);
      });
    }
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const quota = this.ctx.store.get<ResourceQuota>('ResourceQuota', name, namespace);
    if (!quota) return;
    const used = calculateUsage(this.ctx.store, quota);
    const hard = quota.spec?.hard ?? {};
    const recorded = quota.status?.used ?? {};
    const same =
      JSON.stringify(quota.status?.hard ?? {}) === JSON.stringify(hard) &&
      Object.keys(hard).every((k) => recorded[k] !== undefined && hardAmount(k, recorded[k] as string) === used[k]);
    if (!same) writeUsed(this.ctx.store, quota, used);
  }
}
