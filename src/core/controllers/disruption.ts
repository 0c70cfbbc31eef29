import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget, PodDisruptionBudgetStatus } from 'kubernetes-types/policy/v1';
import type { Condition } from 'kubernetes-types/meta/v1';
import { formatSelector, selectorMatches } from '../api/labels';
import type { KubeObject, Stored, Writable } from '../api/types';
import { parseTimestamp, rfc3339 } from '../engine/time';
import type { SimContext } from '../sim-context';
import { Controller } from './controller';
import { scaledValue } from './deployment/util';
import { keyOf, splitKey } from './keys';
import { podChangeMatters } from './pod-changes';
import type { Requeue } from './work-queue';

/**
 * The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status
 * — expectedPods, desiredHealthy, currentHealthy, disruptionsAllowed and the DisruptionAllowed
 * condition — in step with its pods, which is what the eviction API checks. A pod counts as
 * healthy when it is Ready and not being deleted, and not in the budget's disruptedPods (evictions
 * the API server granted less than two minutes ago). With a percentage or maxUnavailable, the
 * expected count is the scale of the pods' controllers.
 */
const SOURCE = { component: 'controllermanager' };
/** DeletionTimeout: an eviction not followed by a deletion within this time no longer counts. */
export const DISRUPTION_DELETION_TIMEOUT_MS = 2 * 60_000;

export class DisruptionController extends Controller {
  constructor(ctx: SimContext) {
    super(ctx, 'disruption');
    // The eviction API writes the budget's status (disruptedPods): those writes count too.
    this.watchOwn('PodDisruptionBudget', { statusChangesToo: true });
    this.watchRelated<Pod>('Pod', (e) => (podChangeMatters(e) ? this.budgetsFor(e.object, e.old) : []));
    // A controller's scale is the expected count of percentage budgets.
    for (const kind of ['ReplicaSet', 'Deployment', 'StatefulSet', 'ReplicationController']) {
      this.watchRelated(kind, (e) => this.ctx.store.list<PodDisruptionBudget>('PodDisruptionBudget', e.object.metadata.namespace ?? 'default').map(keyOf));
    }
  }

  private budgetsFor(pod: Stored<Pod>, old: Stored<Pod> | undefined): string[] {
    const keys: string[] = [];
    for (const pdb of this.ctx.store.list<PodDisruptionBudget>('PodDisruptionBudget', pod.metadata.namespace ?? 'default')) {
      if (selectorMatches(pdb.spec?.selector, pod.metadata.labels) || (old && selectorMatches(pdb.spec?.selector, old.metadata.labels))) keys.push(keyOf(pdb));
    }
    return keys;
  }

