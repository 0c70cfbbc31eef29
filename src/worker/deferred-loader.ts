import { type DeferredModules, type DeferredName, isDeferredLoaded, provideDeferred } from '../core/deferred/registry';

/** Dynamic imports: each becomes its own chunk, fetched the first time the worker needs it. */
const IMPORTS: { readonly [K in DeferredName]: () => Promise<DeferredModules[K]> } = {
  yaml: () => import('./deferred-yaml'),
  kubectl: async () => (await import('./deferred-kubectl')).KUBECTL,
};

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
        // A failed fetch (offline, a deploy replaced the chunk) may be retried by the next call.
        loading.delete(name);
        throw new Error(`could not load the ${name} code: ${(error as Error).message}`);
      },
    );
    loading.set(name, pending);
  }
  return pending;
}
