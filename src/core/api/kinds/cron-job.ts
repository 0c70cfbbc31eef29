import type { CronJob } from 'kubernetes-types/batch/v1';
import { defaultCronJob } from '../defaults/batch';
import { cronJobSchema } from '../schema/batch';
import { validateCronJob } from '../validation/batch';
import { keepStatus, resetStatus } from './status-subresource';
import type { KindStrategy } from './strategy';

export const cronJobStrategy: KindStrategy<CronJob> = {
  type: { kind: 'CronJob', group: 'batch', version: 'v1', plural: 'cronjobs', singular: 'cronjob', shortNames: ['cj'], namespaced: true, categories: ['all'] },
  schema: cronJobSchema,
  nameRule: 'subdomain',
  prepareForCreate: (cj) => {
    resetStatus(cj, {});
    defaultCronJob(cj);
  },
  prepareForUpdate: (cj, old) => {
    keepStatus(cj, old);
    defaultCronJob(cj);
  },
  validate: validateCronJob,
};
