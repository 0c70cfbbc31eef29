import type { LimitRange, ResourceQuota } from 'kubernetes-types/core/v1';
import { type FieldError, invalid, notSupported } from '../field-errors';
import { amountOf } from '../pod-resources';
import { canonicalQuantity, parseQuantity } from '../quantity';
import { validateObjectMeta } from './metadata';
import { isQualifiedName } from './names';

/** ResourceQuota and LimitRange validation. */

export function validateResourceQuota(q: ResourceQuota): FieldError[] {
  const errs = validateObjectMeta(q.metadata, true, 'subdomain');
  for (const [name, value] of Object.entries(q.spec?.hard ?? {})) {
    const field = `spec.hard[${name}]`;
    for (const msg of isQualifiedName(name)) errs.push(invalid(field, name, msg));
    const parsed = parseQuantity(value as string);
    if (parsed && parsed.value < 0) errs.push(invalid(field, canonicalQuantity(value as string), 'must be greater than or equal to 0'));
  }
  const scopes = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];
  (q.spec?.scopes ?? []).forEach((s, i) => {
    if (!scopes.includes(s)) errs.push(notSupported(`spec.scopes[${i}]`, s, scopes));
  });
  return errs;
}

const LIMIT_TYPES = ['Container', 'Pod', 'PersistentVolumeClaim'];

/** ValidateLimitRange: min ≤ defaultRequest ≤ default ≤ max for each resource. */
export function validateLimitRange(lr: LimitRange): FieldError[] {
  const errs = validateObjectMeta(lr.metadata, true, 'subdomain');
  (lr.spec?.limits ?? []).forEach((item, i) => {
    const p = `spec.limits[${i}]`;
    if (!LIMIT_TYPES.includes(item.type)) errs.push(notSupported(`${p}.type`, item.type, LIMIT_TYPES));
    if (item.type === 'Pod' && (item.default || item.defaultRequest)) {
      errs.push(invalid(`${p}.default`, item.default ?? item.defaultRequest, 'may not be specified when `type` is \'Pod\''));
    }
    const names = new Set([...Object.keys(item.min ?? {}), ...Object.keys(item.max ?? {}), ...Object.keys(item.default ?? {}), ...Object.keys(item.defaultRequest ?? {})]);
    for (const r of names) {
      const v = (list: Record<string, unknown> | undefined) => (list?.[r] === undefined ? undefined : amountOf(r, list[r] as string));
      const min = v(item.min);
      const max = v(item.max);
      const def = v(item.default);
      const defReq = v(item.defaultRequest);
      const shown = (list: Record<string, unknown> | undefined) => canonicalQuantity(list![r] as string);
      if (min !== undefined && max !== undefined && min > max) errs.push(invalid(`${p}.min[${r}]`, shown(item.min), `min value ${shown(item.min)} is greater than max value ${shown(item.max)}`));
      if (defReq !== undefined && min !== undefined && min > defReq) errs.push(invalid(`${p}.defaultRequest[${r}]`, shown(item.defaultRequest), `min value ${shown(item.min)} is greater than default request value ${shown(item.defaultRequest)}`));
      if (defReq !== undefined && max !== undefined && defReq > max) errs.push(invalid(`${p}.defaultRequest[${r}]`, shown(item.defaultRequest), `default request value ${shown(item.defaultRequest)} is greater than max value ${shown(item.max)}`));
      if (defReq !== undefined && def !== undefined && defReq > def) errs.push(invalid(`${p}.defaultRequest[${r}]`, shown(item.defaultRequest), `default request value ${shown(item.defaultRequest)} is greater than default limit value ${shown(item.default)}`));
      if (def !== undefined && min !== undefined && min > def) errs.push(invalid(`${p}.default[${r}]`, shown(item.default), `min value ${shown(item.min)} is greater than default value ${shown(item.default)}`));
      if (def !== undefined && max !== undefined && def > max) errs.push(invalid(`${p}.default[${r}]`, shown(item.default), `default value ${shown(item.default)} is greater than max value ${shown(item.max)}`));
    }
  });
  return errs;
}
