import type { Pod } from 'kubernetes-types/core/v1';
import { defaultContainer, defaultPod } from '../defaults/pod';
import { podSchema } from '../schema/pod';
import { validatePod, validatePodUpdate } from '../validation/pod';
import type { Writable } from '../types';
import type { KindStrategy } from './strategy';

export const podStrategy: KindStrategy<Pod> = {
  type: { kind: 'Pod', group: '', version: 'v1', plural: 'pods', singular: 'pod', shortNames: ['po'], namespaced: true, categories: ['all'] },
  schema: podSchema,
  nameRule: 'subdomain',
  prepareForCreate: (pod, ctx) => defaultPod(pod, { randomSuffix: () => ctx.randomSuffix() }),
  prepareForUpdate: (pod, old) => {
    for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) defaultContainer(c);
    // Status is not written through the main resource: keep what the system observed.
    (pod as Writable<Pod>).status = old.status;
  },
  validate: validatePod,
  validateUpdate: validatePodUpdate,
};
