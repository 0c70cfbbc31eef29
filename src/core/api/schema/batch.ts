import { bool, int, object, str } from './dsl';
import { objectMeta, labelSelector, statusAny, topLevel } from './meta';
import { podTemplateSpec } from './pod';

/** Schemas of the batch/v1 kinds. */

const jobSpecProps = {
  parallelism: int('Pods that may run at once. Default 1.'),
  completions: int('Successful pods needed. Default 1; unset with parallelism > 1 means a work queue.'),
  activeDeadlineSeconds: int('Seconds the Job may be active before it is failed (DeadlineExceeded).', 'int64'),
  backoffLimit: int('Retries before the Job is marked failed (BackoffLimitExceeded). Default 6.'),
  selector: labelSelector,
  manualSelector: bool('Use your own selector instead of the generated one.'),
  template: podTemplateSpec,
  ttlSecondsAfterFinished: int('Seconds after finishing before the Job is deleted.'),
  completionMode: str('NonIndexed or Indexed. Default NonIndexed.', ['NonIndexed', 'Indexed']),
  suspend: bool('Suspend the Job: no pods are created and active ones are deleted.'),
  podReplacementPolicy: str('When to create replacement pods: TerminatingOrFailed or Failed.', ['TerminatingOrFailed', 'Failed']),
};

const jobSpec = object('JobSpec', 'The desired behaviour of the Job.', jobSpecProps, ['template']);

export const jobSchema = topLevel('Job', 'Runs pods to completion, retrying failures with back-off.', {
  spec: jobSpec,
  status: statusAny,
});

export const cronJobSchema = topLevel('CronJob', 'Creates Jobs on a repeating schedule.', {
  spec: object('CronJobSpec', 'The schedule and the Job to create.', {
    schedule: str('Cron schedule, e.g. "*/5 * * * *" or "@hourly".'),
    timeZone: str('Time zone of the schedule. Default the controller\'s (UTC).'),
    startingDeadlineSeconds: int('Seconds after a missed schedule during which the Job may still start.', 'int64'),
    concurrencyPolicy: str('Allow, Forbid or Replace concurrent runs. Default Allow.', ['Allow', 'Forbid', 'Replace']),
    suspend: bool('Suspend future runs.'),
    jobTemplate: object('JobTemplateSpec', 'The Job created at each run.', { metadata: objectMeta, spec: jobSpec }),
    successfulJobsHistoryLimit: int('Finished successful Jobs kept. Default 3.'),
    failedJobsHistoryLimit: int('Finished failed Jobs kept. Default 1.'),
  }, ['schedule', 'jobTemplate']),
  status: statusAny,
});

