import type { KubeObject, Writable } from '../types';

/**
 * Kinds with a status subresource: status sent on create or on a main-resource update is
 * ignored, as the API server's PrepareForCreate / PrepareForUpdate do; only the status
 * subresource (store.updateStatus) writes it.
 */
export function resetStatus<T extends KubeObject>(obj: T, initial?: T['status']): void {
  const w = obj as Writable<KubeObject>;
  if (initial === undefined) delete w.status;
  else w.status = initial;
}

export function keepStatus<T extends KubeObject>(obj: T, old: T): void {
  const w = obj as Writable<KubeObject>;
  if (old.status === undefined) delete w.status;
  else w.status = old.status;
}
