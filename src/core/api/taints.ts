import type { Taint, Toleration } from 'kubernetes-types/core/v1';

/**
 * Toleration matching (k8s.io/api/core/v1 Toleration.ToleratesTaint): an empty key with
 * Exists matches every taint; an empty effect matches every effect; Equal compares values.
 */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

export function isTolerated(taint: Taint, tolerations: readonly Toleration[] | undefined): boolean {
  for (const t of tolerations ?? []) if (tolerates(t, taint)) return true;
  return false;
}

/** The first taint with one of `effects` that no toleration matches. */
export function firstUntolerated(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[] | undefined, effects: readonly string[]): Taint | undefined {
  for (const taint of taints ?? []) {
    if (effects.includes(taint.effect) && !isTolerated(taint, tolerations)) return taint;
  }
  return undefined;
}
