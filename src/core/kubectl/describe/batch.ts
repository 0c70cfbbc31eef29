import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { Stored } from '../../api/types';
import { parseTimestamp } from '../../engine/time';
import { humanDuration } from '../../format/duration';
import type { ObjectStore } from '../../store/object-store';
import { boolPtr, selectorString } from '../printers/kinds/table-printer';
import { controllerOf } from './controller-pods';
import { eventsFor, writeEvents } from './events';
import { writePodTemplate } from './pod-template';
import { DescribeWriter, rfc1123z, writeAnnotations, writeLabels } from './writer';

/** `kubectl describe job` (describeJob). */
export function describeJob(store: ObjectStore, job: Stored<Job>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  const spec = job.spec!;
  const st = job.status ?? {};
  w.line(0, `Name:\t${job.metadata.name}`);
  w.line(0, `Namespace:\t${job.metadata.namespace}`);
  w.line(0, `Selector:\t${selectorString(spec.selector)}`);
  writeLabels(w, 'Labels', job.metadata.labels);
  writeAnnotations(w, job.metadata.annotations);
  const controller = controllerOf(job);
  if (controller) w.line(0, `Controlled By:\t${controller}`);
  if (spec.parallelism !== undefined) w.line(0, `Parallelism:\t${spec.parallelism}`);
  w.line(0, `Completions:\t${spec.completions ?? '<unset>'}`);
  if (spec.completionMode) w.line(0, `Completion Mode:\t${spec.completionMode}`);
  if (spec.suspend !== undefined) w.line(0, `Suspend:\t${spec.suspend}`);
  if (spec.backoffLimit !== undefined) w.line(0, `Backoff Limit:\t${spec.backoffLimit}`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.line(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}`);
  if (st.startTime) w.line(0, `Start Time:\t${rfc1123z(st.startTime)}`);
  if (st.completionTime) w.line(0, `Completed At:\t${rfc1123z(st.completionTime)}`);
  if (st.startTime && st.completionTime) w.line(0, `Duration:\t${humanDuration(parseTimestamp(st.completionTime) - parseTimestamp(st.startTime))}`);
  if (spec.activeDeadlineSeconds !== undefined) w.line(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  const counts = `${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`;
  w.line(0, st.ready === undefined ? `Pods Statuses:\t${st.active ?? 0} Active / ${counts}` : `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${counts}`);
  if (spec.completionMode === 'Indexed') w.line(0, `Completed Indexes:\t${st.completedIndexes || '<none>'}`);
  writePodTemplate(w, spec.template);
  if (showEvents) writeEvents(w, eventsFor(store, 'Job', job.metadata.name, job.metadata.namespace, job.metadata.uid), nowMs);
  return w.toString();
}

/** `kubectl describe cronjob` (describeCronJob, describeJobTemplate, printActiveJobs). */
export function describeCronJob(store: ObjectStore, cj: Stored<CronJob>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  const spec = cj.spec!;
  const jobSpec = spec.jobTemplate.spec;
  w.line(0, `Name:\t${cj.metadata.name}`);
  w.line(0, `Namespace:\t${cj.metadata.namespace}`);
  writeLabels(w, 'Labels', cj.metadata.labels);
  writeAnnotations(w, cj.metadata.annotations);
  w.line(0, `Schedule:\t${spec.schedule}`);
  w.line(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}`);
  w.line(0, `Suspend:\t${boolPtr(spec.suspend)}`);
  w.line(0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}`);
  w.line(0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}`);
  w.line(0, `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds !== undefined ? `${spec.startingDeadlineSeconds}s` : '<unset>'}`);
  w.line(0, `Selector:\t${jobSpec?.selector ? selectorString(jobSpec.selector) : '<unset>'}`);
  w.line(0, `Parallelism:\t${jobSpec?.parallelism ?? '<unset>'}`);
  w.line(0, `Completions:\t${jobSpec?.completions ?? '<unset>'}`);
  if (jobSpec?.activeDeadlineSeconds !== undefined) w.line(0, `Active Deadline Seconds:\t${jobSpec.activeDeadlineSeconds}s`);
  writePodTemplate(w, jobSpec?.template);
  w.line(0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}`);
  const active = cj.status?.active ?? [];
  w.line(0, `Active Jobs:\t${active.length ? active.map((j) => j.name).join(', ') : '<none>'}`);
  if (showEvents) writeEvents(w, eventsFor(store, 'CronJob', cj.metadata.name, cj.metadata.namespace, cj.metadata.uid), nowMs);
  return w.toString();
}
