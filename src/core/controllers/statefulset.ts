import type { StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { deepClone, deepEqual } from '../api/clone';
import type { Stored } from '../api/types';
import type { SimContext } from '../sim-context';
import { ApiError } from '../store/api-error';
import { claim } from './claim';
import { Controller } from './controller';
import { splitKey } from './keys';
import { CONTROLLER_REVISION_HASH_LABEL, syncRevisions } from './history';
import { ownersToSync } from './owner-watch';
import { podChangeMatters } from './pod-changes';
import { controllerRefTo, isPodActive, isPodAvailable, isPodReady, isPodTerminal, msUntilAvailable, podFromTemplate } from './pods';
import type { Requeue } from './work-queue';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/**
 * The StatefulSet controller (pkg/controller/statefulset): pods `<set>-0 … <set>-(N-1)` with
 * stable names, hostnames under the governing Service, and their own claims from
 * volumeClaimTemplates (`<template>-<set>-<ordinal>`, kept when pods go). With OrderedReady,
 * pods are created one at a time in order, each waiting for the previous to be Running and
 * Ready, and removed in reverse order; a rolling update replaces pods from the highest ordinal
 * down to the partition, one at a time.
 */
export class StatefulSetController extends Controller {
  constructor(ctx: SimContext) {
    super(ctx, 'statefulset-controller');
    this.watchOwn('StatefulSet');
    this.watchRelated<Pod>('Pod', (e) => (podChangeMatters(e) ? ownersToSync(ctx.store, e, 'StatefulSet', (o) => (o as Stored<StatefulSet>).spec?.selector) : []));
  }

  reconcile(key: string): Requeue | void {
    const { namespace, name } = splitKey(key);
    const { store } = this.ctx;
    const sts = store.get<StatefulSet>('StatefulSet', name, namespace);
    if (!sts) return;
    const pods = claim<Pod>(store, sts, 'Pod', sts.spec?.selector);
    const inUse = new Set(pods.map((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? ''));
    const revisions = syncRevisions(store, sts, sts.spec!.template, sts.spec?.revisionHistoryLimit ?? 10, new Set([...inUse].map((h) => h.slice(name.length + 1))));
    const updateRevision = revisions.update.metadata.name;
    const currentRevision = sts.status?.currentRevision ?? updateRevision;
    if (!sts.metadata.deletionTimestamp) this.manage(sts, pods, currentRevision, updateRevision);
    return this.updateStatus(sts, currentRevision, updateRevision);
  }

  private manage(sts: Stored<StatefulSet>, pods: Stored<Pod>[], currentRevision: string, updateRevision: string): void {
    const spec = sts.spec!;
    const start = spec.ordinals?.start ?? 0;
    const replicas = spec.replicas ?? 1;
    const ordered = spec.podManagementPolicy !== 'Parallel';
    const byOrdinal = new Map<number, Stored<Pod>>();
    const condemned: Stored<Pod>[] = [];
    for (const p of pods) {
      const ord = ordinalOf(sts.metadata.name, p.metadata.name);
      if (ord === undefined) continue;
      if (ord >= start && ord < start + replicas) byOrdinal.set(ord, p);
      else condemned.push(p);
    }
    const partition = spec.updateStrategy?.type === 'RollingUpdate' ? (spec.updateStrategy.rollingUpdate?.partition ?? 0) : Number.MAX_SAFE_INTEGER;
    const revisionFor = (ord: number) => (spec.updateStrategy?.type === 'OnDelete' ? updateRevision : ord < partition ? currentRevision : updateRevision);

    // Create, and recreate failed pods, in order.
    for (let ord = start; ord < start + replicas; ord++) {
      const pod = byOrdinal.get(ord);
      if (!pod) {
        this.createPod(sts, ord, revisionFor(ord));
        if (ordered) return;
        continue;
      }
      if (isPodTerminal(pod) && !pod.metadata.deletionTimestamp) {
        this.event(sts, 'Warning', 'RecreatingFailedPod', `StatefulSet ${sts.metadata.namespace}/${sts.metadata.name} is recreating failed Pod ${pod.metadata.name}`);
        this.deleteMember(sts, pod);
        if (ordered) return;
        continue;
      }
      if (ordered && (pod.metadata.deletionTimestamp || !(pod.status?.phase === 'Running' && isPodReady(pod)))) return;
    }
    // Scale down from the highest ordinal, one at a time when ordered.
    const doomed = [...condemned].sort((a, b) => ordinalOf(sts.metadata.name, b.metadata.name)! - ordinalOf(sts.metadata.name, a.metadata.name)!);
    for (const pod of doomed) {
      if (pod.metadata.deletionTimestamp) {
        if (ordered) return;
        continue;
      }
      this.deleteMember(sts, pod);
      if (ordered) return;
    }
    if (spec.updateStrategy?.type !== 'RollingUpdate') return;
    // Rolling update: the highest ordinal not at its target revision goes first, one at a time.
    for (let ord = start + replicas - 1; ord >= start; ord--) {
      const pod = byOrdinal.get(ord);
      if (!pod) return;
      if (pod.metadata.deletionTimestamp || !isPodReady(pod)) return;
      if (pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] !== revisionFor(ord)) {
        this.deleteMember(sts, pod);
        return;
      }
    }
  }

  private createPod(sts: Stored<StatefulSet>, ord: number, revision: string): void {
    const name = `${sts.metadata.name}-${ord}`;
    const pod = podFromTemplate(sts.spec!.template, sts, { name });
    pod.metadata!.labels = { ...(pod.metadata!.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ord), [CONTROLLER_REVISION_HASH_LABEL]: revision };
    const spec = pod.spec!;
    spec.hostname = name;
    if (sts.spec?.serviceName) spec.subdomain = sts.spec.serviceName;
    for (const t of sts.spec?.volumeClaimTemplates ?? []) {
      const claimName = `${t.metadata?.name}-${name}`;
      if (!this.ensureClaim(sts, t, claimName, name)) return;
      spec.volumes = [...(spec.volumes ?? []).filter((v) => v.name !== t.metadata?.name), { name: t.metadata!.name!, persistentVolumeClaim: { claimName } }];
    }
    try {
      this.ctx.store.create(pod);
      this.event(sts, 'Normal', 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} successful`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.event(sts, 'Warning', 'FailedCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} failed error: ${e.message}`);
      throw e;
    }
  }

  /** createPersistentVolumeClaims: each pod's claims exist before the pod; they carry the set's selector labels. */
  private ensureClaim(sts: Stored<StatefulSet>, template: PersistentVolumeClaim, claimName: string, podName: string): boolean {
    const existing = this.ctx.store.get<PersistentVolumeClaim>('PersistentVolumeClaim', claimName, sts.metadata.namespace);
    if (existing) return !existing.metadata.deletionTimestamp;
    const pvc: PersistentVolumeClaim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: claimName,
        namespace: sts.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}), ...(sts.spec?.selector?.matchLabels ?? {}) },
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      },
      spec: deepClone(template.spec ?? {}),
    };
    // whenDeleted: Delete makes the set own its claims, so they go with it.
    if (sts.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete') pvc.metadata!.ownerReferences = [{ ...controllerRefTo(sts), controller: false }];
    try {
      this.ctx.store.create(pvc);
      this.event(sts, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${podName} in StatefulSet ${sts.metadata.name} success`);
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.event(sts, 'Warning', 'FailedCreate', `create Claim ${claimName} for Pod ${podName} in StatefulSet ${sts.metadata.name} failed error: ${e.message}`);
      throw e;
    }
  }

  private deleteMember(sts: Stored<StatefulSet>, pod: Stored<Pod>): void {
    this.deletePod(sts, pod, `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`);
  }

  private updateStatus(sts: Stored<StatefulSet>, currentRevision: string, updateRevision: string): Requeue | void {
    const now = this.ctx.clock.now();
    const minReady = sts.spec?.minReadySeconds ?? 0;
    const pods = this.ctx.store.dependentsOf(sts.metadata.uid).filter((o): o is Stored<Pod> => o.kind === 'Pod' && isPodActive(o as Pod));
    const rev = (p: Pod) => p.metadata?.labels?.[CONTROLLER_REVISION_HASH_LABEL];
    const updated = pods.filter((p) => rev(p) === updateRevision).length;
    const replicas = sts.spec?.replicas ?? 1;
    // Once every pod runs the update revision, it becomes the current one.
    const allUpdated = updated === replicas && pods.length === replicas;
    const current = allUpdated ? updateRevision : currentRevision;
    let next: number | undefined;
    for (const p of pods) {
      const w = msUntilAvailable(p, minReady, now);
      if (w !== undefined) next = Math.min(next ?? w, w);
    }
    const status: StatefulSetStatus = {
      observedGeneration: sts.metadata.generation,
      replicas: pods.length,
      readyReplicas: pods.filter(isPodReady).length,
      currentReplicas: pods.filter((p) => rev(p) === current).length,
      updatedReplicas: updated,
      availableReplicas: pods.filter((p) => isPodAvailable(p, minReady, now)).length,
      currentRevision: current,
      updateRevision,
      collisionCount: 0,
    };
    for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas'] as const) if (!status[k]) delete status[k];
    if (!deepEqual(status, sts.status ?? {})) {
      this.ctx.store.patchStatus<StatefulSet>('StatefulSet', sts.metadata.name, sts.metadata.namespace, (d) => {
        (d as { status?: StatefulSetStatus }).status = status;
      });
    }
    if (next !== undefined) return { requeueAfterMs: next };
  }
}

/** The ordinal of `<set>-<n>`, or undefined for a pod not named after the set. */
export function ordinalOf(set: string, pod: string): number | undefined {
  if (!pod.startsWith(`${set}-`)) return undefined;
  const rest = pod.slice(set.length + 1);
  return /^\d+$/.test(rest) ? Number(rest) : undefined;
}
