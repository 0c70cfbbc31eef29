import type { Container, LimitRange, LimitRangeItem, Pod } from 'kubernetes-types/core/v1';
import { amountOf } from '../../api/pod-resources';
import { canonicalQuantity } from '../../api/quantity';
import { ApiError } from '../api-error';
import type { AdmissionPlugin } from '../object-store';

/**
 * The LimitRanger admission plugin: containers that state no request or limit get the
 * LimitRange's defaults (and an annotation saying so); then every container and pod is checked
 * against min, max and maxLimitRequestRatio, with the plugin's wording.
 */
export const limitRangerAdmission: AdmissionPlugin = {
  name: 'LimitRanger',
  mutate(operation, obj, _old, store) {
    if (operation !== 'CREATE' || obj.kind !== 'Pod') return;
    const items = containerItems(store.list<LimitRange>('LimitRange', obj.metadata?.namespace ?? 'default'));
    if (items.length === 0) return;
    const pod = obj as Pod;
    const notes: string[] = [];
    for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
      const set = { requests: [] as string[], limits: [] as string[] };
      for (const item of items) {
        const r = (c.resources ??= {});
        for (const [name, q] of Object.entries(item.default ?? {})) {
          if (r.limits?.[name] === undefined) {
            (r.limits ??= {})[name] = q;
            set.limits.push(name);
          }
        }
        for (const [name, q] of Object.entries(item.defaultRequest ?? {})) {
          // API defaulting already copied a stated limit into the request; only a container with neither gets the default.
          if (r.requests?.[name] === undefined) {
            (r.requests ??= {})[name] = r.limits?.[name] !== undefined && !set.limits.includes(name) ? r.limits[name]! : q;
            set.requests.push(name);
          }
        }
      }
      if (set.requests.length) notes.push(`${set.requests.join(', ')} request for container ${c.name}`);
      if (set.limits.length) notes.push(`${set.limits.join(', ')} limit for container ${c.name}`);
    }
    if (notes.length) {
      const meta = (pod.metadata ??= {});
      meta.annotations = { ...(meta.annotations ?? {}), 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${notes.join('; ')}` };
    }
  },
  admit(operation, obj, _old, store) {
    if (operation !== 'CREATE' || obj.kind !== 'Pod') return;
    const ranges = store.list<LimitRange>('LimitRange', obj.metadata?.namespace ?? 'default');
    const errors: string[] = [];
    const pod = obj as Pod;
    for (const lr of ranges) {
      for (const item of lr.spec?.limits ?? []) {
        if (item.type === 'Container') for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) errors.push(...check(item, 'Container', c.resources?.requests, c.resources?.limits));
        if (item.type === 'Pod') errors.push(...check(item, 'Pod', sum(pod, 'requests'), sum(pod, 'limits')));
      }
    }
    if (errors.length === 0) return;
    const name = JSON.stringify(obj.metadata?.name ?? '');
    throw new ApiError('Forbidden', `pods ${name} is forbidden: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}`);
  },
};

type List = Record<string, string | number> | undefined;

function check(item: LimitRangeItem, what: string, requests: List, limits: List): string[] {
  const out: string[] = [];
  for (const [r, q] of Object.entries(item.min ?? {})) {
    const min = amountOf(r, q as string);
    const req = requests?.[r];
    const lim = limits?.[r];
    if (req === undefined) out.push(`minimum ${r} usage per ${what} is ${canonicalQuantity(q as string)}.  No request is specified`);
    else if (amountOf(r, req) < min) out.push(`minimum ${r} usage per ${what} is ${canonicalQuantity(q as string)}, but request is ${canonicalQuantity(req)}`);
    if (lim !== undefined && amountOf(r, lim) < min) out.push(`minimum ${r} usage per ${what} is ${canonicalQuantity(q as string)}, but limit is ${canonicalQuantity(lim)}`);
  }
  for (const [r, q] of Object.entries(item.max ?? {})) {
    const max = amountOf(r, q as string);
    const lim = limits?.[r];
    if (lim === undefined) out.push(`maximum ${r} usage per ${what} is ${canonicalQuantity(q as string)}.  No limit is specified`);
    else if (amountOf(r, lim) > max) out.push(`maximum ${r} usage per ${what} is ${canonicalQuantity(q as string)}, but limit is ${canonicalQuantity(lim)}`);
  }
  for (const [r, q] of Object.entries(item.maxLimitRequestRatio ?? {})) {
    const req = requests?.[r];
    const lim = limits?.[r];
    if (req === undefined || lim === undefined || amountOf(r, req) === 0) continue;
    const ratio = amountOf(r, lim) / amountOf(r, req);
    if (ratio > Number(q)) out.push(`${r} max limit to request ratio per ${what} is ${canonicalQuantity(q as string)}, but provided ratio is ${ratio.toFixed(6)}`);
  }
  return out;
}

function sum(pod: Pod, which: 'requests' | 'limits'): Record<string, string> {
  const totals: Record<string, number> = {};
  for (const c of pod.spec?.containers ?? [] as Container[]) for (const [r, q] of Object.entries(c.resources?.[which] ?? {})) totals[r] = (totals[r] ?? 0) + amountOf(r, q as string);
  return Object.fromEntries(Object.entries(totals).map(([r, v]) => [r, r === 'cpu' ? `${v}m` : String(v)]));
}

function containerItems(ranges: readonly LimitRange[]): LimitRangeItem[] {
  return ranges.flatMap((lr) => (lr.spec?.limits ?? []).filter((i) => i.type === 'Container'));
}

