import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { type FieldError, invalid } from '../field-errors';
import { intOrString, object, str } from '../schema/dsl';
import { labelSelector, statusAny, topLevel } from '../schema/meta';
import type { Writable } from '../types';
import { validateObjectMeta } from '../validation/metadata';
import type { KindStrategy } from './strategy';

const schema = topLevel('PodDisruptionBudget', 'Limits how many pods of a set may be down at once through voluntary disruptions such as a drain.', {
  spec: object('PodDisruptionBudgetSpec', 'The budget.', {
    minAvailable: intOrString('Pods that must stay available, as a number or a percentage. Exclusive with maxUnavailable.'),
    maxUnavailable: intOrString('Pods that may be unavailable, as a number or a percentage. Exclusive with minAvailable.'),
    selector: labelSelector,
    unhealthyPodEvictionPolicy: str('When unhealthy pods may be evicted.', ['IfHealthyBudget', 'AlwaysAllow']),
  }),
  status: statusAny,
});

function validateIntOrPercent(v: number | string | undefined, field: string): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return v < 0 ? [invalid(field, v, 'must be greater than or equal to 0')] : [];
  const m = /^(\d+)%$/.exec(v);
  if (!m) return [invalid(field, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  return Number(m[1]) > 100 ? [invalid(field, v, 'must not be greater than 100%')] : [];
}

/**
 * policy/v1 PodDisruptionBudget (ValidatePodDisruptionBudget). In policy/v1 a missing selector
 * selects no pods and an empty one selects every pod of the namespace.
 */
export const podDisruptionBudgetStrategy: KindStrategy<PodDisruptionBudget> = {
  type: { kind: 'PodDisruptionBudget', group: 'policy', version: 'v1', plural: 'poddisruptionbudgets', singular: 'poddisruptionbudget', shortNames: ['pdb'], namespaced: true },
  schema,
  nameRule: 'subdomain',
  prepareForCreate: (pdb) => {
    (pdb as Writable<PodDisruptionBudget>).status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  },
  prepareForUpdate: (pdb, old) => {
    (pdb as Writable<PodDisruptionBudget>).status = old.status;
  },
  validate: (pdb) => {
    const errs = validateObjectMeta(pdb.metadata, true, 'subdomain');
    const spec = pdb.spec ?? {};
    if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
      errs.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
    }
    errs.push(...validateIntOrPercent(spec.minAvailable, 'spec.minAvailable'), ...validateIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'));
    return errs;
  },
};
