import type { DaemonSet } from 'kubernetes-types/apps/v1';
import { defaultDaemonSet } from '../defaults/workloads';
import { daemonSetSchema } from '../schema/workloads';
import { validateDaemonSet, validateDaemonSetUpdate } from '../validation/workloads';
import { keepStatus, resetStatus } from './status-subresource';
import type { KindStrategy } from './strategy';

export const daemonSetStrategy: KindStrategy<DaemonSet> = {
  type: { kind: 'DaemonSet', group: 'apps', version: 'v1', plural: 'daemonsets', singular: 'daemonset', shortNames: ['ds'], namespaced: true, categories: ['all'] },
  schema: daemonSetSchema,
  nameRule: 'subdomain',
  prepareForCreate: (ds) => {
    resetStatus(ds, { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
    defaultDaemonSet(ds);
  },
  prepareForUpdate: (ds, old) => {
    keepStatus(ds, old);
    defaultDaemonSet(ds);
  },
  validate: validateDaemonSet,
  validateUpdate: validateDaemonSetUpdate,
};
