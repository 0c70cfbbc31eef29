import type { ObjectStore } from '../store/object-store';

/** Remove one finalizer from an object, if it is still there (the last one removed completes a pending deletion). */
export function removeFinalizer(store: ObjectStore, kind: string, name: string, namespace: string | undefined, finalizer: string): void {
  const obj = store.get(kind, name, namespace);
  if (!obj?.metadata.finalizers?.includes(finalizer)) return;
  store.patch(kind, name, namespace, (d) => {
    const rest = (d.metadata!.finalizers ?? []).filter((f) => f !== finalizer);
    if (rest.length) d.metadata!.finalizers = rest;
    else delete d.metadata!.finalizers;
  });
}
