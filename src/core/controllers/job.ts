import type { Job, JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { deepEqual } from '../api/clone';
import type { Stored } from '../api/types';
import { parseTimestamp, rfc3339 } from '../engine/time';
import type { SimContext } from '../sim-context';
import { ApiError } from '../store/api-error';
import { claim } from './claim';
import { Controller } from './controller';
import { removeFinalizer } from './finalizers';
import { splitKey } from './keys';
import { ownersToSync } from './owner-watch';
import { podChangeMatters } from './pod-changes';
import { isPodActive, isPodReady, isPodTerminal, podFromTemplate } from './pods';
import { podsToDelete } from './replicaset';
import type { Requeue } from './work-queue';

/** The finalizer that keeps a Job's pods until the controller has counted them. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
/** Pod failure back-off: 10 s doubling per failure, capped at 6 minutes (DefaultJobPodFailureBackOff, MaxJobPodFailureBackOff). */
export const JOB_BACKOFF_BASE_MS = 10_000;
export const JOB_BACKOFF_MAX_MS = 360_000;

interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureMs: number;
}

/**
 * The Job controller (pkg/controller/job): runs pods until `completions` succeed, at most
 * `parallelism` at a time; counts each finished pod once (through the job-tracking finalizer);
 * retries failures with back-off until backoffLimit, and fails the Job when the limit or the
 * active deadline is passed. As since 1.31, FailureTarget / SuccessCriteriaMet come first and the
 * terminal Failed / Complete conditions only once no pod is left running.
 */
export class JobController extends Controller {
  private readonly backoff = new Map<string, BackoffRecord>();

  constructor(ctx: SimContext) {
    super(ctx, 'job-controller');
    this.watchOwn('Job');
    this.watchRelated<Pod>('Pod', (e) => (podChangeMatters(e) ? ownersToSync(ctx.store, e, 'Job', (o) => (o as Stored<Job>).spec?.selector) : []));
  }

  reconcile(key: string): Requeue | void {
    const { namespace, name } = splitKey(key);
    const job = this.ctx.store.get<Job>('Job', name, namespace);
    if (!job) {
      this.backoff.delete(key);
      return;
    }
    const pods = claim<Pod>(this.ctx.store, job, 'Pod', job.spec?.selector);
    if (isFinished(job)) {
      for (const p of pods) this.removeTrackingFinalizer(p);
      return;
    }
    return this.sync(key, job, pods);
  }

  private sync(key: string, job: Stored<Job>, pods: Stored<Pod>[]): Requeue | void {
    const nowMs = this.ctx.clock.now();
    const now = rfc3339(nowMs);
    const spec = job.spec!;
    const status: JobStatus = { ...(job.status ?? {}) };
    const record = this.backoff.get(key) ?? { failuresAfterLastSuccess: 0, lastFailureMs: 0 };

    // Count every pod that has finished and still carries the tracking finalizer, exactly once.
    const succeededIndexes = new Set(parseIndexes(status.completedIndexes));
    for (const p of pods) {
      if (!p.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER) || !podFinished(p)) continue;
      if (p.status?.phase === 'Succeeded') {
        status.succeeded = (status.succeeded ?? 0) + 1;
        record.failuresAfterLastSuccess = 0;
        const idx = p.metadata.annotations?.[COMPLETION_INDEX_ANNOTATION];
        if (idx !== undefined) succeededIndexes.add(Number(idx));
      } else {
        status.failed = (status.failed ?? 0) + 1;
        record.failuresAfterLastSuccess++;
        record.lastFailureMs = Math.max(record.lastFailureMs, finishedAt(p) ?? nowMs);
      }
      this.removeTrackingFinalizer(p);
    }
    this.backoff.set(key, record);
    if (spec.completionMode === 'Indexed') status.completedIndexes = formatIndexes([...succeededIndexes]);

    const active = pods.filter((p) => isPodActive(p) && !podFinished(p));
    if (!status.startTime && !spec.suspend) status.startTime = now;
    let conditions = [...(status.conditions ?? [])];
    let requeue: number | undefined;

