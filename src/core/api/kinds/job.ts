import type { Job } from 'kubernetes-types/batch/v1';
import { defaultJobSpec, generateJobSelector } from '../defaults/batch';
import { jobSchema } from '../schema/batch';
import { validateJobCreate, validateJobUpdate } from '../validation/batch';
import { keepStatus, resetStatus } from './status-subresource';
import type { KindStrategy } from './strategy';

/** Whether the user wrote a selector, remembered between defaulting and validation of one create. */
const userSelectors = new WeakSet<Job>();

export const jobStrategy: KindStrategy<Job> = {
  type: { kind: 'Job', group: 'batch', version: 'v1', plural: 'jobs', singular: 'job', shortNames: [], namespaced: true, categories: ['all'] },
  schema: jobSchema,
  nameRule: 'subdomain',
  prepareForCreate: (job) => {
    resetStatus(job);
    if (job.spec?.selector && job.spec.manualSelector !== true) userSelectors.add(job);
    defaultJobSpec(job.spec);
    if (!userSelectors.has(job)) generateJobSelector(job);
  },
  prepareForUpdate: (job, old) => {
    keepStatus(job, old);
    defaultJobSpec(job.spec);
  },
  validate: (job) => validateJobCreate(job, userSelectors.has(job)),
  validateUpdate: validateJobUpdate,
};

