import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { deepClone } from '../api/clone';
import { nextCronTime, parseCron } from '../api/cron';
import type { Stored } from '../api/types';
import { parseTimestamp, rfc3339, SIMULATION_EPOCH_MS } from '../engine/time';
import type { SimContext } from '../sim-context';
import { ApiError } from '../store/api-error';
import { ownedBy, ownerKey } from './claim';
import { Controller } from './controller';
import { finishedCondition } from './job';
import { splitKey } from './keys';
import { controllerRefTo, createdAt } from './pods';
import type { Requeue } from './work-queue';

/** The annotation on a CronJob's Jobs recording the time they were scheduled for. */
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/**
 * The CronJob controller (pkg/controller/cronjob, the v2 controller): at each scheduled time,
 * create the Job `<cronjob>-<minutes since epoch>` from the template, honouring suspend,
 * startingDeadlineSeconds and concurrencyPolicy (Allow, Forbid: skip while one runs, Replace:
 * delete the running one), then trim finished Jobs to the history limits.
 */
export class CronJobController extends Controller {
  constructor(ctx: SimContext) {
    super(ctx, 'cronjob-controller');
    this.watchOwn('CronJob');
    this.watchRelated<Job>('Job', (e) => ownerKey(e.object, 'CronJob'));
  }

  reconcile(key: string): Requeue | void {
    const { namespace, name } = splitKey(key);
    const cj = this.ctx.store.get<CronJob>('CronJob', name, namespace);
    if (!cj || cj.metadata.deletionTimestamp) return;
    const jobs = ownedBy<Job>(this.ctx.store, cj, 'Job');
    const active = jobs.filter((j) => !finishedCondition(j));
    this.syncStatus(cj, jobs, active);
    this.cleanupFinished(cj, jobs);
    const schedule = parseCron(cj.spec!.schedule);
    if (typeof schedule === 'string' || cj.spec?.suspend) return;

    const nowMs = this.ctx.clock.now();
    const nowWall = SIMULATION_EPOCH_MS + nowMs;
    const current = this.ctx.store.get<CronJob>('CronJob', name, namespace)!;
    const lastWall = current.status?.lastScheduleTime ? SIMULATION_EPOCH_MS + parseTimestamp(current.status.lastScheduleTime) : SIMULATION_EPOCH_MS + createdAt(current);
    // The most recent schedule time that has passed and not been run.
    let due: number | undefined;
    for (let t = nextCronTime(schedule, lastWall); t !== undefined && t <= nowWall; t = nextCronTime(schedule, t)) due = t;
    const next = nextCronTime(schedule, nowWall);
    const requeue = next === undefined ? undefined : { requeueAfterMs: next - nowWall + 100 };
    if (due === undefined) return requeue;
    const deadline = current.spec?.startingDeadlineSeconds;
    if (deadline !== undefined && due + deadline * 1000 < nowWall) {
      this.event(current, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${new Date(due).toISOString().replace('.000Z', 'Z')}`);
      return requeue;
    }
    const policy = current.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && active.length > 0) {
      this.event(current, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return requeue;
    }
    if (policy === 'Replace') {
      for (const j of active) {
        this.ctx.store.delete('Job', j.metadata.name, namespace, { propagationPolicy: 'Background' });
        this.event(current, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
      }
    }
    this.createJob(current, due);
    return requeue;
  }

  private createJob(cj: Stored<CronJob>, scheduledWall: number): void {
    const template = cj.spec!.jobTemplate;
    const jobName = `${cj.metadata.name}-${Math.floor(scheduledWall / 60_000)}`;
    const job: Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jobName,
        namespace: cj.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}) },
        annotations: { ...(template.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: new Date(scheduledWall).toISOString().replace('.000Z', 'Z') },
        ownerReferences: [controllerRefTo(cj)],
      },
      spec: deepClone(template.spec!),
    };
    const scheduleTime = rfc3339(scheduledWall - SIMULATION_EPOCH_MS);
    try {
      const created = this.ctx.store.create(job);
      this.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
      const ref: ObjectReference = { kind: 'Job', namespace: created.metadata.namespace, name: created.metadata.name, uid: created.metadata.uid, apiVersion: 'batch/v1', resourceVersion: created.metadata.resourceVersion };
      this.ctx.store.patchStatus<CronJob>('CronJob', cj.metadata.name, cj.metadata.namespace, (d) => {
        const st = ((d as { status: NonNullable<CronJob['status']> }).status ??= {});
        st.lastScheduleTime = scheduleTime;
        st.active = [...(st.active ?? []), ref];
      });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'AlreadyExists') return;
      this.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${e.message}`);
      throw e;
    }
  }

  /** status.active lists running Jobs; a Job seen finishing is reported once (SawCompletedJob) and lastSuccessfulTime set. */
  private syncStatus(cj: Stored<CronJob>, jobs: Stored<Job>[], active: Stored<Job>[]): void {
    const listed = cj.status?.active ?? [];
    const stillActive = listed.filter((r) => active.some((j) => j.metadata.uid === r.uid));
    let lastSuccessful = cj.status?.lastSuccessfulTime;
    for (const ref of listed) {
      if (stillActive.includes(ref)) continue;
      const job = jobs.find((j) => j.metadata.uid === ref.uid);
      const done = job ? finishedCondition(job) : undefined;
      if (job && done) {
        this.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${done.type}`);
        if (done.type === 'Complete' && job.status?.completionTime) lastSuccessful = job.status.completionTime;
      }
    }
    for (const j of active) if (!stillActive.some((r) => r.uid === j.metadata.uid)) stillActive.push({ kind: 'Job', namespace: j.metadata.namespace, name: j.metadata.name, uid: j.metadata.uid, apiVersion: 'batch/v1', resourceVersion: j.metadata.resourceVersion });
    const sameActive = JSON.stringify(stillActive.map((r) => r.uid)) === JSON.stringify(listed.map((r) => r.uid));
    if (sameActive && lastSuccessful === cj.status?.lastSuccessfulTime) return;
    this.ctx.store.patchStatus<CronJob>('CronJob', cj.metadata.name, cj.metadata.namespace, (d) => {
      const st = ((d as { status: NonNullable<CronJob['status']> }).status ??= {});
      if (stillActive.length) st.active = stillActive;
      else delete st.active;
      if (lastSuccessful) st.lastSuccessfulTime = lastSuccessful;
    });
  }

  /** Keep successfulJobsHistoryLimit successful and failedJobsHistoryLimit failed Jobs, the newest. */
  private cleanupFinished(cj: Stored<CronJob>, jobs: Stored<Job>[]): void {
    const trim = (type: string, limit: number) => {
      const finished = jobs.filter((j) => finishedCondition(j)?.type === type && !j.metadata.deletionTimestamp).sort((a, b) => createdAt(a) - createdAt(b));
      for (const j of finished.slice(0, Math.max(0, finished.length - limit))) {
        this.ctx.store.delete('Job', j.metadata.name, j.metadata.namespace, { propagationPolicy: 'Background' });
        this.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
      }
    };
    trim('Complete', cj.spec?.successfulJobsHistoryLimit ?? 3);
    trim('Failed', cj.spec?.failedJobsHistoryLimit ?? 1);
  }
}
