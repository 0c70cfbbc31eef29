import type { CronJob, Job, JobSpec } from 'kubernetes-types/batch/v1';
import { defaultTemplate } from './workloads';

/** Labels the API server puts on a Job's pod template and selector (batch/v1 job strategy). */
export const JOB_CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
/** The legacy unprefixed copies, still written for compatibility. */
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';

/** SetDefaults_Job: completions and parallelism 1 unless a work queue, backoffLimit 6, NonIndexed. */
export function defaultJobSpec(spec: JobSpec | undefined): void {
  if (!spec) return;
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  defaultTemplate(spec.template);
}

/**
 * The job strategy's generated selector (PrepareForCreate): unless manualSelector is true, the
 * selector is `batch.kubernetes.io/controller-uid=<uid>` and the template carries that label and
 * the job name, so a Job never adopts another's pods.
 */
export function generateJobSelector(job: Job): void {
  const spec = job.spec;
  const uid = job.metadata?.uid;
  if (!spec || !uid || spec.manualSelector === true) return;
  const name = job.metadata?.name ?? '';
  spec.selector = { matchLabels: { [JOB_CONTROLLER_UID_LABEL]: uid } };
  const meta = (spec.template.metadata ??= {});
  meta.labels = {
    ...(meta.labels ?? {}),
    [JOB_CONTROLLER_UID_LABEL]: uid,
    [JOB_NAME_LABEL]: name,
    [LEGACY_CONTROLLER_UID_LABEL]: uid,
    [LEGACY_JOB_NAME_LABEL]: name,
  };
}

export function defaultCronJob(cj: CronJob): void {
  const spec = cj.spec;
  if (!spec) return;
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  defaultJobSpec(spec.jobTemplate?.spec);
}
