import type { CronJob, Job, JobCondition } from 'kubernetes-types/batch/v1';
import { parseTimestamp } from '../../../engine/time';
import { humanDuration } from '../../../format/duration';
import { age, boolPtr, columns, containerCells, formatLabelSelector, since, type TablePrinter } from './table-printer';

const hasCondition = (conditions: readonly JobCondition[] | undefined, type: string): boolean => conditions?.find((c) => c.type === type)?.status === 'True';

/** printJob's STATUS: Complete, Failed, Terminating, Suspended, FailureTarget, else Running. */
function jobStatus(job: Job & { metadata: { deletionTimestamp?: string } }): string {
  const conditions = job.status?.conditions;
  if (hasCondition(conditions, 'Complete')) return 'Complete';
  if (hasCondition(conditions, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(conditions, 'Suspended')) return 'Suspended';
  if (hasCondition(conditions, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** printJob: COMPLETIONS `succeeded/completions` (or `n/1 of parallelism`), DURATION from start to completion or now. */
export const jobPrinter: TablePrinter<Job> = {
  columns: columns(['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']),
  cells: (job, now) => {
    const st = job.status ?? {};
    const succeeded = st.succeeded ?? 0;
    const parallelism = job.spec?.parallelism ?? 0;
    const completions =
      job.spec?.completions !== undefined && job.spec.completions !== null
        ? `${succeeded}/${job.spec.completions}`
        : parallelism > 1
          ? `${succeeded}/1 of ${parallelism}`
          : `${succeeded}/1`;
    let duration = '';
    if (st.startTime) duration = st.completionTime ? humanDuration(parseTimestamp(st.completionTime) - parseTimestamp(st.startTime)) : since(st.startTime, now);
    return [job.metadata.name, jobStatus(job), completions, duration, age(job, now), ...containerCells(job.spec?.template.spec?.containers), formatLabelSelector(job.spec?.selector)];
  },
};

/** printCronJob: SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE. */
export const cronJobPrinter: TablePrinter<CronJob> = {
  columns: columns(['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'], ['CONTAINERS', 'IMAGES', 'SELECTOR']),
  cells: (cj, now) => [
    cj.metadata.name,
    cj.spec?.schedule ?? '',
    cj.spec?.timeZone ?? '<none>',
    boolPtr(cj.spec?.suspend),
    String(cj.status?.active?.length ?? 0),
    cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, now) : '<none>',
    age(cj, now),
    ...containerCells(cj.spec?.jobTemplate.spec?.template.spec?.containers),
    formatLabelSelector(cj.spec?.jobTemplate.spec?.selector),
  ],
};
