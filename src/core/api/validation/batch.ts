import type { CronJob, Job, JobSpec } from 'kubernetes-types/batch/v1';
import { deepEqual } from '../clone';
import { parseCron } from '../cron';
import { type FieldError, invalid, notSupported, required } from '../field-errors';
import { goLabelSelector, invalidRaw, nonNegative, positive } from './common';
import { validateObjectMeta } from './metadata';
import { validateSelectorAndTemplate } from './pod-template';

/** pkg/apis/batch/validation for the fields the simulation gives meaning to. */

const JOB_RESTART_POLICIES = ['OnFailure', 'Never'];

function validateJobSpec(spec: JobSpec, prefix: string, selectorRequired = true): FieldError[] {
  const rel = (e: FieldError): FieldError => ({ ...e, field: e.field.replace(/^spec\./, `${prefix}.`) });
  const errs: FieldError[] = [];
  errs.push(...nonNegative(spec.parallelism, `${prefix}.parallelism`));
  errs.push(...nonNegative(spec.completions, `${prefix}.completions`));
  errs.push(...nonNegative(spec.backoffLimit, `${prefix}.backoffLimit`));
  errs.push(...positive(spec.activeDeadlineSeconds, `${prefix}.activeDeadlineSeconds`));
  errs.push(...nonNegative(spec.ttlSecondsAfterFinished, `${prefix}.ttlSecondsAfterFinished`));
  const modes = ['NonIndexed', 'Indexed'];
  if (spec.completionMode !== undefined && !modes.includes(spec.completionMode)) errs.push(notSupported(`${prefix}.completionMode`, spec.completionMode, modes));
  if (spec.completionMode === 'Indexed' && spec.completions === undefined) {
    errs.push(required(`${prefix}.completions`, `when completion mode is Indexed`));
  }
  const tpl = validateSelectorAndTemplate(spec.selector, spec.template, { kindWord: 'job', restartPolicies: JOB_RESTART_POLICIES, selectorRequired });
  errs.push(...tpl.map(rel));
  return errs;
}

export function validateJob(job: Job): FieldError[] {
  const errs = validateObjectMeta(job.metadata, true, 'subdomain');
  if (job.spec) errs.push(...validateJobSpec(job.spec, 'spec'));
  return errs;
}

/** On create, a selector the user wrote is refused unless manualSelector is true. */
export function validateJobCreate(job: Job, userSelector: boolean): FieldError[] {
  const errs = validateJob(job);
  if (userSelector && job.spec?.manualSelector !== true) {
    errs.push(invalidRaw('spec.selector', goLabelSelector(job.spec?.selector), '`selector` will be auto-generated'));
  }
  return errs;
}

/** ValidateJobUpdate: the selector, template (unless suspended) and completions are immutable. */
export function validateJobUpdate(job: Job, old: Job): FieldError[] {
  const errs = validateJob(job);
  if (!deepEqual(job.spec?.selector, old.spec?.selector)) errs.push(invalidRaw('spec.selector', goLabelSelector(job.spec?.selector), 'field is immutable'));
  if (!deepEqual(job.spec?.template, old.spec?.template) && !(old.spec?.suspend && job.spec?.suspend)) {
    errs.push(invalidRaw('spec.template', 'core.PodTemplateSpec{…}', 'field is immutable'));
  }
  if (job.spec?.completions !== old.spec?.completions && job.spec?.completionMode !== 'Indexed') {
    errs.push(invalid('spec.completions', job.spec?.completions ?? null, 'field is immutable'));
  }
  return errs;
}

/** CronJob names leave room for the 11-character scheduled-time suffix of their Jobs. */
const CRONJOB_MAX_NAME = 52;

export function validateCronJob(cj: CronJob): FieldError[] {
  const errs = validateObjectMeta(cj.metadata, true, 'subdomain');
  const name = cj.metadata?.name ?? '';
  if (name.length > CRONJOB_MAX_NAME) errs.push(invalid('metadata.name', name, `must be no more than ${CRONJOB_MAX_NAME} characters`));
  const spec = cj.spec;
  if (!spec) return errs;
  if (!spec.schedule) errs.push(required('spec.schedule', ''));
  else {
    const parsed = parseCron(spec.schedule);
    if (typeof parsed === 'string') errs.push(invalid('spec.schedule', spec.schedule, parsed));
    if (/TZ=|CRON_TZ=/.test(spec.schedule)) errs.push(invalid('spec.schedule', spec.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  if (spec.timeZone !== undefined && spec.timeZone !== 'UTC' && spec.timeZone !== 'Etc/UTC') {
    errs.push(invalid('spec.timeZone', spec.timeZone, `unknown time zone ${spec.timeZone}`));
  }
  const policies = ['Allow', 'Forbid', 'Replace'];
  if (spec.concurrencyPolicy !== undefined && !policies.includes(spec.concurrencyPolicy)) errs.push(notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy, policies));
  errs.push(...nonNegative(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  if (spec.jobTemplate?.spec) errs.push(...validateJobSpec(spec.jobTemplate.spec, 'spec.jobTemplate.spec', false));
  else errs.push(required('spec.jobTemplate.spec', ''));
  return errs;
}
