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
  validate: validateLimitRange,
};
