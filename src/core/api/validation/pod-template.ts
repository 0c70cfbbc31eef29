import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { type FieldError, invalid, notSupported, required } from '../field-errors';
import { selectorMatches } from '../labels';
import { goLabelSelector, invalidRaw, isEmptySelector, validateLabelSelector } from './common';
import { validateAnnotations, validateLabels } from './metadata';
import { validatePodSpec } from './pod';

export interface TemplateRules {
  /** The kind's word in the empty-selector message (`deployment`, `replicaset`, …). */
  readonly kindWord: string;
  /** The restart policies the controller accepts for its pods. */
  readonly restartPolicies: readonly string[];
  /** False for a CronJob's job template, whose selector is generated when each Job is created. */
  readonly selectorRequired?: boolean;
}

/**
 * The selector and pod template of a workload (ValidateDeploymentSpec, ValidateReplicaSetSpec,
 * ValidateDaemonSetSpec, ValidateStatefulSetSpec): a non-empty selector that selects the
 * template's labels, valid template metadata and pod spec, and a restart policy the controller
 * can honour.
 */
export function validateSelectorAndTemplate(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined, rules: TemplateRules): FieldError[] {
  const errs: FieldError[] = [];
  if (!selector) {
    if (rules.selectorRequired !== false) errs.push(required('spec.selector', ''));
  } else {
    errs.push(...validateLabelSelector(selector, 'spec.selector'));
    if (isEmptySelector(selector)) errs.push(invalidRaw('spec.selector', goLabelSelector(selector), `empty selector is invalid for ${rules.kindWord}`));
  }
  if (!template) {
    errs.push(required('spec.template', ''));
    return errs;
  }
  const labels = template.metadata?.labels ?? {};
  errs.push(...validateLabels(template.metadata?.labels, 'spec.template.metadata.labels'));
  errs.push(...validateAnnotations(template.metadata?.annotations, 'spec.template.metadata.annotations'));
  if (selector && !isEmptySelector(selector) && !selectorMatches(selector, labels)) {
    errs.push(invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodSpec(template.spec, 'spec.template.spec'));
  const policy = template.spec?.restartPolicy;
  if (policy !== undefined && !rules.restartPolicies.includes(policy)) {
    errs.push(notSupported('spec.template.spec.restartPolicy', policy, rules.restartPolicies));
  }
  return errs;
}
