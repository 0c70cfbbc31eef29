import type { Node, Pod } from 'kubernetes-types/core/v1';
import { amountOf, podRequests, type ResourceAmounts } from '../api/pod-resources';
import type { Stored } from '../api/types';

/**
 * The scheduler's view of one node: the Node object and the pods assigned to it, with their
 * summed requests, kept up to date from watches (the scheduler cache's NodeInfo upstream).
 */
export class NodeInfo {
  readonly pods = new Map<string, { pod: Stored<Pod>; requests: ResourceAmounts }>();
  readonly requested: ResourceAmounts = {};
  allocatable: ResourceAmounts = {};

  constructor(public node: Stored<Node>) {
    this.setNode(node);
  }

  get name(): string {
    return this.node.metadata.name;
  }

  setNode(node: Stored<Node>): void {
    this.node = node;
    const alloc: ResourceAmounts = {};
    for (const [name, q] of Object.entries(node.status?.allocatable ?? {})) alloc[name] = amountOf(name, q as string);
    this.allocatable = alloc;
  }

  addPod(pod: Stored<Pod>): void {
    if (this.pods.has(pod.metadata.uid)) this.removePod(pod.metadata.uid);
    const requests = podRequests(pod);
    this.pods.set(pod.metadata.uid, { pod, requests });
    for (const [k, v] of Object.entries(requests)) this.requested[k] = (this.requested[k] ?? 0) + v;
  }

  removePod(uid: string): void {
    const entry = this.pods.get(uid);
    if (!entry) return;
    this.pods.delete(uid);
    for (const [k, v] of Object.entries(entry.requests)) this.requested[k] = (this.requested[k] ?? 0) - v;
  }
}
