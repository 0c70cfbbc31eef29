import type { Container, Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import { formatUsage, hardAmount, quotaSelects, type Usage, usageOf } from '../../api/quota-usage';
import type { Stored } from '../../api/types';
import { ApiError } from '../api-error';
import type { AdmissionPlugin, ObjectStore } from '../object-store';
import { resourceName } from '../object-store';

/** Resources a quota can only enforce if every container states them (enforcePodContainerConstraints). */
const MUST_SPECIFY = ['requests.cpu', 'limits.cpu', 'requests.memory', 'limits.memory', 'requests.ephemeral-storage', 'limits.ephemeral-storage', 'cpu', 'memory'];

/**
 * The ResourceQuota admission plugin: a new object whose usage would take any quota of its
 * namespace over a hard limit is refused with the API server's wording, and an accepted one is
 * charged to the quotas' status.used at once (the quota controller recalculates later).
 */
export const resourceQuotaAdmission: AdmissionPlugin = {
  name: 'ResourceQuota',
  admit(operation, obj, _old, store) {
    if (operation !== 'CREATE') return;
    const ns = obj.metadata?.namespace;
    if (!ns) return;
    const quotas = store.list<ResourceQuota>('ResourceQuota', ns);
    if (quotas.length === 0) return;
    const type = store.registry.types.byKindName(obj.kind ?? '')!;
    const strategy = store.registry.strategy(type.kind)!;
    const what = `${resourceName(strategy)} ${JSON.stringify(obj.metadata?.name ?? '')}`;
    const delta = usageOf(obj, type);
    const charges: { quota: Stored<ResourceQuota>; used: Usage }[] = [];
    for (const quota of quotas) {
      if (!quotaSelects(quota, obj)) continue;
      const hard = quota.spec?.hard ?? {};
      const keys = Object.keys(hard).filter((k) => delta[k] !== undefined);
      if (obj.kind === 'Pod') {
        const missing = mustSpecify(obj as Pod, Object.keys(hard));
        if (missing) throw new ApiError('Forbidden', `${what} is forbidden: failed quota: ${quota.metadata.name}: ${missing}`);
      }
      if (keys.length === 0) continue;
      const used = currentUsage(store, quota);
      const exceeded = keys.filter((k) => (used[k] ?? 0) + delta[k]! > hardAmount(k, hard[k] as string)).sort();
      if (exceeded.length) {
        const list = (f: (k: string) => string) => exceeded.map((k) => `${k}=${f(k)}`).join(',');
        throw new ApiError(
          'Forbidden',
          `${what} is forbidden: exceeded quota: ${quota.metadata.name}, requested: ${list((k) => formatUsage(k, delta[k]!))}, used: ${list((k) => formatUsage(k, used[k] ?? 0))}, limited: ${list((k) => String(hard[k]))}`,
        );
      }
      const next = { ...used };
      for (const k of keys) next[k] = (next[k] ?? 0) + delta[k]!;
      charges.push({ quota, used: next });
    }
    for (const { quota, used } of charges) writeUsed(store, quota, used);
  },
};

/** The quota's recorded usage, or (before the quota controller has run) the usage computed now. */
function currentUsage(store: ObjectStore, quota: Stored<ResourceQuota>): Usage {
  const recorded = quota.status?.used;
  const hard = Object.keys(quota.spec?.hard ?? {});
  if (recorded && hard.every((k) => recorded[k] !== undefined)) {
    const out: Usage = {};
    for (const [k, v] of Object.entries(recorded)) out[k] = hardAmount(k, v as string);
    return out;
  }
  return calculateUsage(store, quota);
}

/** The usage of everything in the quota's namespace that it selects, for its hard resources. */
export function calculateUsage(store: ObjectStore, quota: ResourceQuota): Usage {
  const hard = Object.keys(quota.spec?.hard ?? {});
  const out: Usage = Object.fromEntries(hard.map((k) => [k, 0]));
  const ns = quota.metadata?.namespace ?? 'default';
  for (const type of store.registry.types.all()) {
    if (!type.namespaced) continue;
    for (const obj of store.list(type.kind, ns)) {
      if (!quotaSelects(quota, obj)) continue;
      const u = usageOf(obj, type);
      for (const k of hard) if (u[k] !== undefined) out[k]! += u[k]!;
    }
  }
  return out;
}

export function writeUsed(store: ObjectStore, quota: Stored<ResourceQuota>, used: Usage): void {
  const hard = quota.spec?.hard ?? {};
  store.patchStatus<ResourceQuota>('ResourceQuota', quota.metadata.name, quota.metadata.namespace, (q) => {
    const usedText: Record<string, string> = {};
    for (const k of Object.keys(hard)) usedText[k] = formatUsage(k, used[k] ?? 0);
    (q as { status?: ResourceQuota['status'] }).status = { hard: { ...hard }, used: usedText };
  });
}

/** `must specify limits.cpu for: web; requests.memory for: web,side` when a container leaves out what the quota tracks. */
function mustSpecify(pod: Pod, hard: string[]): string | undefined {
  const parts: string[] = [];
  for (const key of MUST_SPECIFY.filter((k) => hard.includes(k)).sort()) {
    const [which, resource] = key.includes('.') ? (key.split('.') as ['requests' | 'limits', string]) : (['requests', key] as const);
    const lacking = (c: Container) => c.resources?.[which]?.[resource] === undefined;
    const names = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].filter(lacking).map((c) => c.name);
    if (names.length) parts.push(`${key} for: ${names.join(',')}`);
  }
  return parts.length ? `must specify ${parts.join('; ')}` : undefined;
}

