import type { Job } from 'kubernetes-types/batch/v1';
import { parseTimestamp } from '../engine/time';
import type { SimContext } from '../sim-context';
import { Controller } from './controller';
import { finishedCondition } from './job';
import { splitKey } from './keys';
import type { Requeue } from './work-queue';

/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
 * ttlSecondsAfterFinished is deleted that many seconds after its Complete or Failed condition,
 * with foreground cascading so its pods go first.
 */
export class TtlAfterFinishedController extends Controller {
  constructor(ctx: SimContext) {
    super(ctx, 'ttl-after-finished-controller');
    this.watchOwn('Job');
  }

  reconcile(key: string): Requeue | void {
    const { namespace, name } = splitKey(key);
    const job = this.ctx.store.get<Job>('Job', name, namespace);
    const ttl = job?.spec?.ttlSecondsAfterFinished;
    if (!job || ttl === undefined || job.metadata.deletionTimestamp) return;
    const finished = finishedCondition(job);
    if (!finished?.lastTransitionTime) return;
    const expires = parseTimestamp(finished.lastTransitionTime) + ttl * 1000;
    const now = this.ctx.clock.now();
    if (expires > now) return { requeueAfterMs: expires - now };
    this.ctx.store.delete('Job', name, namespace, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } });
  }
}
