import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, NodeCondition } from 'kubernetes-types/core/v1';
import { isExtendedResourceName } from '../api/schema/extended-resources';
import type { Writable } from '../api/types';
import type { Machine } from '../cluster/hardware';
import { hexDigest } from '../engine/hash';
import { rfc3339, rfc3339Micro } from '../engine/time';
import type { EventType } from '../events/recorder';
import type { SimContext } from '../sim-context';
import type { ExtendedResources } from './extensions';
import type { ImageManager } from './images/image-manager';
import { NODE_CONDITIONS } from './node-conditions';
import { registrationNode } from './node-object';
import { KUBELET_TIMINGS } from './timings';

/** What the eviction manager observed, which the node's pressure conditions report. */
export interface NodeSignals {
  readonly memoryPressure: boolean;
  readonly diskPressure: boolean;
}

/** The namespace of node heartbeat leases. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** kubelet nodeStatusMaxImages: the Node lists at most this many images. */
const MAX_IMAGES = 50;

/**
 * The kubelet's node status and heartbeats: it registers the Node and its Lease, renews the
 * Lease every 10 s (a quarter of its 40 s duration), and posts the node status when a condition
 * changes or, unchanged, every 5 minutes (nodeStatusReportFrequency). The node lifecycle
 * controller reads either as a sign of life.
 */
export class NodeStatusReporter {
  private lastReportMs = Number.NEGATIVE_INFINITY;
  /** The condition states last posted, by type (true = the condition is "active", e.g. pressure). */
  private posted = new Map<string, boolean>();
  private imagesDirty = false;
  /** The device plugin resources last posted (the device manager's capacity, compared each tick). */
  private postedExtended = '';

  constructor(
    private readonly ctx: SimContext,
    private readonly machine: Machine,
    private readonly images: ImageManager,
    private readonly event: (type: EventType, reason: string, message: string) => void,
    private readonly extendedResources: () => ExtendedResources = () => ({ capacity: {}, allocatable: {} }),
  ) {}

  get nodeName(): string {
    return this.machine.nodeName;
  }

  /** Register the Node and its Lease (at boot of the cluster). */
  register(): void {
    const now = this.ctx.clock.now();
    const node = this.ctx.store.create(registrationNode(this.machine, now));
    this.createLease(node.metadata.uid);
    this.startupEvents(false, undefined);
    for (const c of NODE_CONDITIONS) this.posted.set(c.type, false);
    this.lastReportMs = now;
  }

  /** The kubelet started again after the machine booted: report the new boot and post a fresh status. */
  restart(bootID: string): void {
    this.posted.clear();
    const node = this.ctx.store.get<Node>('Node', this.nodeName);
    this.startupEvents(true, node?.status?.nodeInfo?.bootID !== bootID ? bootID : undefined);
    this.ctx.store.patchStatus<Node>('Node', this.nodeName, undefined, (n) => {
      n.status!.nodeInfo!.bootID = bootID;
    });
    this.post({ memoryPressure: false, diskPressure: false }, true);
    this.renewLease();
  }

  imagesChanged(): void {
    this.imagesDirty = true;
  }

  /** Every nodeStatusUpdateFrequency: post if something changed or the report is due. */
  tick(signals: NodeSignals): void {
    const now = this.ctx.clock.now();
    const changed = NODE_CONDITIONS.some((c) => this.posted.get(c.type) !== active(c.type, signals)) || extendedKey(this.extendedResources()) !== this.postedExtended;
    if (changed || this.imagesDirty || now - this.lastReportMs >= KUBELET_TIMINGS.nodeStatusReportMs) this.post(signals, false);
  }

  /** Renew the node's Lease: the heartbeat the node lifecycle controller watches. */
  renewLease(): void {
    const now = rfc3339Micro(this.ctx.clock.now());
    const lease = this.ctx.store.get<Lease>('Lease', this.nodeName, NODE_LEASE_NAMESPACE);
    if (!lease) {
      const node = this.ctx.store.get<Node>('Node', this.nodeName);
      if (node) this.createLease(node.metadata.uid);
      return;
    }
    this.ctx.store.rebuild<Lease>('Lease', this.nodeName, NODE_LEASE_NAMESPACE, (l) => ({ ...l, spec: { ...l.spec, renewTime: now } }));
  }

