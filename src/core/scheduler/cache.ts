import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import type { Snapshot } from './framework';
import { NodeInfo } from './node-info';
import { PodInfo } from './pod-info';

const ZONE = 'topology.kubernetes.io/zone';
const REGION = 'topology.kubernetes.io/region';

/** The zone a node is in, as the node tree keys it (utilnode.GetZoneKey: region and zone). */
function zoneKey(node: Stored<Node>): string {
  const labels = node.metadata.labels ?? {};
  const region = labels[REGION] ?? '';
  const zone = labels[ZONE] ?? '';
  return region || zone ? `${region}:\u0000:${zone}` : '';
}

/**
 * The scheduler's cache of the cluster (internal/cache): a NodeInfo per node, kept up to date
 * from watches, listed in node-tree order — one node from each zone in turn — so that sampled
 * scheduling spreads over zones. Cycles read it directly: nothing else changes it during a cycle.
 */
export class SchedulerCache implements Snapshot {
  private readonly byName = new Map<string, NodeInfo>();
  private readonly zones = new Map<string, NodeInfo[]>();
  private ordered: NodeInfo[] = [];
  private orderDirty = false;
  /** Pods on a node that is not (or no longer) known: kept until the node appears. */
  private readonly orphans = new Map<string, Map<string, PodInfo>>();
  private readonly podNode = new Map<string, string>();
  private readonly imageCounts = new Map<string, number>();
  private withAffinity: NodeInfo[] = [];
  private withRequiredAntiAffinity: NodeInfo[] = [];
  private affinityDirty = false;

  get nodes(): readonly NodeInfo[] {
    if (this.orderDirty) this.rebuildOrder();
    return this.ordered;
  }

  get(nodeName: string): NodeInfo | undefined {
    return this.byName.get(nodeName);
  }

  get havePodsWithAffinity(): readonly NodeInfo[] {
    if (this.affinityDirty) this.rebuildAffinityLists();
    return this.withAffinity;
  }

  get havePodsWithRequiredAntiAffinity(): readonly NodeInfo[] {
    if (this.affinityDirty) this.rebuildAffinityLists();
    return this.withRequiredAntiAffinity;
  }

  imageNodeCount(image: string): number {
    return this.imageCounts.get(image) ?? 0;
  }

  /** Add or update a node; returns its NodeInfo. */
  setNode(node: Stored<Node>): NodeInfo {
    const existing = this.byName.get(node.metadata.name);
    if (existing) {
      this.countImages(existing, -1);
      if (zoneKey(existing.node) !== zoneKey(node)) this.orderDirty = true;
      existing.setNode(node);
      this.countImages(existing, 1);
      return existing;
    }
    const info = new NodeInfo(node);
    this.byName.set(node.metadata.name, info);
    this.countImages(info, 1);
    for (const pi of this.orphans.get(node.metadata.name)?.values() ?? []) info.addPod(pi);
    this.orphans.delete(node.metadata.name);
    this.orderDirty = true;
    this.affinityDirty = true;
    return info;
  }

  removeNode(name: string): void {
    const info = this.byName.get(name);
    if (!info) return;
    this.countImages(info, -1);
    this.byName.delete(name);
    // Its pods stay known, so that they count again if the node comes back.
    if (info.pods.length > 0) this.orphans.set(name, new Map(info.pods.map((p) => [p.uid, p])));
    this.orderDirty = true;
    this.affinityDirty = true;
  }

  /** Add or update a pod assigned to a node. Returns the PodInfo now counted and the one it replaced. */
  setPod(pod: Stored<Pod>, nodeName: string, known?: PodInfo): { added: PodInfo; previous: PodInfo | undefined } {
    const previous = this.removePod(pod.metadata.uid);
    // A status or metadata write keeps the pod's (shared, frozen) spec, and with it all PodInfo derives.
    const pi = known ?? (previous && previous.pod.spec === pod.spec ? previous.withBoundPod(pod) : new PodInfo(pod));
    const info = this.byName.get(nodeName);
    if (info) info.addPod(pi);
    else {
      let m = this.orphans.get(nodeName);
      if (!m) this.orphans.set(nodeName, (m = new Map()));
      m.set(pi.uid, pi);
    }
    this.podNode.set(pi.uid, nodeName);
    if (pi.hasAffinity || previous?.hasAffinity) this.affinityDirty = true;
    return { added: pi, previous };
  }

  removePod(uid: string): PodInfo | undefined {
    const nodeName = this.podNode.get(uid);
    if (nodeName === undefined) return undefined;
    this.podNode.delete(uid);
    const removed = this.byName.get(nodeName)?.removePod(uid) ?? this.takeOrphan(nodeName, uid);
    if (removed?.hasAffinity) this.affinityDirty = true;
    return removed;
  }

  private takeOrphan(nodeName: string, uid: string): PodInfo | undefined {
    const m = this.orphans.get(nodeName);
    const pi = m?.get(uid);
    m?.delete(uid);
    return pi;
  }

  private countImages(info: NodeInfo, by: number): void {
    for (const name of info.imageSizes.keys()) {
      const n = (this.imageCounts.get(name) ?? 0) + by;
      if (n <= 0) this.imageCounts.delete(name);
      else this.imageCounts.set(name, n);
    }
  }

  /** nodeTree.list(): the first node of every zone, then the second of every zone, and so on. */
  private rebuildOrder(): void {
    this.zones.clear();
    for (const info of this.byName.values()) {
      const key = zoneKey(info.node);
      let list = this.zones.get(key);
      if (!list) this.zones.set(key, (list = []));
      list.push(info);
    }
    const zones = [...this.zones.values()];
    const out: NodeInfo[] = [];
    for (let i = 0; out.length < this.byName.size; i++) for (const z of zones) if (i < z.length) out.push(z[i]!);
    this.ordered = out;
    this.orderDirty = false;
  }

  private rebuildAffinityLists(): void {
    const nodes = this.nodes;
    this.withAffinity = nodes.filter((n) => n.podsWithAffinity.length > 0);
    this.withRequiredAntiAffinity = nodes.filter((n) => n.podsWithRequiredAntiAffinity.length > 0);
    this.affinityDirty = false;
  }
}
