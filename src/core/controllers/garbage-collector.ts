import type { KubeObject, Stored } from '../api/types';
import type { SimContext } from '../sim-context';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../store/delete-options';
import type { WatchEvent } from '../store/object-store';
import { Controller } from './controller';
import { removeFinalizer } from './finalizers';
import type { Requeue } from './work-queue';

/**
 * The garbage collector (pkg/controller/garbagecollector), keyed by uid:
 * - an object all of whose owners are gone is deleted (background deletion of dependents);
 *   references to owners that are gone, next to live ones, are removed;
 * - an owner deleted with propagationPolicy=Orphan (finalizer `orphan`) has its dependents'
 *   references to it removed, then its finalizer;
 * - an owner deleted with Foreground (finalizer `foregroundDeletion`) has its dependents deleted
 *   first, and goes once none with blockOwnerDeletion is left.
 */
export class GarbageCollector extends Controller {
  constructor(ctx: SimContext) {
    super(ctx, 'garbage-collector-controller');
    ctx.store.watch('*', (e) => this.onChange(e));
    for (const kind of ctx.store.kinds()) for (const o of ctx.store.list(kind)) if (o.metadata.ownerReferences?.length) this.queue.add(o.metadata.uid);
  }

  private onChange(e: WatchEvent): void {
    const obj = e.object;
    const uid = obj.metadata.uid;
    if (e.type === 'DELETED') {
      for (const dep of this.ctx.store.dependentsOf(uid)) this.queue.add(dep.metadata.uid);
      // A dependent going may release an owner waiting in foreground deletion.
      for (const ref of obj.metadata.ownerReferences ?? []) this.queue.add(ref.uid);
      return;
    }
    const finalizers = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && (finalizers.includes(ORPHAN_FINALIZER) || finalizers.includes(FOREGROUND_FINALIZER))) this.queue.add(uid);
    const refs = obj.metadata.ownerReferences;
    if (refs?.length && (e.type === 'ADDED' || refs !== e.old?.metadata.ownerReferences)) this.queue.add(uid);
    if (obj.metadata.deletionTimestamp && !e.old?.metadata.deletionTimestamp) for (const ref of refs ?? []) this.queue.add(ref.uid);
  }

  reconcile(uid: string): Requeue | void {
    const obj = this.ctx.store.getByUid(uid);
    if (!obj) return;
    const finalizers = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp && finalizers.includes(ORPHAN_FINALIZER)) return this.orphanDependents(obj);
    if (obj.metadata.deletionTimestamp && finalizers.includes(FOREGROUND_FINALIZER)) return this.deleteDependentsFirst(obj);
    this.collectIfOwnersGone(obj);
  }

  private orphanDependents(owner: Stored<KubeObject>): void {
    const uid = owner.metadata.uid;
    for (const dep of this.ctx.store.dependentsOf(uid)) {
      this.ctx.store.patch(dep.kind, dep.metadata.name, dep.metadata.namespace, (d) => {
        const refs = (d.metadata!.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (refs.length) d.metadata!.ownerReferences = refs;
        else delete d.metadata!.ownerReferences;
      });
    }
    removeFinalizer(this.ctx.store, owner.kind, owner.metadata.name, owner.metadata.namespace, ORPHAN_FINALIZER);
  }

  private deleteDependentsFirst(owner: Stored<KubeObject>): void {
    const dependents = this.ctx.store.dependentsOf(owner.metadata.uid);
    for (const dep of dependents) {
      if (dep.metadata.deletionTimestamp) continue;
      const hasOwnDependents = this.ctx.store.dependentsOf(dep.metadata.uid).length > 0;
      this.ctx.store.delete(dep.kind, dep.metadata.name, dep.metadata.namespace, {
        propagationPolicy: hasOwnDependents ? 'Foreground' : 'Background',
        preconditions: { uid: dep.metadata.uid },
      });
    }
    const blocking = this.ctx.store
      .dependentsOf(owner.metadata.uid)
      .some((d) => d.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid && r.blockOwnerDeletion));
    if (!blocking) removeFinalizer(this.ctx.store, owner.kind, owner.metadata.name, owner.metadata.namespace, FOREGROUND_FINALIZER);
  }

  private collectIfOwnersGone(obj: Stored<KubeObject>): void {
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0 || obj.metadata.deletionTimestamp) return;
    const dangling = refs.filter((r) => {
      const owner = this.ctx.store.getByUid(r.uid);
      return !owner || owner.kind !== r.kind || owner.metadata.name !== r.name;
    });
    if (dangling.length === 0) return;
    if (dangling.length === refs.length) {
      this.ctx.store.delete(obj.kind, obj.metadata.name, obj.metadata.namespace, { propagationPolicy: 'Background', preconditions: { uid: obj.metadata.uid } });
      return;
    }
    const gone = new Set(dangling.map((r) => r.uid));
    this.ctx.store.patch(obj.kind, obj.metadata.name, obj.metadata.namespace, (d) => {
      d.metadata!.ownerReferences = (d.metadata!.ownerReferences ?? []).filter((r) => !gone.has(r.uid));
    });
  }

}
