import type { DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Toleration } from 'kubernetes-types/core/v1';
import { deepEqual } from '../api/clone';
import { firstUntolerated } from '../api/taints';
import type { Stored } from '../api/types';
import { matchesNodeSelectorTerms } from '../api/node-selection';
import type { SimContext } from '../sim-context';
import { claim } from './claim';
import { Controller } from './controller';
import { keyOf, splitKey } from './keys';
import { scaledValue } from './deployment/util';
import { CONTROLLER_REVISION_HASH_LABEL, syncRevisions } from './history';
import { ownersToSync } from './owner-watch';
import { podChangeMatters } from './pod-changes';
import { createdAt, isPodActive, isPodAvailable, isPodReady, msUntilAvailable, podFromTemplate } from './pods';
import type { Requeue } from './work-queue';

/**
 * Tolerations the DaemonSet controller adds to its pods (util.AddOrUpdateDaemonPodTolerations),
 * so that daemons keep running on nodes that are not ready, unreachable, under pressure or
 * cordoned — and are placed there in the first place.
 */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];
const HOST_NETWORK_TOLERATION: Toleration = { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' };

/**
 * The DaemonSet controller (pkg/controller/daemon): one pod on each node that its nodeSelector,
 * node affinity and tolerations admit, placed by the default scheduler through a required node
 * affinity on the node's name; new nodes get a pod, nodes that no longer qualify lose theirs;
 * template changes roll out node by node within maxUnavailable.
 */
export class DaemonSetController extends Controller {
  constructor(ctx: SimContext) {
    super(ctx, 'daemonset-controller');
    this.watchOwn('DaemonSet');
    this.watchRelated<Pod>('Pod', (e) => (podChangeMatters(e) ? ownersToSync(ctx.store, e, 'DaemonSet', (o) => (o as Stored<DaemonSet>).spec?.selector) : []));
    this.watchRelated<Node>('Node', (e) => (e.type === 'MODIFIED' && !nodeChangeMatters(e.old, e.object) ? [] : ctx.store.list('DaemonSet').map(keyOf)));
  }

  reconcile(key: string): Requeue | void {
    const { namespace, name } = splitKey(key);
    const { store } = this.ctx;
    const ds = store.get<DaemonSet>('DaemonSet', name, namespace);
    if (!ds) return;
    const pods = claim<Pod>(store, ds, 'Pod', ds.spec?.selector);
    const inUse = new Set(pods.map((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? ''));
    const hash = syncRevisions(store, ds, ds.spec!.template, ds.spec?.revisionHistoryLimit ?? 10, inUse).update.metadata.labels![CONTROLLER_REVISION_HASH_LABEL]!;
    const nodes = store.list<Node>('Node');
    const byNode = new Map<string, Stored<Pod>[]>();
    for (const p of pods) {
      const node = podNode(p);
      if (node) byNode.set(node, [...(byNode.get(node) ?? []), p]);
    }
    if (!ds.metadata.deletionTimestamp) {
      for (const node of nodes) this.manageNode(ds, node, byNode.get(node.metadata.name) ?? [], hash);
      if (ds.spec?.updateStrategy?.type !== 'OnDelete') this.rollingUpdate(ds, nodes, hash);
    }
    return this.updateStatus(ds, nodes, hash);
  }

  private manageNode(ds: Stored<DaemonSet>, node: Stored<Node>, pods: Stored<Pod>[], hash: string): void {
    const should = shouldRunOn(ds, node);
    const failed = pods.filter((p) => p.status?.phase === 'Failed' && !p.metadata.deletionTimestamp);
    for (const p of failed) {
      this.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to kill it`);
      this.deletePod(ds, p);
    }
    const active = pods.filter((p) => isPodActive(p));
    if (!should) {
      for (const p of active) this.deletePod(ds, p);
      return;
    }
    if (active.length === 0 && !pods.some((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Failed')) {
      this.createPod(ds, node.metadata.name, hash);
      return;
    }
    // More than one daemon pod on a node: keep the oldest (of the current revision when surging).
    const current = active.filter((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash);
    const keep = [...active].sort((a, b) => createdAt(a) - createdAt(b))[0];
    if (active.length > 1 && current.length > 0 && current.length === active.length) for (const p of active) if (p !== keep) this.deletePod(ds, p);
  }

  /** rollingUpdate: replace old pods, at most maxUnavailable nodes at a time without an available pod. */
  private rollingUpdate(ds: Stored<DaemonSet>, nodes: Stored<Node>[], hash: string): void {
    const now = this.ctx.clock.now();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    const eligible = nodes.filter((n) => shouldRunOn(ds, n));
    const ru = ds.spec?.updateStrategy?.rollingUpdate;
    const maxUnavailable = Math.max(scaledValue(ru?.maxUnavailable ?? 1, eligible.length, true), 0);
    const maxSurge = scaledValue(ru?.maxSurge ?? 0, eligible.length, true);
    let unavailable = 0;
    const oldAvailable: Stored<Pod>[] = [];
    const oldUnavailable: Stored<Pod>[] = [];
    for (const node of eligible) {
      const pods = this.ctx.store.podsOnNode<Pod>(node.metadata.name).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === ds.metadata.uid) && isPodActive(p));
      const fresh = pods.find((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash);
      const old = pods.filter((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] !== hash);
      const anyAvailable = pods.some((p) => isPodAvailable(p, minReady, now));
      if (!anyAvailable) unavailable++;
      if (fresh && isPodAvailable(fresh, minReady, now)) {
        for (const p of old) this.deletePod(ds, p);
        continue;
      }
      for (const p of old) (isPodAvailable(p, minReady, now) ? oldAvailable : oldUnavailable).push(p);
    }
    // Old pods that are not available anyway go first, then available ones within the budget.
    for (const p of oldUnavailable) this.deletePod(ds, p);
    if (maxSurge > 0) {
      let surging = 0;
      for (const p of oldAvailable) {
        if (surging >= maxSurge) break;
        const node = podNode(p)!;
        const hasNew = this.ctx.store.podsOnNode<Pod>(node).some((q) => q.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash && isPodActive(q) && q.metadata.ownerReferences?.some((r) => r.uid === ds.metadata.uid));
        if (!hasNew) this.createPod(ds, node, hash);
        surging++;
      }
      return;
    }
    let budget = maxUnavailable - unavailable;
    for (const p of oldAvailable) {
      if (budget <= 0) break;
      this.deletePod(ds, p);
      budget--;
    }
  }

  private createPod(ds: Stored<DaemonSet>, nodeName: string, hash: string): void {
    const pod = podFromTemplate(ds.spec!.template, ds, { generateName: `${ds.metadata.name}-` });
    pod.metadata!.labels = { ...(pod.metadata!.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) };
    const spec = pod.spec!;
    // ReplaceDaemonSetPodNodeNameNodeAffinity: the pod may only go to this node.
    const affinity = (spec.affinity ??= {});
    affinity.nodeAffinity = {
      ...(affinity.nodeAffinity ?? {}),
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] },
    };
    const tolerations = [...(spec.tolerations ?? [])];
    for (const t of [...DAEMON_TOLERATIONS, ...(spec.hostNetwork ? [HOST_NETWORK_TOLERATION] : [])]) {
      if (!tolerations.some((x) => x.key === t.key && x.effect === t.effect)) tolerations.push(t);
    }
    spec.tolerations = tolerations;
    const created = this.ctx.store.create(pod);
    this.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  }

  private updateStatus(ds: Stored<DaemonSet>, nodes: Stored<Node>[], hash: string): Requeue | void {
    const now = this.ctx.clock.now();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    let desired = 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    let next: number | undefined;
    const byNode = new Map<string, Stored<Pod>[]>();
    for (const o of this.ctx.store.dependentsOf(ds.metadata.uid)) {
      const node = o.kind === 'Pod' && isPodActive(o as Pod) ? podNode(o as Pod) : undefined;
      if (node) byNode.set(node, [...(byNode.get(node) ?? []), o as Stored<Pod>]);
    }
    for (const node of nodes) {
      const should = shouldRunOn(ds, node);
      const onNode = byNode.get(node.metadata.name) ?? [];
      if (should) desired++;
      if (onNode.length === 0) continue;
      if (!should) {
        misscheduled++;
        continue;
      }
      current++;
      const newest = [...onNode].sort((a, b) => createdAt(b) - createdAt(a))[0]!;
      if (isPodReady(newest)) ready++;
      if (isPodAvailable(newest, minReady, now)) available++;
      const wait = msUntilAvailable(newest, minReady, now);
      if (wait !== undefined) next = Math.min(next ?? wait, wait);
      if (onNode.some((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash)) updated++;
    }
    const status: DaemonSetStatus = {
      currentNumberScheduled: current,
      desiredNumberScheduled: desired,
      numberMisscheduled: misscheduled,
      numberReady: ready,
      numberAvailable: available,
      numberUnavailable: desired - available,
      updatedNumberScheduled: updated,
      observedGeneration: ds.metadata.generation,
    };
    for (const k of ['numberAvailable', 'numberUnavailable', 'updatedNumberScheduled'] as const) if (!status[k]) delete status[k];
    if (!deepEqual(status, ds.status ?? {})) {
      this.ctx.store.patchStatus<DaemonSet>('DaemonSet', ds.metadata.name, ds.metadata.namespace, (d) => {
        (d as { status?: DaemonSetStatus }).status = status;
      });
    }
    if (next !== undefined) return { requeueAfterMs: next };
  }
}

/** The node a daemon pod is for: where it is bound, or the node its name affinity pins it to. */
function podNode(p: Pod): string | undefined {
  if (p.spec?.nodeName) return p.spec.nodeName;
  const terms = p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.[0];
  return undefined;
}

/** NodeShouldRunDaemonPod: node selector, required node affinity, and taints with the daemon tolerations. */
export function shouldRunOn(ds: DaemonSet, node: Stored<Node>): boolean {
  const spec = ds.spec?.template?.spec;
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required && !matchesNodeSelectorTerms(required.nodeSelectorTerms, node)) return false;
  const tolerations = [...(spec?.tolerations ?? []), ...DAEMON_TOLERATIONS, ...(spec?.hostNetwork ? [HOST_NETWORK_TOLERATION] : [])];
  return !firstUntolerated(node.spec?.taints, tolerations, ['NoSchedule', 'NoExecute']);
}

/** A node change matters to DaemonSets when its labels or taints change (or it is added or removed). */
function nodeChangeMatters(old: Stored<Node> | undefined, node: Stored<Node>): boolean {
  return !old || !deepEqual(old.metadata.labels, node.metadata.labels) || !deepEqual(old.spec?.taints, node.spec?.taints);
}
