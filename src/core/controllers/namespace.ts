import type { Namespace, NamespaceCondition } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import { rfc3339 } from '../engine/time';
import type { SimContext } from '../sim-context';
import { Controller } from './controller';
import type { Requeue } from './work-queue';

/**
 * The namespace controller (pkg/controller/namespace): once a namespace is being deleted, delete
 * everything in it, report what remains in its conditions, and when it is empty remove the
 * `kubernetes` finalizer, which completes its deletion.
 */
export class NamespaceController extends Controller {
  constructor(ctx: SimContext) {
    super(ctx, 'namespace-controller');
    ctx.store.watch<Namespace>('Namespace', (e) => {
      if (e.object.metadata.deletionTimestamp && e.type !== 'DELETED') this.queue.add(e.object.metadata.name);
    });
    ctx.store.watch('*', (e) => {
      const ns = e.object.metadata.namespace;
      if (e.type === 'DELETED' && ns && ctx.store.get('Namespace', ns)?.metadata.deletionTimestamp) this.queue.add(ns);
    });
  }

  reconcile(name: string): Requeue | void {
    const { store } = this.ctx;
    const ns = store.get<Namespace>('Namespace', name);
    if (!ns?.metadata.deletionTimestamp) return;
    const remaining = new Map<string, number>();
    const withFinalizers = new Map<string, number>();
    for (const type of store.registry.types.all()) {
      if (!type.namespaced) continue;
      for (const obj of store.list(type.kind, name)) {
        if (!obj.metadata.deletionTimestamp) store.delete(type.kind, obj.metadata.name, name, { preconditions: { uid: obj.metadata.uid } });
        const still = store.get(type.kind, obj.metadata.name, name);
        if (!still) continue;
        // Upstream prints group resources as `<plural>.<group>`, so core ones read `pods.`.
        const resource = `${type.plural}.${type.group}`;
        remaining.set(resource, (remaining.get(resource) ?? 0) + 1);
        for (const f of still.metadata.finalizers ?? []) withFinalizers.set(f, (withFinalizers.get(f) ?? 0) + 1);
      }
    }
    if (remaining.size === 0) {
      store.finalizeNamespace(name);
      return;
    }
    this.report(ns, remaining, withFinalizers);
  }

  private report(ns: Stored<Namespace>, remaining: Map<string, number>, finalizers: Map<string, number>): void {
    const now = rfc3339(this.ctx.clock.now());
    const list = (m: Map<string, number>, what: string) => [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} has ${n} ${what}`).join(', ');
    const conditions: NamespaceCondition[] = [
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', lastTransitionTime: now, reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', lastTransitionTime: now, reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
      { type: 'NamespaceDeletionContentFailure', status: 'False', lastTransitionTime: now, reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
      { type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: now, reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${list(remaining, 'resource instances')}` },
      finalizers.size
        ? { type: 'NamespaceFinalizersRemaining', status: 'True', lastTransitionTime: now, reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${list(finalizers, 'resource instances')}` }
        : { type: 'NamespaceFinalizersRemaining', status: 'False', lastTransitionTime: now, reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
    ];
    const sameMessages = (a: NamespaceCondition[] | undefined) => JSON.stringify(a?.map((c) => [c.type, c.status, c.message])) === JSON.stringify(conditions.map((c) => [c.type, c.status, c.message]));
    if (sameMessages(ns.status?.conditions)) return;
    this.ctx.store.patchStatus<Namespace>('Namespace', ns.metadata.name, undefined, (d) => {
      (d as { status: NonNullable<Namespace['status']> }).status = { ...(d.status ?? {}), conditions };
    });
  }
}
