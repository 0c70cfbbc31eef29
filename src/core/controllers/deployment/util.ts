import type { Deployment, DeploymentCondition, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { deepEqual } from '../../api/clone';
import { sortedJson } from '../../apply/merge';
import type { Stored } from '../../api/types';
import { fnv1a } from '../../engine/hash';
import { NAME_SUFFIX_ALPHABET } from '../../engine/rng';
import { createdAt } from '../pods';

/** pkg/controller/deployment/util: revisions, hashes, surge arithmetic and conditions. */

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** Annotations of the Deployment that are not copied to its ReplicaSets (annotationsToSkip). */
export const SKIPPED_ANNOTATIONS: ReadonlySet<string> = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

export type RS = Stored<ReplicaSet>;
export type Dep = Stored<Deployment>;

export function replicasOf(rs: ReplicaSet | undefined): number {
  return rs?.spec?.replicas ?? 0;
}

export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } } | undefined): number {
  const v = Number(obj?.metadata?.annotations?.[REVISION_ANNOTATION] ?? '0');
  return Number.isFinite(v) ? v : 0;
}

export function maxRevision(rss: readonly RS[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/**
 * ComputeHash: a hash of the pod template and the collision count, written with the safe
 * alphabet (rand.SafeEncodeString) so it never spells words. Upstream hashes Go's dump of the
 * template with FNV-32a; we hash its canonical JSON the same way.
 */
export function computeHash(template: PodTemplateSpec, collisionCount: number | undefined): string {
  let h = fnv1a(sortedJson(template));
  if (collisionCount !== undefined) h = fnv1a(String(collisionCount), h);
  return [...String(h)].map((ch) => NAME_SUFFIX_ALPHABET[ch.charCodeAt(0) % NAME_SUFFIX_ALPHABET.length]).join('');
}

/** EqualIgnoreHash: the templates are the same apart from the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  if (a === b) return true;
  const { metadata: ma, ...ra } = a ?? {};
  const { metadata: mb, ...rb } = b ?? {};
  if (!deepEqual(ra, rb)) return false;
  const { labels: la, ...restA } = ma ?? {};
  const { labels: lb, ...restB } = mb ?? {};
  if (!deepEqual(restA, restB)) return false;
  const strip = (labels: Record<string, string> | undefined) => {
    const out = { ...(labels ?? {}) };
    delete out[POD_TEMPLATE_HASH_LABEL];
    return out;
  };
  return deepEqual(strip(la), strip(lb));
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: Deployment, rss: readonly RS[]): RS | undefined {
  return byCreation(rss).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

export function byCreation(rss: readonly RS[]): RS[] {
  return [...rss].sort((a, b) => createdAt(a) - createdAt(b) || (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** Resolve an IntOrString against a total, percentages rounding up or down (apimachinery intstr.GetScaledValueFromIntOrPercent); the deployment, daemonset and disruption controllers share it. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const pct = Number(v.replace('%', ''));
  const raw = (pct * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/**
 * ResolveFenceposts: maxSurge rounds up and maxUnavailable rounds down; if both come out 0,
 * maxUnavailable becomes 1 so that a rollout can make progress.
 */
export function resolveFenceposts(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate;
  const replicas = d.spec?.replicas ?? 1;
  const maxSurge = scaledValue(ru?.maxSurge, replicas, true);
  let maxUnavailable = scaledValue(ru?.maxUnavailable, replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export function maxSurge(d: Deployment): number {
  return d.spec?.strategy?.type === 'RollingUpdate' ? resolveFenceposts(d).maxSurge : 0;
}

export function maxUnavailable(d: Deployment): number {
  if (d.spec?.strategy?.type !== 'RollingUpdate' || (d.spec.replicas ?? 1) === 0) return 0;
  return Math.min(resolveFenceposts(d).maxUnavailable, d.spec.replicas ?? 1);
}

export function totalReplicas(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((s, rs) => s + replicasOf(rs), 0);
}

export function totalActual(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((s, rs) => s + (rs?.status?.replicas ?? 0), 0);
}

export function totalAvailable(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((s, rs) => s + (rs?.status?.availableReplicas ?? 0), 0);
}

export function totalReady(rss: readonly (RS | undefined)[]): number {
  return rss.reduce((s, rs) => s + (rs?.status?.readyReplicas ?? 0), 0);
}

/** SetNewReplicaSetAnnotations: the Deployment's own annotations, plus revision bookkeeping. */
export function replicaSetAnnotations(d: Deployment, rs: ReplicaSet | undefined, newRevision: number): Record<string, string> {
  const out: Record<string, string> = { ...(rs?.metadata?.annotations ?? {}) };
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) if (!SKIPPED_ANNOTATIONS.has(k)) out[k] = v;
  const old = revisionOf(rs);
  if (old < newRevision) {
    out[REVISION_ANNOTATION] = String(newRevision);
    // A reused ReplicaSet (a rollback) remembers the revisions it had before.
    if (rs && old > 0) out[REVISION_HISTORY_ANNOTATION] = [...(rs.metadata?.annotations?.[REVISION_HISTORY_ANNOTATION]?.split(',') ?? []), String(old)].join(',');
  }
  // The replica annotations are written when the ReplicaSet is created, and afterwards only when it is scaled.
  if (!rs?.metadata?.uid) {
    out[DESIRED_REPLICAS_ANNOTATION] = String(d.spec?.replicas ?? 1);
    out[MAX_REPLICAS_ANNOTATION] = String((d.spec?.replicas ?? 1) + maxSurge(d));
  }
  return out;
}

export function getCondition(d: Deployment, type: string): DeploymentCondition | undefined {
  return d.status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: replace a condition; lastTransitionTime moves only when the status
 * flips, lastUpdateTime on every change.
 */
export function setCondition(conditions: DeploymentCondition[], next: DeploymentCondition): DeploymentCondition[] {
  const current = conditions.find((c) => c.type === next.type);
  if (current && current.status === next.status && current.reason === next.reason) return conditions;
  const merged = current && current.status === next.status ? { ...next, lastTransitionTime: current.lastTransitionTime } : next;
  return [...conditions.filter((c) => c.type !== next.type), merged].sort((a, b) => CONDITION_ORDER.indexOf(a.type) - CONDITION_ORDER.indexOf(b.type));
}

/** kubectl describe lists Available before Progressing, as the controller writes them. */
const CONDITION_ORDER = ['Available', 'Progressing', 'ReplicaFailure'];

export function condition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}
