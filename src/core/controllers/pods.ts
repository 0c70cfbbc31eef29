import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { deepClone } from '../api/clone';
import type { KubeObject, Stored } from '../api/types';
import { parseTimestamp } from '../engine/time';

/** Pod facts the workload controllers decide on (pkg/controller/controller_utils.go, podutil). */

/** FilterActivePods: not finished and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** The Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  const conditions = pod.status?.conditions;
  if (!conditions) return false;
  for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === 'Ready') return conditions[i]!.status === 'True';
  return false;
}

/** Virtual ms when the pod last became Ready, if it is Ready. */
export function podReadySince(pod: Pod): number | undefined {
  const conditions = pod.status?.conditions;
  if (!conditions) return undefined;
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i]!;
    if (c.type !== 'Ready') continue;
    return c.status === 'True' && c.lastTransitionTime ? parseTimestamp(c.lastTransitionTime) : undefined;
  }
  return undefined;
}

/** IsPodAvailable: Ready for at least minReadySeconds. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  const since = podReadySince(pod);
  if (since === undefined) return false;
  return minReadySeconds === 0 || since + minReadySeconds * 1000 <= nowMs;
}

/** Milliseconds until a Ready pod becomes available, or undefined when it already is or is not Ready. */
export function msUntilAvailable(pod: Pod, minReadySeconds: number, nowMs: number): number | undefined {
  const since = podReadySince(pod);
  if (since === undefined || minReadySeconds === 0) return undefined;
  const at = since + minReadySeconds * 1000;
  return at > nowMs ? at - nowMs : undefined;
}

/** The ownerReference a controller puts on what it creates. */
export function controllerRefTo(owner: Stored<KubeObject>): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

export function controllerRefOf(obj: KubeObject): OwnerReference | undefined {
  const refs = obj.metadata?.ownerReferences;
  if (refs) for (let i = 0; i < refs.length; i++) if (refs[i]!.controller === true) return refs[i];
  return undefined;
}

/** GetPodFromTemplate: labels, annotations and finalizers of the template, the owner's namespace and controller reference. */
export function podFromTemplate(template: PodTemplateSpec, owner: Stored<KubeObject>, naming: { generateName?: string; name?: string }): Pod {
  const meta = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...naming,
      namespace: owner.metadata.namespace,
      labels: { ...(meta.labels ?? {}) },
      ownerReferences: [controllerRefTo(owner)],
    },
    spec: deepClone(template.spec!),
  };
  if (meta.annotations) pod.metadata!.annotations = { ...meta.annotations };
  if (meta.finalizers) pod.metadata!.finalizers = [...meta.finalizers];
  return pod;
}

/** Creation time in virtual ms. */
export function createdAt(obj: KubeObject): number {
  return parseTimestamp(obj.metadata?.creationTimestamp ?? '');
}
