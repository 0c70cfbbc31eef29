import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { forbidden } from '../field-errors';
import { controllerRevisionSchema } from '../schema/workloads';
import { validateObjectMeta } from '../validation/metadata';
import type { KindStrategy } from './strategy';

/** ControllerRevision: the template history of DaemonSets and StatefulSets. Its data is immutable. */
export const controllerRevisionStrategy: KindStrategy<ControllerRevision> = {
  type: { kind: 'ControllerRevision', group: 'apps', version: 'v1', plural: 'controllerrevisions', singular: 'controllerrevision', shortNames: [], namespaced: true },
  schema: controllerRevisionSchema,
  nameRule: 'subdomain',
  validate: (cr) => validateObjectMeta(cr.metadata, true, 'subdomain'),
  validateUpdate: (cr, old) => {
    const errs = validateObjectMeta(cr.metadata, true, 'subdomain');
    if (JSON.stringify(cr.data) !== JSON.stringify(old.data)) errs.push(forbidden('data', 'field is immutable'));
    return errs;
  },
};
