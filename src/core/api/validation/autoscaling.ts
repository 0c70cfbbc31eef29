import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { type FieldError, forbidden, invalid, notSupported, required } from '../field-errors';
import { validateObjectMeta } from './metadata';

/** ValidateHorizontalPodAutoscaler (autoscaling/v2). */

const METRIC_TYPES = ['Object', 'Pods', 'Resource', 'ContainerResource', 'External'];
const SOURCE_FIELD: Record<string, 'object' | 'pods' | 'resource' | 'containerResource' | 'external'> = {
  Object: 'object',
  Pods: 'pods',
  Resource: 'resource',
  ContainerResource: 'containerResource',
  External: 'external',
};

export function validateHorizontalPodAutoscaler(hpa: HorizontalPodAutoscaler): FieldError[] {
  const errs = validateObjectMeta(hpa.metadata, true, 'subdomain');
  const spec = hpa.spec;
  if (!spec) return errs;
  const ref = spec.scaleTargetRef;
  if (!ref?.kind) errs.push(required('spec.scaleTargetRef.kind', ''));
  if (!ref?.name) errs.push(required('spec.scaleTargetRef.name', ''));
  const min = spec.minReplicas ?? 1;
  if (min < 1) errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (spec.maxReplicas < 1) errs.push(invalid('spec.maxReplicas', spec.maxReplicas, 'must be greater than 0'));
  else if (spec.maxReplicas < min) errs.push(invalid('spec.maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
  (spec.metrics ?? []).forEach((m, i) => {
    const p = `spec.metrics[${i}]`;
    if (!METRIC_TYPES.includes(m.type)) {
      errs.push(notSupported(`${p}.type`, m.type, METRIC_TYPES));
      return;
    }
    const field = SOURCE_FIELD[m.type]!;
    if (!m[field]) errs.push(required(`${p}.${field}`, `must populate information for the given metric source`));
    for (const other of Object.values(SOURCE_FIELD)) {
      if (other !== field && m[other]) errs.push(forbidden(`${p}.${other}`, 'must populate the given metric source only'));
    }
    const target = m[field]?.target;
    if (target?.type === 'Utilization' && (target.averageUtilization ?? 0) <= 0) {
      errs.push(invalid(`${p}.${field}.target.averageUtilization`, target.averageUtilization ?? 0, 'must be greater than 0'));
    }
  });
  return errs;
}
