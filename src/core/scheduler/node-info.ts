import type { Node } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import type { HostPort, PodInfo } from './pod-info';
import { Resource } from './resource';

export type { PodInfo } from './pod-info';

/**
 * The scheduler's view of one node (framework.NodeInfo): the Node, the pods assigned to it, and
 * running totals kept up to date as pods come and go, so that a filter reads a sum instead of
 * walking the pods: requested and non-zero requested resources, used host ports, pods with
 * affinity, and the images present on the node.
 */
export class NodeInfo {
  pods: PodInfo[] = [];
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  requested = new Resource();
  /** cpu and memory counting pods without requests at the scorer's defaults. */
  nonZeroMilliCPU = 0;
  nonZeroMemory = 0;
  allocatable = new Resource();
  /** host IP → `protocol/port` in use. */
  usedPorts = new Map<string, Set<string>>();
  /** image name → size in bytes, from node.status.images. */
  imageSizes = new Map<string, number>();
  /** Bumped on every change: lets caches tell whether a node moved on. */
  generation = 0;
  /** Counts over this node's pods (see rememberedCount), valid for one generation; a clone starts without. */
  private counted: Map<string, number> | undefined;
  private countedAt = -1;

  constructor(public node: Stored<Node>) {
    this.setNode(node);
  }

  get name(): string {
    return this.node.metadata.name;
  }

  setNode(node: Stored<Node>): void {
    this.node = node;
    const alloc = new Resource();
    alloc.addList(node.status?.allocatable as Record<string, string> | undefined);
    this.allocatable = alloc;
    this.imageSizes = new Map();
    for (const image of node.status?.images ?? []) for (const n of image.names ?? []) this.imageSizes.set(n, image.sizeBytes ?? 0);
    this.generation++;
  }

  addPod(pi: PodInfo): void {
    this.pods.push(pi);
    if (pi.hasAffinity) this.podsWithAffinity.push(pi);
    if (pi.requiredAntiAffinityTerms.length > 0) this.podsWithRequiredAntiAffinity.push(pi);
    this.requested.add(pi.requests);
    this.nonZeroMilliCPU += pi.nonZeroMilliCPU;
    this.nonZeroMemory += pi.nonZeroMemory;
    for (const p of pi.hostPorts) this.usePort(p, true);
    this.generation++;
  }

  /** Remove a pod by uid; returns the PodInfo removed, if it was there. */
  removePod(uid: string): PodInfo | undefined {
    const i = this.pods.findIndex((p) => p.uid === uid);
    if (i < 0) return undefined;
    const pi = this.pods[i]!;
    this.pods.splice(i, 1);
    if (pi.hasAffinity) this.podsWithAffinity = this.podsWithAffinity.filter((p) => p.uid !== uid);
    if (pi.requiredAntiAffinityTerms.length > 0) this.podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity.filter((p) => p.uid !== uid);
    this.requested.add(pi.requests, -1);
    this.nonZeroMilliCPU -= pi.nonZeroMilliCPU;
    this.nonZeroMemory -= pi.nonZeroMemory;
    for (const p of pi.hostPorts) this.usePort(p, false);
    this.generation++;
    return pi;
  }

  private usePort(p: HostPort, add: boolean): void {
    let set = this.usedPorts.get(p.ip);
    if (!set) {
      if (!add) return;
      set = new Set();
      this.usedPorts.set(p.ip, set);
    }
    const key = `${p.protocol}/${p.port}`;
    if (add) set.add(key);
    else set.delete(key);
  }

  /**
   * Whether a wanted host port clashes with one in use (HostPortInfo.CheckConflict): 0.0.0.0
   * clashes with the same protocol and port on any IP, and any IP clashes with 0.0.0.0.
   */
  portConflicts(p: HostPort): boolean {
    const key = `${p.protocol}/${p.port}`;
    if (p.ip === '0.0.0.0') {
      for (const set of this.usedPorts.values()) if (set.has(key)) return true;
      return false;
    }
    return Boolean(this.usedPorts.get(p.ip)?.has(key) || this.usedPorts.get('0.0.0.0')?.has(key));
  }

  /**
   * A count over this node's pods that depends on nothing else, remembered under a key until the
   * node changes: the scorers ask the same question of every node in every cycle, and most nodes
   * did not change since the last.
   */
  rememberedCount(key: string): number | undefined {
    return this.countedAt === this.generation ? this.counted?.get(key) : undefined;
  }

  rememberCount(key: string, n: number): void {
    if (this.countedAt !== this.generation || !this.counted) {
      this.counted = new Map();
      this.countedAt = this.generation;
    }
    this.counted.set(key, n);
  }

  /** A copy for what-if runs (preemption, nominated pods): same node, own pod list and totals. */
  clone(): NodeInfo {
    const c = Object.create(NodeInfo.prototype) as NodeInfo;
    c.node = this.node;
    c.pods = [...this.pods];
    c.podsWithAffinity = [...this.podsWithAffinity];
    c.podsWithRequiredAntiAffinity = [...this.podsWithRequiredAntiAffinity];
    c.requested = this.requested.clone();
    c.nonZeroMilliCPU = this.nonZeroMilliCPU;
    c.nonZeroMemory = this.nonZeroMemory;
    c.allocatable = this.allocatable;
    c.usedPorts = new Map([...this.usedPorts].map(([ip, set]) => [ip, new Set(set)]));
    c.imageSizes = this.imageSizes;
    c.generation = this.generation;
    return c;
  }
}