    const failure = this.failureReason(job, status, active, nowMs);
    const complete = this.isComplete(job, status, succeededIndexes, active.length);
    if (failure && !hasCondition(conditions, 'FailureTarget')) {
      conditions = [...conditions, jobCondition('FailureTarget', failure.reason, failure.message, now)];
    }
    if (!failure && complete && !hasCondition(conditions, 'SuccessCriteriaMet')) {
      conditions = [...conditions, jobCondition('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods', now)];
    }
    if (hasCondition(conditions, 'FailureTarget') || hasCondition(conditions, 'SuccessCriteriaMet')) {
      for (const p of active) this.deletePod(job, p);
      if (active.length === 0) {
        const target = conditions.find((c) => c.type === 'FailureTarget');
        if (target) {
          conditions = [...conditions, jobCondition('Failed', target.reason!, target.message!, now)];
          this.event(job, 'Warning', target.reason!, target.message!);
        } else {
          conditions = [...conditions, jobCondition('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods', now)];
          status.completionTime = now;
          this.event(job, 'Normal', 'Completed', 'Job completed');
        }
      }
    } else {
      requeue = this.managePods(job, active, succeededIndexes, record, nowMs);
      if (spec.activeDeadlineSeconds !== undefined && status.startTime) {
        const deadline = parseTimestamp(status.startTime) + spec.activeDeadlineSeconds * 1000 - nowMs;
        requeue = Math.min(requeue ?? deadline, deadline);
      }
    }
    conditions = suspendedCondition(conditions, spec.suspend === true, now);
    this.writeStatus(job, status, conditions);
    if (isFinished(this.ctx.store.get<Job>('Job', job.metadata.name, job.metadata.namespace)!)) this.backoff.delete(key);
    if (requeue !== undefined) return { requeueAfterMs: Math.max(1, requeue) };
  }

  /** Backoff limit (failed pods, or container restarts with OnFailure) and the active deadline. */
  private failureReason(job: Stored<Job>, status: JobStatus, active: Stored<Pod>[], nowMs: number): { reason: string; message: string } | undefined {
    const spec = job.spec!;
    const limit = spec.backoffLimit ?? 6;
    let restarts = 0;
    if (spec.template.spec?.restartPolicy === 'OnFailure') {
      for (const p of active) for (const c of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += c.restartCount ?? 0;
    }
    const pastOnFailure = spec.template.spec?.restartPolicy === 'OnFailure' && (limit === 0 ? restarts > 0 : restarts >= limit);
    if ((status.failed ?? 0) > limit || pastOnFailure) return { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    if (spec.activeDeadlineSeconds !== undefined && status.startTime && parseTimestamp(status.startTime) + spec.activeDeadlineSeconds * 1000 <= nowMs) {
      return { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
    }
    return undefined;
  }

  private isComplete(job: Stored<Job>, status: JobStatus, succeededIndexes: Set<number>, active: number): boolean {
    const spec = job.spec!;
    if (spec.completionMode === 'Indexed') return succeededIndexes.size >= (spec.completions ?? 1);
    if (spec.completions !== undefined) return (status.succeeded ?? 0) >= spec.completions;
    // A work queue: done once one pod succeeded and none is left running.
    return (status.succeeded ?? 0) > 0 && active === 0;
  }

  /** Create or delete pods towards the wanted parallelism; returns when to look again (back-off). */
  private managePods(job: Stored<Job>, active: Stored<Pod>[], succeededIndexes: Set<number>, record: BackoffRecord, nowMs: number): number | undefined {
    const spec = job.spec!;
    const parallelism = spec.suspend ? 0 : (spec.parallelism ?? 1);
    const succeeded = spec.completionMode === 'Indexed' ? succeededIndexes.size : (job.status?.succeeded ?? 0);
    let want = parallelism;
    if (spec.completions !== undefined) want = Math.min(parallelism, spec.completions - succeeded);
    else if (succeeded > 0) want = 0;
    want = Math.max(0, want);
    if (active.length > want) {
      for (const p of podsToDelete(active, active.length - want)) this.deletePod(job, p);
      return undefined;
    }
    if (active.length === want) return undefined;
    if (record.failuresAfterLastSuccess > 0) {
      const delay = Math.min(JOB_BACKOFF_BASE_MS * 2 ** (record.failuresAfterLastSuccess - 1), JOB_BACKOFF_MAX_MS);
      const wait = record.lastFailureMs + delay - nowMs;
      if (wait > 0) return wait;
    }
    const indexes = spec.completionMode === 'Indexed' ? freeIndexes(spec.completions ?? 1, succeededIndexes, active) : [];
    for (let i = 0; i < want - active.length; i++) {
      const index = indexes[i];
      if (spec.completionMode === 'Indexed' && index === undefined) break;
      try {
        this.createPod(job, index);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        this.event(job, 'Warning', 'FailedCreate', `Error creating: ${e.message}`);
        throw e;
      }
    }
    return undefined;
  }

  private createPod(job: Stored<Job>, index: number | undefined): void {
    const name = job.metadata.name;
    const pod = podFromTemplate(job.spec!.template, job, { generateName: index === undefined ? `${name}-` : `${name}-${index}-` });
    pod.metadata!.finalizers = [...(pod.metadata!.finalizers ?? []), JOB_TRACKING_FINALIZER];
    if (index !== undefined) {
      pod.metadata!.annotations = { ...(pod.metadata!.annotations ?? {}), [COMPLETION_INDEX_ANNOTATION]: String(index) };
      pod.metadata!.labels = { ...(pod.metadata!.labels ?? {}), [COMPLETION_INDEX_ANNOTATION]: String(index) };
      pod.spec!.hostname ??= `${name}-${index}`;
    }
    const created = this.ctx.store.create(pod);
    this.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  }

  private removeTrackingFinalizer(pod: Stored<Pod>): void {
    removeFinalizer(this.ctx.store, 'Pod', pod.metadata.name, pod.metadata.namespace, JOB_TRACKING_FINALIZER);
  }


  private writeStatus(job: Stored<Job>, status: JobStatus, conditions: JobCondition[]): void {
    const live = this.ctx.store.dependentsOf(job.metadata.uid).filter((o): o is Stored<Pod> => o.kind === 'Pod') as Stored<Pod>[];
    const activePods = live.filter((p) => isPodActive(p) && !podFinished(p));
    const next: JobStatus = { ...status, active: activePods.length, ready: activePods.filter(isPodReady).length, terminating: live.filter((p) => p.metadata.deletionTimestamp && !isPodTerminal(p) && !podFinished(p)).length, uncountedTerminatedPods: {} };
    if (conditions.length) next.conditions = conditions;
    else delete next.conditions;
    for (const k of ['active', 'succeeded', 'failed'] as const) if (!next[k]) delete next[k];
    if (deepEqual(next, job.status ?? {})) return;
    this.ctx.store.patchStatus<Job>('Job', job.metadata.name, job.metadata.namespace, (d) => {
      (d as { status?: JobStatus }).status = next;
    });
  }
}

/** A pod the Job counts as finished: terminal, or deleted and no longer running on its node. */
function podFinished(p: Pod): boolean {
  return isPodTerminal(p) || (!!p.metadata?.deletionTimestamp && (p.metadata.deletionGracePeriodSeconds ?? 0) === 0);
}

function finishedAt(p: Pod): number | undefined {
  let latest: number | undefined;
  for (const c of p.status?.containerStatuses ?? []) {
    const t = c.state?.terminated?.finishedAt;
    if (t) latest = Math.max(latest ?? 0, parseTimestamp(t));
  }
  return latest;
}

/** The Job's Complete or Failed condition when it is True (pkg/controller/job/util: FinishedCondition); the cronjob and TTL-after-finished controllers read it too. */
export function finishedCondition(job: Job): JobCondition | undefined {
  return job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

function isFinished(job: Job): boolean {
  return finishedCondition(job) !== undefined;
}

function hasCondition(conditions: readonly JobCondition[], type: string): boolean {
  return conditions.some((c) => c.type === type && c.status === 'True');
}

function jobCondition(type: string, reason: string, message: string, now: string): JobCondition {
  return { type, status: 'True', lastProbeTime: now, lastTransitionTime: now, reason, message };
}

/** The Suspended condition: True with JobSuspended while suspended, False with JobResumed after. */
function suspendedCondition(conditions: JobCondition[], suspended: boolean, now: string): JobCondition[] {
  const current = conditions.find((c) => c.type === 'Suspended');
  if (suspended && current?.status !== 'True') return [...conditions.filter((c) => c !== current), jobCondition('Suspended', 'JobSuspended', 'Job suspended', now)];
  if (!suspended && current?.status === 'True') {
    return [...conditions.filter((c) => c !== current), { ...jobCondition('Suspended', 'JobResumed', 'Job resumed', now), status: 'False' }];
  }
  return conditions;
}

/** `0-2,5` → [0, 1, 2, 5]. */
function parseIndexes(text: string | undefined): number[] {
  if (!text) return [];
  return text.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number) as [number, number | undefined];
    if (b === undefined) return [a];
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  });
}

function formatIndexes(indexes: number[]): string | undefined {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

function freeIndexes(completions: number, succeeded: Set<number>, active: Stored<Pod>[]): number[] {
  const busy = new Set(active.map((p) => Number(p.metadata.annotations?.[COMPLETION_INDEX_ANNOTATION])));
  const out: number[] = [];
  for (let i = 0; i < completions; i++) if (!succeeded.has(i) && !busy.has(i)) out.push(i);
  return out;
}
