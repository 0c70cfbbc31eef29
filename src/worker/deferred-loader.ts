import { type DeferredModules, type DeferredName, isDeferredLoaded, provideDeferred } from '../core/deferred/registry';

/** Dynamic imports: each becomes its own chunk, fetched the first time the worker needs it. */
const IMPORTS: { readonly [K in DeferredName]: () => Promise<DeferredModules[K]> } = {
  yaml: () => import('./deferred-yaml'),
  kubectl: async () => (await import('./deferred-kubectl')).KUBECTL,
};

/** What each chunk is, for the error a learner reads when it cannot be fetched. */
const LABELS: { readonly [K in DeferredName]: string } = { yaml: 'the YAML parser', kubectl: 'kubectl' };

const loading = new Map<DeferredName, Promise<void>>();

/** Load and provide the named deferred modules (once each; later calls share the first load). */
export function loadDeferred(names: readonly DeferredName[]): Promise<void> {
  return Promise.all(names.filter((n) => !isDeferredLoaded(n)).map(loadOne)).then(() => undefined);
}

function loadOne<K extends DeferredName>(name: K): Promise<void> {
  let pending = loading.get(name);
  if (!pending) {
    pending = IMPORTS[name]().then(
      (module) => provideDeferred(name, module),
      (error: unknown) => {
        // Offline, or a deploy replaced the chunk: forget the failure so the next call tries again
        // (a browser that keeps failed module fetches fails again; then a reload is the way out).
        loading.delete(name);
        throw new Error(`could not download ${LABELS[name]} (${(error as Error).message}); check the connection, or reload the page if Kubelab was updated since it was opened`);
      },
    );
    loading.set(name, pending);
  }
  return pending;
}
