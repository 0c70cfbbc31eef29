import type { KubeObject, Stored } from '../api/types';
import type { EventType } from '../events/recorder';
import type { SimContext } from '../sim-context';
import type { WatchEvent } from '../store/object-store';
import { keyOf } from './keys';
import { type Requeue, WorkQueue } from './work-queue';

/**
 * The shape every controller has, as in kube-controller-manager: watch handlers only enqueue
 * keys; one level-triggered `reconcile(key)` reads the store, compares desired with actual state
 * and writes the difference. Running it twice is harmless. Controllers never call each other.
 */
export abstract class Controller {
  readonly queue: WorkQueue;

  constructor(
    readonly ctx: SimContext,
    /** The component name events are reported under (`replicaset-controller`, …). */
    readonly name: string,
  ) {
    this.queue = new WorkQueue(ctx.clock, name, (key) => this.reconcile(key));
  }

  abstract reconcile(key: string): Requeue | void;

  /**
   * Enqueue the key of every object a watch reports, and of those that exist now (the informer's
   * initial list). A write to nothing but the status — the controller's own report — needs no
   * new sync and is skipped, unless the controller acts on its own status (the Deployment
   * controller cleans up old ReplicaSets once its status says the rollout is complete).
   */
  protected watchOwn(kind: string, options: { statusChangesToo?: boolean } = {}): void {
    this.ctx.store.watch(kind, (e) => {
      if (!options.statusChangesToo && e.type === 'MODIFIED' && e.old && onlyStatusChanged(e.old, e.object)) return;
      this.queue.add(keyOf(e.object));
    });
    for (const o of this.ctx.store.list(kind)) this.queue.add(keyOf(o));
  }

  /** Watch a kind and enqueue whatever `keysFor` maps an event to (usually the controlling owner). */
  protected watchRelated<T extends KubeObject>(kind: string, keysFor: (e: WatchEvent<T>) => Iterable<string>): void {
    this.ctx.store.watch<T>(kind, (e) => {
      for (const key of keysFor(e)) this.queue.add(key);
    });
  }

  /**
   * Delete a pod this controller owns (unless it is already going), with the owner's event;
   * the uid precondition makes sure a pod recreated under the same name is not the one deleted.
   */
  protected deletePod(owner: Stored<KubeObject>, pod: Stored<KubeObject>, message = `Deleted pod: ${pod.metadata.name}`): void {
    if (pod.metadata.deletionTimestamp || this.ctx.store.get('Pod', pod.metadata.name, pod.metadata.namespace)?.metadata.uid !== pod.metadata.uid) return;
    this.ctx.store.delete('Pod', pod.metadata.name, pod.metadata.namespace, { preconditions: { uid: pod.metadata.uid } });
    this.event(owner, 'Normal', 'SuccessfulDelete', message);
  }

  event(obj: Stored<KubeObject>, type: EventType, reason: string, message: string): void {
    this.ctx.recorder.record(obj, type, reason, message, { component: this.name });
  }
}

/** Whether two versions differ only in status (unchanged parts are shared between versions). */
function onlyStatusChanged(a: Stored<KubeObject>, b: Stored<KubeObject>): boolean {
  const ma = a.metadata;
  const mb = b.metadata;
  return (
    a.spec === b.spec &&
    ma.labels === mb.labels &&
    ma.annotations === mb.annotations &&
    ma.finalizers === mb.finalizers &&
    ma.ownerReferences === mb.ownerReferences &&
    ma.deletionTimestamp === mb.deletionTimestamp &&
    ma.generation === mb.generation
  );
}
