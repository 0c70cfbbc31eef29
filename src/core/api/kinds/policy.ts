import type { LimitRange, ResourceQuota } from 'kubernetes-types/core/v1';
import { limitRangeSchema, resourceQuotaSchema } from '../schema/policy';
import type { Writable } from '../types';
import { validateLimitRange, validateResourceQuota } from '../validation/policy';
import { keepStatus } from './status-subresource';
import type { KindStrategy } from './strategy';

export const resourceQuotaStrategy: KindStrategy<ResourceQuota> = {
  type: { kind: 'ResourceQuota', group: '', version: 'v1', plural: 'resourcequotas', singular: 'resourcequota', shortNames: ['quota'], namespaced: true },
  schema: resourceQuotaSchema,
  nameRule: 'subdomain',
  prepareForCreate: (q) => {
    delete (q as Writable<ResourceQuota>).status;
  },
  prepareForUpdate: (q, old) => keepStatus(q, old),
  validate: validateResourceQuota,
};

export const limitRangeStrategy: KindStrategy<LimitRange> = {
  type: { kind: 'LimitRange', group: '', version: 'v1', plural: 'limitranges', singular: 'limitrange', shortNames: ['limits'], namespaced: true },
  schema: limitRangeSchema,
  nameRule: 'subdomain',
  prepareForCreate: (lr) => defaultLimitRange(lr),
  prepareForUpdate: (lr) => defaultLimitRange(lr),
  validate: validateLimitRange,
};

/**
 * SetDefaults_LimitRangeItem for Container items: the default limit falls back to max, the
 * default request to the default limit, then to min.
 */
function defaultLimitRange(lr: LimitRange): void {
  for (const item of lr.spec?.limits ?? []) {
    if (item.type !== 'Container') continue;
    const def = (item.default ??= {});
    const req = (item.defaultRequest ??= {});
    for (const [k, v] of Object.entries(item.max ?? {})) def[k] ??= v;
    for (const [k, v] of Object.entries(def)) req[k] ??= v;
    for (const [k, v] of Object.entries(item.min ?? {})) req[k] ??= v;
    if (Object.keys(def).length === 0) delete item.default;
    if (Object.keys(req).length === 0) delete item.defaultRequest;
  }
}
