import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { defaultReplicaSet } from '../defaults/workloads';
import { replicaSetSchema } from '../schema/workloads';
import { validateReplicaSet, validateReplicaSetUpdate } from '../validation/workloads';
import { keepStatus, resetStatus } from './status-subresource';
import type { KindStrategy } from './strategy';

export const replicaSetStrategy: KindStrategy<ReplicaSet> = {
  type: { kind: 'ReplicaSet', group: 'apps', version: 'v1', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], namespaced: true, categories: ['all'] },
  schema: replicaSetSchema,
  nameRule: 'subdomain',
  prepareForCreate: (rs) => {
    resetStatus(rs, { replicas: 0 });
    defaultReplicaSet(rs);
  },
  prepareForUpdate: (rs, old) => {
    keepStatus(rs, old);
    defaultReplicaSet(rs);
  },
  validate: validateReplicaSet,
  validateUpdate: validateReplicaSetUpdate,
};
