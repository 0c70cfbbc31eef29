import type { Deployment } from 'kubernetes-types/apps/v1';
import { defaultDeployment } from '../defaults/workloads';
import { deploymentSchema } from '../schema/workloads';
import { validateDeployment, validateDeploymentUpdate } from '../validation/workloads';
import { keepStatus, resetStatus } from './status-subresource';
import type { KindStrategy } from './strategy';

export const deploymentStrategy: KindStrategy<Deployment> = {
  type: { kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], namespaced: true, categories: ['all'] },
  schema: deploymentSchema,
  nameRule: 'subdomain',
  prepareForCreate: (d) => {
    resetStatus(d);
    defaultDeployment(d);
  },
  prepareForUpdate: (d, old) => {
    keepStatus(d, old);
    defaultDeployment(d);
  },
  validate: validateDeployment,
  validateUpdate: validateDeploymentUpdate,
};
