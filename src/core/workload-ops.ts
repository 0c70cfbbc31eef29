import { qualifiedSingular } from './api/resource-types';
import { rollbackDeployment } from './controllers/deployment/rollback';
import { restartWorkload, rolloutStatus, setPaused } from './controllers/rollout';
import { setScale } from './controllers/scale';
import { ApiError } from './store/api-error';
import type { ObjectStore } from './store/object-store';

/**
 * The workload operations of kubectl (`rollout undo|restart|pause|resume|status`, `scale`) as
 * one function each over the store, with kubectl's output lines, for the headless API and the
 * kubectl emulation.
 */
export type RolloutAction = 'undo' | 'restart' | 'pause' | 'resume';

export interface OpResult {
  readonly ok: boolean;
  /** kubectl's stdout line on success, or its error line. */
  readonly message: string;
}

export function runRollout(store: ObjectStore, nowMs: number, action: RolloutAction, kindName: string, name: string, namespace: string, toRevision?: number): OpResult {
  return guard(store, kindName, (kind, label) => {
    switch (action) {
      case 'undo':
        if (kind !== 'Deployment') return fail(`error: no rollbacker has been implemented for ${JSON.stringify(kind)}`);
        return ok(`${label}/${name} ${rollbackDeployment(store, name, namespace, toRevision).outcome}`);
      case 'restart':
        restartWorkload(store, kind, name, namespace, nowMs);
        return ok(`${label}/${name} restarted`);
      case 'pause':
      case 'resume':
        if (kind !== 'Deployment') return fail(`error: ${label}/${name} ${action === 'pause' ? 'pausing' : 'resuming'} is not supported`);
        setPaused(store, name, namespace, action === 'pause');
        return ok(`${label}/${name} ${action}d`);
    }
  });
}

export function runScale(store: ObjectStore, kindName: string, name: string, namespace: string, replicas: number, currentReplicas?: number): OpResult {
  return guard(store, kindName, (kind, label) => {
    setScale(store, kind, name, namespace, replicas, currentReplicas);
    return ok(`${label}/${name} scaled`);
  });
}

export function runRolloutStatus(store: ObjectStore, kindName: string, name: string, namespace: string): OpResult & { done: boolean } {
  let done = false;
  const result = guard(store, kindName, (kind) => {
    const st = rolloutStatus(store, kind, name, namespace);
    done = st.done;
    return ok(st.message);
  });
  return { ...result, done };
}

function guard(store: ObjectStore, kindName: string, run: (kind: string, label: string) => OpResult): OpResult {
  const type = store.registry.types.resolve(kindName);
  if (!type) return fail(`error: the server doesn't have a resource type ${JSON.stringify(kindName)}`);
  try {
    return run(type.kind, qualifiedSingular(type));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.reason === 'BadRequest' || (e.reason === 'NotFound' && /revision|history/.test(e.message))) return fail(`error: ${e.message}`);
    return fail(e.kubectlMessage());
  }
}

const ok = (message: string): OpResult => ({ ok: true, message });
const fail = (message: string): OpResult => ({ ok: false, message });
