import type { ConfigMap } from 'kubernetes-types/core/v1';
import { configMapSchema } from '../schema/config';
import { validateConfigMap, validateImmutableData } from '../validation/config';
import type { KindStrategy } from './strategy';

export const configMapStrategy: KindStrategy<ConfigMap> = {
  type: { kind: 'ConfigMap', group: '', version: 'v1', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], namespaced: true },
  schema: configMapSchema,
  nameRule: 'subdomain',
  validate: validateConfigMap,
  validateUpdate: (cm, old) => [...validateConfigMap(cm), ...validateImmutableData(cm, old)],
};
