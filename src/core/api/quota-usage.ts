import type { PersistentVolumeClaim, Pod, ResourceQuota, Service } from 'kubernetes-types/core/v1';
import { amountOf, qosClass } from './pod-resources';
import { formatQuantity, quantityValue } from './quantity';
import type { ResourceType } from './resource-types';
import type { KubeObject } from './types';
import { isExtendedResource } from './validation/resources';

/**
 * What an object counts against a ResourceQuota (pkg/quota/v1/evaluator/core): pods count
 * `pods`, their requests and limits (`requests.cpu`, `cpu`, `limits.memory`,
 * `requests.nvidia.com/gpu`, …) unless finished; Services count `services` and their node ports
 * and load balancers; claims count `persistentvolumeclaims` and `requests.storage`; every object
 * counts `count/<resource>.<group>`. Amounts are in base units (millicores for cpu).
 */
export type Usage = Record<string, number>;

const COMPUTE = ['cpu', 'memory', 'ephemeral-storage'];

export function usageOf(obj: KubeObject, type: ResourceType): Usage {
  const usage: Usage = { [type.group ? `count/${type.plural}.${type.group}` : `count/${type.plural}`]: 1 };
  if (obj.kind === 'Pod') Object.assign(usage, podUsage(obj as Pod));
  else if (obj.kind === 'Service') {
    const svc = obj as Service;
    usage.services = 1;
    if (svc.spec?.type === 'NodePort' || svc.spec?.type === 'LoadBalancer') usage['services.nodeports'] = (svc.spec.ports ?? []).length;
    if (svc.spec?.type === 'LoadBalancer') usage['services.loadbalancers'] = 1;
  } else if (obj.kind === 'PersistentVolumeClaim') {
    const pvc = obj as PersistentVolumeClaim;
    usage.persistentvolumeclaims = 1;
    usage['requests.storage'] = quantityValue(pvc.spec?.resources?.requests?.storage as string | undefined);
    const cls = pvc.spec?.storageClassName;
    if (cls) {
      usage[`${cls}.storageclass.storage.k8s.io/persistentvolumeclaims`] = 1;
      usage[`${cls}.storageclass.storage.k8s.io/requests.storage`] = usage['requests.storage']!;
    }
  } else if (obj.kind === 'ConfigMap') usage.configmaps = 1;
  else if (obj.kind === 'Secret') usage.secrets = 1;
  else if (obj.kind === 'ResourceQuota') usage.resourcequotas = 1;
  return usage;
}

/** A pod's compute usage; finished pods use nothing. */
function podUsage(pod: Pod): Usage {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return {};
  const usage: Usage = { pods: 1 };
  const add = (key: string, v: number) => (usage[key] = (usage[key] ?? 0) + v);
  // The effective request is max(init containers) vs sum(app containers); likewise limits.
  for (const which of ['requests', 'limits'] as const) {
    const totals: Record<string, number> = {};
    const initMax: Record<string, number> = {};
    for (const c of pod.spec?.containers ?? []) for (const [r, q] of Object.entries(c.resources?.[which] ?? {})) totals[r] = (totals[r] ?? 0) + amountOf(r, q as string);
    for (const c of pod.spec?.initContainers ?? []) for (const [r, q] of Object.entries(c.resources?.[which] ?? {})) initMax[r] = Math.max(initMax[r] ?? 0, amountOf(r, q as string));
    for (const r of new Set([...Object.keys(totals), ...Object.keys(initMax)])) {
      const v = Math.max(totals[r] ?? 0, initMax[r] ?? 0);
      if (which === 'requests' && COMPUTE.includes(r)) add(r, v);
      if (which === 'limits' && isExtendedResource(r)) continue;
      add(`${which}.${r}`, v);
    }
  }
  return usage;
}

/** Whether a quota's scopes select this object (only pods are scoped). */
export function quotaSelects(quota: ResourceQuota, obj: KubeObject): boolean {
  const scopes = quota.spec?.scopes ?? [];
  const expressions = quota.spec?.scopeSelector?.matchExpressions ?? [];
  if (scopes.length === 0 && expressions.length === 0) return true;
  if (obj.kind !== 'Pod') return false;
  const pod = obj as Pod;
  const matchScope = (scope: string, op = 'Exists', values: readonly string[] = []): boolean => {
    switch (scope) {
      case 'Terminating':
        return pod.spec?.activeDeadlineSeconds !== undefined;
      case 'NotTerminating':
        return pod.spec?.activeDeadlineSeconds === undefined;
      case 'BestEffort':
        return qosClass(pod) === 'BestEffort';
      case 'NotBestEffort':
        return qosClass(pod) !== 'BestEffort';
      case 'PriorityClass': {
        const name = pod.spec?.priorityClassName;
        if (op === 'Exists') return name !== undefined;
        if (op === 'DoesNotExist') return name === undefined;
        const inList = name !== undefined && values.includes(name);
        return op === 'In' ? inList : !inList;
      }
      default:
        return false;
    }
  };
  return scopes.every((s) => matchScope(s)) && expressions.every((e) => matchScope(e.scopeName, e.operator, e.values ?? []));
}

/** A usage amount as the quantity kubectl shows (`500m`, `1Gi`, `2`). */
export function formatUsage(resource: string, amount: number): string {
  const base = resource.replace(/^(requests|limits)\./, '');
  if (base === 'cpu') return formatQuantity(amount / 1000, 'DecimalSI');
  if (['memory', 'storage', 'ephemeral-storage'].includes(base) || base.endsWith('requests.storage')) return formatQuantity(amount, 'BinarySI');
  return formatQuantity(amount, 'DecimalSI');
}

/** A quota's hard limit in the same base units as usage. */
export function hardAmount(resource: string, q: string | number): number {
  const base = resource.replace(/^(requests|limits)\./, '');
  return base === 'cpu' ? amountOf('cpu', q) : quantityValue(q);
}
