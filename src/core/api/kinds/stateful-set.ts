import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { defaultStatefulSet } from '../defaults/workloads';
import { statefulSetSchema } from '../schema/workloads';
import { validateStatefulSet, validateStatefulSetUpdate } from '../validation/workloads';
import { keepStatus, resetStatus } from './status-subresource';
import type { KindStrategy } from './strategy';

export const statefulSetStrategy: KindStrategy<StatefulSet> = {
  type: { kind: 'StatefulSet', group: 'apps', version: 'v1', plural: 'statefulsets', singular: 'statefulset', shortNames: ['sts'], namespaced: true, categories: ['all'] },
  schema: statefulSetSchema,
  nameRule: 'subdomain',
  prepareForCreate: (sts) => {
    resetStatus(sts, { replicas: 0, availableReplicas: 0 });
    defaultStatefulSet(sts);
  },
  prepareForUpdate: (sts, old) => {
    keepStatus(sts, old);
    defaultStatefulSet(sts);
  },
  validate: validateStatefulSet,
  validateUpdate: validateStatefulSetUpdate,
};