  /** sync: compute the budget's status from its pods and write it if it changed. */
  reconcile(key: string): Requeue | void {
    const { namespace = 'default', name } = splitKey(key);
    const pdb = this.ctx.store.get<PodDisruptionBudget>('PodDisruptionBudget', name, namespace);
    if (!pdb) return;
    const now = this.ctx.clock.now();
    const pods = this.ctx.store.list<Pod>('Pod', namespace).filter((p) => selectorMatches(pdb.spec?.selector, p.metadata.labels));
    if (pods.length === 0) this.ctx.recorder.record(pdb, 'Normal', 'NoPods', 'No matching pods found', SOURCE);
    const expected = this.expectedCount(pdb, pods);
    if ('error' in expected) {
      this.ctx.recorder.record(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${expected.error}`, SOURCE);
      this.failSafe(pdb, expected.error);
      return;
    }
    if (expected.unmanaged.length > 0) {
      this.ctx.recorder.record(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${formatSelector(pdb.spec?.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
        SOURCE,
      );
    }
    const { disrupted, recheckAt } = this.disruptedPods(pdb, pods, now);
    let currentHealthy = 0;
    for (const p of pods) {
      if (p.metadata.deletionTimestamp) continue;
      const at = disrupted[p.metadata.name];
      if (at !== undefined && parseTimestamp(at) + DISRUPTION_DELETION_TIMEOUT_MS > now) continue;
      if (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) currentHealthy++;
    }
    let allowed = currentHealthy - expected.desiredHealthy;
    if (expected.expectedCount <= 0 || allowed <= 0) allowed = 0;
    this.write(pdb, { currentHealthy, desiredHealthy: expected.desiredHealthy, expectedPods: expected.expectedCount, disruptionsAllowed: allowed, disruptedPods: disrupted });
    // Look again when the oldest pending eviction stops counting.
    if (recheckAt !== undefined) return { requeueAfterMs: recheckAt - now };
  }

  /** getExpectedPodCount: desiredHealthy from minAvailable or maxUnavailable, against the pods or their controllers' scale. */
  private expectedCount(pdb: Stored<PodDisruptionBudget>, pods: readonly Stored<Pod>[]): { expectedCount: number; desiredHealthy: number; unmanaged: string[] } | { error: string } {
    const spec = pdb.spec ?? {};
    if (spec.maxUnavailable !== undefined) {
      const scale = this.expectedScale(pods);
      if ('error' in scale) return scale;
      const max = scaledValue(spec.maxUnavailable, scale.count, true);
      return { expectedCount: scale.count, desiredHealthy: Math.max(0, scale.count - max), unmanaged: scale.unmanaged };
    }
    if (spec.minAvailable !== undefined) {
      if (typeof spec.minAvailable === 'number') return { expectedCount: pods.length, desiredHealthy: spec.minAvailable, unmanaged: [] };
      const scale = this.expectedScale(pods);
      if ('error' in scale) return scale;
      return { expectedCount: scale.count, desiredHealthy: scaledValue(spec.minAvailable, scale.count, true), unmanaged: scale.unmanaged };
    }
    return { expectedCount: 0, desiredHealthy: 0, unmanaged: [] };
  }

  /** getExpectedScale: the sum of the scale of the pods' controllers (a Deployment's, for its ReplicaSets' pods). */
  private expectedScale(pods: readonly Stored<Pod>[]): { count: number; unmanaged: string[] } | { error: string } {
    const scales = new Map<string, number>();
    const unmanaged: string[] = [];
    for (const pod of pods) {
      const ref = pod.metadata.ownerReferences?.find((o) => o.controller);
      if (!ref) {
        unmanaged.push(pod.metadata.name);
        continue;
      }
      if (scales.has(ref.uid)) continue;
      const found = this.controllerScale(ref.kind, ref.name, ref.uid, pod.metadata.namespace ?? 'default');
      if (!found) return { error: `found no controllers for pod ${JSON.stringify(pod.metadata.name)}` };
      scales.set(found.uid, found.scale);
    }
    let count = 0;
    for (const s of scales.values()) count += s;
    return { count, unmanaged };
  }

  private controllerScale(kind: string, name: string, uid: string, namespace: string): { uid: string; scale: number } | undefined {
    const owner = this.ctx.store.get<KubeObject & { spec?: { replicas?: number } }>(kind, name, namespace);
    if (!owner || owner.metadata.uid !== uid) return undefined;
    if (kind === 'ReplicaSet') {
      // A ReplicaSet managed by a Deployment: the Deployment's replicas count.
      const d = owner.metadata.ownerReferences?.find((o) => o.controller && o.kind === 'Deployment');
      const deployment = d ? this.ctx.store.get<KubeObject & { spec?: { replicas?: number } }>('Deployment', d.name, namespace) : undefined;
      if (deployment && deployment.metadata.uid === d!.uid) return { uid: deployment.metadata.uid, scale: deployment.spec?.replicas ?? 1 };
    }
    if (!['ReplicaSet', 'StatefulSet', 'ReplicationController', 'Deployment'].includes(kind)) return undefined;
    return { uid: owner.metadata.uid, scale: owner.spec?.replicas ?? 1 };
  }

  /** buildDisruptedPodMap: keep evictions still waiting for their deletion, and when to look again. */
  private disruptedPods(pdb: Stored<PodDisruptionBudget>, pods: readonly Stored<Pod>[], now: number): { disrupted: Record<string, string>; recheckAt?: number } {
    const previous = pdb.status?.disruptedPods ?? {};
    const disrupted: Record<string, string> = {};
    let recheckAt: number | undefined;
    for (const p of pods) {
      if (p.metadata.deletionTimestamp) continue;
      const at = previous[p.metadata.name];
      if (at === undefined) continue;
      const expires = parseTimestamp(at) + DISRUPTION_DELETION_TIMEOUT_MS;
      if (expires < now) {
        this.ctx.recorder.record(p, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.name} to be deleted but it wasn't`, SOURCE);
        continue;
      }
      disrupted[p.metadata.name] = at;
      if (recheckAt === undefined || expires < recheckAt) recheckAt = expires;
    }
    return recheckAt === undefined ? { disrupted } : { disrupted, recheckAt };
  }

  private write(pdb: Stored<PodDisruptionBudget>, s: { currentHealthy: number; desiredHealthy: number; expectedPods: number; disruptionsAllowed: number; disruptedPods: Record<string, string> }): void {
    const generation = pdb.metadata.generation ?? 1;
    this.ctx.store.patchStatus<PodDisruptionBudget>('PodDisruptionBudget', pdb.metadata.name, pdb.metadata.namespace, (draft) => {
      const status: Writable<PodDisruptionBudgetStatus> = {
        observedGeneration: generation,
        disruptionsAllowed: s.disruptionsAllowed,
        currentHealthy: s.currentHealthy,
        desiredHealthy: s.desiredHealthy,
        expectedPods: s.expectedPods,
        ...(Object.keys(s.disruptedPods).length ? { disruptedPods: s.disruptedPods } : {}),
        conditions: allowedCondition(draft.status?.conditions, s.disruptionsAllowed > 0, generation, this.ctx.clock.now()),
      };
      (draft as Writable<PodDisruptionBudget>).status = status;
    });
  }

  /** failSafe: when the status cannot be computed, allow no disruption. */
  private failSafe(pdb: Stored<PodDisruptionBudget>, message: string): void {
    this.ctx.store.patchStatus<PodDisruptionBudget>('PodDisruptionBudget', pdb.metadata.name, pdb.metadata.namespace, (draft) => {
      const status = { ...(draft.status ?? { currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }), disruptionsAllowed: 0 } as Writable<PodDisruptionBudgetStatus>;
      status.conditions = setCondition(draft.status?.conditions, { type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message, observedGeneration: draft.status?.observedGeneration ?? 0 }, this.ctx.clock.now());
      (draft as Writable<PodDisruptionBudget>).status = status;
    });
  }
}

/** UpdateDisruptionAllowedCondition: SufficientPods / InsufficientPods. */
export function allowedCondition(existing: readonly Condition[] | undefined, allowed: boolean, generation: number, now: number): Condition[] {
  return setCondition(
    existing,
    { type: 'DisruptionAllowed', status: allowed ? 'True' : 'False', reason: allowed ? 'SufficientPods' : 'InsufficientPods', message: '', observedGeneration: generation },
    now,
  );
}

/** meta.SetStatusCondition: lastTransitionTime moves only when the status changes. */
function setCondition(existing: readonly Condition[] | undefined, c: Omit<Condition, 'lastTransitionTime'>, now: number): Condition[] {
  const list = (existing ?? []).filter((x) => x.type !== c.type);
  const old = existing?.find((x) => x.type === c.type);
  const lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : rfc3339(now);
  return [...list, { ...c, lastTransitionTime }];
}

