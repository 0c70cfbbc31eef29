import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Stored } from '../../api/types';
import { rfc3339 } from '../../engine/time';
import type { SimContext } from '../../sim-context';
import type { Pod } from 'kubernetes-types/core/v1';
import { claim, ownerKey } from '../claim';
import { controllerRefOf } from '../pods';
import { Controller } from '../controller';
import { splitKey } from '../keys';
import { ownersToSync } from '../owner-watch';
import type { Requeue } from '../work-queue';
import { syncStatusOnly } from './progress';
import { type DeploymentSync, loadRollout } from './replica-sets';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import { isScalingEvent, syncScaling } from './scale';
import { condition, type Dep, getCondition, type RS, setCondition } from './util';

/**
 * The Deployment controller (pkg/controller/deployment): owns ReplicaSets, one per pod template,
 * and moves pods from the old ones to the new one with the Deployment's strategy. Split as
 * upstream is: rolling.go, recreate.go, sync.go (scaling), progress.go; rollback is a client-side
 * operation in apps/v1 (rollback.ts).
 */
export class DeploymentController extends Controller implements DeploymentSync {
  constructor(ctx: SimContext) {
    super(ctx, 'deployment-controller');
    this.watchOwn('Deployment', { statusChangesToo: true });
    this.watchRelated<ReplicaSet>('ReplicaSet', (e) => ownersToSync(ctx.store, e, 'Deployment', (o) => (o as Stored<Deployment>).spec?.selector));
    // deletePod: a Recreate rollout waits for the last old pod to be gone.
    this.watchRelated<Pod>('Pod', (e) => {
      if (e.type !== 'DELETED') return [];
      const rsRef = controllerRefOf(e.object);
      const rs = rsRef?.kind === 'ReplicaSet' ? ctx.store.getByUid<ReplicaSet>(rsRef.uid) : undefined;
      const keys = ownerKey(rs, 'Deployment');
      return keys.filter((k) => {
        const { namespace, name } = splitKey(k);
        return ctx.store.get<Deployment>('Deployment', name, namespace)?.spec?.strategy?.type === 'Recreate';
      });
    });
  }

  reconcile(key: string): Requeue | void {
    const { namespace, name } = splitKey(key);
    const d = this.ctx.store.get<Deployment>('Deployment', name, namespace);
    if (!d) return;
    const rsList = claim<ReplicaSet>(this.ctx.store, d, 'ReplicaSet', d.spec?.selector) as RS[];
    if (d.metadata.deletionTimestamp) {
      syncStatusOnly(this, loadRollout(this, d, rsList, false));
      return;
    }
    const current = this.checkPausedConditions(d);
    if (current.spec?.paused) return syncScaling(this, current, rsList);
    if (isScalingEvent(this, current, rsList)) return syncScaling(this, current, rsList);
    return current.spec?.strategy?.type === 'Recreate' ? rolloutRecreate(this, current, rsList) : rolloutRolling(this, current, rsList);
  }

  /** checkPausedConditions: Progressing is Unknown with DeploymentPaused while paused, DeploymentResumed after. */
  private checkPausedConditions(d: Dep): Dep {
    const cond = getCondition(d, 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') return d;
    const paused = d.spec?.paused === true;
    const now = rfc3339(this.ctx.clock.now());
    let next: ReturnType<typeof condition> | undefined;
    if (paused && cond?.reason !== 'DeploymentPaused') next = condition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', now);
    else if (!paused && cond?.reason === 'DeploymentPaused') next = condition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', now);
    if (!next) return d;
    const update = next;
    return this.ctx.store.patchStatus<Dep>('Deployment', d.metadata.name, d.metadata.namespace, (x) => {
      const st = ((x as { status: NonNullable<Dep['status']> }).status ??= {});
      st.conditions = setCondition(st.conditions ?? [], update);
    });
  }
}
