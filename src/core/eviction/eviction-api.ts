import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import { selectorRequirements, matchesAll } from '../api/labels';
import type { Stored, Writable } from '../api/types';
import { allowedCondition } from '../controllers/disruption';
import { rfc3339 } from '../engine/time';
import { setCondition } from '../kubelet/pod-conditions';
import type { SimContext } from '../sim-context';
import { ApiError } from '../store/api-error';

/**
 * The pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go): a delete that
 * respects PodDisruptionBudgets. Pods that are Pending, finished or already being deleted go at
 * once. Otherwise the one budget that selects the pod must allow a disruption: the API server
 * takes one from disruptionsAllowed and records the pod in disruptedPods, or answers 429
 * TooManyRequests. An unready pod can go without using the budget when the budget is healthy
 * (unhealthyPodEvictionPolicy IfHealthyBudget, the default) or always (AlwaysAllow).
 */
export class EvictionError {
  constructor(
    readonly code: number,
    readonly reason: 'TooManyRequests' | 'InternalError' | 'NotFound',
    readonly message: string,
    /** StatusCause messages (type DisruptionBudget). */
    readonly causes: readonly string[] = [],
  ) {}

  /** How kubectl prints it. */
  kubectlMessage(): string {
    return `Error from server (${this.reason}): ${this.message}`;
  }
}

export type EvictionResult = { readonly ok: true } | { readonly ok: false; readonly error: EvictionError };

const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

export function evictPod(ctx: SimContext, namespace: string, name: string, options: { gracePeriodSeconds?: number } = {}): EvictionResult {
  const pod = ctx.store.get<Pod>('Pod', name, namespace);
  if (!pod) return { ok: false, error: new EvictionError(404, 'NotFound', ApiError.notFound('pods', name).message) };
  // canIgnorePDB: a terminal, Pending or terminating pod has nothing left to protect.
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp) {
    ctx.store.delete('Pod', name, namespace, options);
    return { ok: true };
  }
  const pdbs = ctx.store.list<PodDisruptionBudget>('PodDisruptionBudget', namespace).filter((b) => {
    // A budget with a missing or empty selector matches nothing here.
    const reqs = b.spec?.selector ? selectorRequirements(b.spec.selector) : [];
    return reqs.length > 0 && matchesAll(reqs, pod.metadata.labels);
  });
  if (pdbs.length > 1) {
    return { ok: false, error: new EvictionError(500, 'InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.') };
  }
  const pdb = pdbs[0];
  if (pdb) {
    const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    const st: PodDisruptionBudgetStatus = pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
    const unhealthyMayGo =
      !ready && (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow' || ((st.currentHealthy ?? 0) >= (st.desiredHealthy ?? 0) && (st.desiredHealthy ?? 0) > 0));
    if (!unhealthyMayGo) {
      const refused = checkAndDecrement(ctx, pdb, name);
      if (refused) return { ok: false, error: refused };
    }
  }
  const stamp = rfc3339(ctx.clock.now());
  ctx.store.patchStatus<Pod>('Pod', name, namespace, (p) => setCondition(p, 'DisruptionTarget', 'True', stamp, 'EvictionByEvictionAPI', 'Eviction API: evicting'));
  ctx.store.delete('Pod', name, namespace, options);
  return { ok: true };
}

/** checkAndDecrement: 429 while the budget is unprocessed or allows nothing; else take one disruption. */
function checkAndDecrement(ctx: SimContext, pdb: Stored<PodDisruptionBudget>, pod: string): EvictionError | undefined {
  const st: PodDisruptionBudgetStatus = pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  if ((st.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) {
    return new EvictionError(429, 'TooManyRequests', VIOLATION, [`The disruption budget ${pdb.metadata.name} is still being processed by the server.`]);
  }
  if ((st.disruptionsAllowed ?? 0) <= 0) {
    return new EvictionError(429, 'TooManyRequests', VIOLATION, [`The disruption budget ${pdb.metadata.name} needs ${st.desiredHealthy ?? 0} healthy pods and has ${st.currentHealthy ?? 0} currently`]);
  }
  const now = ctx.clock.now();
  ctx.store.patchStatus<PodDisruptionBudget>('PodDisruptionBudget', pdb.metadata.name, pdb.metadata.namespace, (draft) => {
    const status = draft.status as Writable<NonNullable<PodDisruptionBudget['status']>>;
    status.disruptionsAllowed = (status.disruptionsAllowed ?? 0) - 1;
    if (status.disruptionsAllowed === 0) status.conditions = allowedCondition(status.conditions, false, status.observedGeneration ?? 0, now);
    status.disruptedPods = { ...(status.disruptedPods ?? {}), [pod]: rfc3339(now) };
  });
  return undefined;
}
