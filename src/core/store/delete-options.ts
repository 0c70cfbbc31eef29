/**
 * Options of a delete call (metav1.DeleteOptions), and the finalizers the API server adds for the
 * garbage collector's propagation policies.
 */
export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

export interface DeleteOptions {
  /** Override the object's grace period; 0 deletes at once (with --force for pods). */
  readonly gracePeriodSeconds?: number;
  /**
   * What happens to dependents: Background (default) deletes the owner now and its dependents
   * afterwards; Foreground keeps the owner until the dependents are gone; Orphan leaves them.
   */
  readonly propagationPolicy?: PropagationPolicy;
  /** Delete only if the object still has this uid (the eviction and GC paths use it). */
  readonly preconditions?: { readonly uid?: string };
}

/** The finalizer that makes the garbage collector orphan an object's dependents before it goes. */
export const ORPHAN_FINALIZER = 'orphan';
/** The finalizer that keeps an owner until the garbage collector has deleted its blocking dependents. */
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

export const PROPAGATION_POLICIES: readonly PropagationPolicy[] = ['Foreground', 'Background', 'Orphan'];