  private createLease(nodeUid: string): void {
    const now = rfc3339Micro(this.ctx.clock.now());
    this.ctx.store.create<Lease>({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: this.nodeName,
        namespace: NODE_LEASE_NAMESPACE,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: nodeUid }],
      },
      spec: { holderIdentity: this.nodeName, leaseDurationSeconds: KUBELET_TIMINGS.leaseDurationSeconds, renewTime: now },
    });
  }

  private startupEvents(restart: boolean, newBootID: string | undefined): void {
    this.event('Normal', 'Starting', 'Starting kubelet.');
    if (restart && newBootID) this.event('Warning', 'Rebooted', `Node ${this.nodeName} has been rebooted, boot id: ${newBootID}`);
    for (const c of NODE_CONDITIONS) {
      if (c.type !== 'Ready') this.event('Normal', c.event(false), `Node ${this.nodeName} status is now: ${c.event(false)}`);
    }
    this.event('Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
  }

  private post(signals: NodeSignals, afterRestart: boolean): void {
    const now = this.ctx.clock.now();
    const stamp = rfc3339(now);
    const node = this.ctx.store.get<Node>('Node', this.nodeName);
    if (!node) return;
    const previous = new Map((node.status?.conditions ?? []).map((c) => [c.type, c]));
    const conditions: NodeCondition[] = NODE_CONDITIONS.map((c) => {
      const on = active(c.type, signals);
      const rendered = c.render(on, stamp, stamp);
      const before = previous.get(c.type);
      if (before && before.status === rendered.status) rendered.lastTransitionTime = before.lastTransitionTime;
      const was = this.posted.get(c.type);
      const transitioned = before?.status !== rendered.status;
      if (c.type === 'Ready' ? afterRestart && transitioned : was !== undefined && was !== on) {
        this.event('Normal', c.event(on), `Node ${this.nodeName} status is now: ${c.event(on)}`);
      }
      this.posted.set(c.type, on);
      return rendered;
    });
    const extended = this.extendedResources();
    this.ctx.store.patchStatus<Node>('Node', this.nodeName, undefined, (n) => {
      const st = n.status as Writable<NonNullable<Node['status']>>;
      st.conditions = conditions;
      if (this.imagesDirty || afterRestart) st.images = this.imageList();
      applyExtended(st, extended);
    });
    this.postedExtended = extendedKey(extended);
    this.imagesDirty = false;
    this.lastReportMs = now;
  }

  private imageList(): NonNullable<NonNullable<Node['status']>['images']> {
    return this.images
      .images()
      .slice()
      .sort((a, b) => b.sizeBytes - a.sizeBytes || (a.ref.full < b.ref.full ? -1 : 1))
      .slice(0, MAX_IMAGES)
      .map((i) => ({ names: [`${i.ref.repository}@sha256:${hexDigest(i.ref.full)}`, i.ref.full], sizeBytes: i.sizeBytes }));
  }
}

function extendedKey(r: ExtendedResources): string {
  const names = Object.keys(r.capacity).sort();
  return names.map((n) => `${n}=${r.capacity[n]}/${r.allocatable[n] ?? 0}`).join(',');
}

/**
 * Device plugin resources in the node status (nodestatus MachineInfo): capacity and allocatable
 * per resource; extended resources no longer in capacity leave allocatable too. Native resources
 * are never touched.
 */
function applyExtended(st: Writable<NonNullable<Node['status']>>, r: ExtendedResources): void {
  const capacity = { ...(st.capacity ?? {}) };
  const allocatable = { ...(st.allocatable ?? {}) };
  for (const [name, n] of Object.entries(r.capacity)) capacity[name] = String(n);
  for (const [name, n] of Object.entries(r.allocatable)) allocatable[name] = String(n);
  for (const name of Object.keys(allocatable)) if (isExtendedResourceName(name) && capacity[name] === undefined) delete allocatable[name];
  st.capacity = capacity;
  st.allocatable = allocatable;
}

function active(type: string, s: NodeSignals): boolean {
  if (type === 'MemoryPressure') return s.memoryPressure;
  if (type === 'DiskPressure') return s.diskPressure;
  return false;
}
