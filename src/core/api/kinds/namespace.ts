import type { Namespace } from 'kubernetes-types/core/v1';
import { arrayOf, object, str } from '../schema/dsl';
import { statusAny, topLevel } from '../schema/meta';
import { validateObjectMeta } from '../validation/metadata';
import type { Writable } from '../types';
import type { KindStrategy } from './strategy';

const schema = topLevel('Namespace', 'A scope for names; deleting a namespace deletes everything in it.', {
  spec: object('NamespaceSpec', 'Namespace behaviour.', { finalizers: arrayOf(str(''), 'Finalizers run before the namespace is removed.') }),
  status: statusAny,
});

export const namespaceStrategy: KindStrategy<Namespace> = {
  type: { kind: 'Namespace', group: '', version: 'v1', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], namespaced: false },
  schema,
  nameRule: 'dns1123-label',
  prepareForCreate: (ns) => {
    // The NamespaceLifecycle admission and the API server's defaulting.
    ns.metadata!.labels = { ...(ns.metadata!.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata!.name! };
    ns.spec = { finalizers: ['kubernetes'] };
    (ns as Writable<Namespace>).status = { phase: 'Active' };
  },
  prepareForUpdate: (ns, old) => {
    ns.metadata!.labels = { ...(ns.metadata!.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata!.name! };
    ns.spec = old.spec;
    (ns as Writable<Namespace>).status = old.status;
  },
  validate: (ns) => validateObjectMeta(ns.metadata, false, 'dns1123-label'),
};
