import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, NodeCondition, ObjectReference, Pod, Taint } from 'kubernetes-types/core/v1';
import type { Stored, Writable } from '../api/types';
import { rfc3339 } from '../engine/time';
import type { SimContext } from '../sim-context';

/**
 * The node lifecycle controller (pkg/controller/nodelifecycle), as kube-controller-manager 1.34
 * runs it:
 *
 * - every nodeMonitorPeriod (5 s) it checks each node's last sign of life (a Lease renewal or a
 *   new Ready heartbeat). After nodeMonitorGracePeriod (50 s since 1.32) without one, it sets
 *   Ready, MemoryPressure, DiskPressure and PIDPressure to Unknown ("Kubelet stopped posting node
 *   status."), records NodeNotReady, and marks the node's pods not ready;
 * - on the next pass it queues the node for the NoExecute taint (`node.kubernetes.io/unreachable`,
 *   or `not-ready` for Ready=False), added through a per-zone rate limiter (0.1 nodes/s, burst 1;
 *   none while a zone of a small cluster is partially disrupted; none at all when every zone is
 *   down). The taint eviction controller then evicts pods as their tolerationSeconds run out;
 * - it keeps NoSchedule taints in step with the node's conditions and spec.unschedulable
 *   (TaintNodesByCondition), and removes the NoExecute taints when the node is Ready again.
 */
export const NODE_MONITOR_PERIOD_MS = 5000;
export const NODE_MONITOR_GRACE_MS = 50_000;
export const NODE_STARTUP_GRACE_MS = 60_000;
/** How often the rate-limited NoExecute tainting queue is worked. */
export const NODE_EVICTION_PERIOD_MS = 100;
const EVICTION_LIMITER_QPS = 0.1;
const SECONDARY_EVICTION_LIMITER_QPS = 0.01;
const LARGE_CLUSTER_THRESHOLD = 50;
const UNHEALTHY_ZONE_THRESHOLD = 0.55;

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
const LEASE_NAMESPACE = 'kube-node-lease';
const SOURCE = { component: 'node-controller' };

/** NoSchedule taints that mirror node conditions (nodeConditionToTaintKeyStatusMap). */
const CONDITION_TAINTS: readonly { type: string; status: string; key: string }[] = [
  { type: 'Ready', status: 'False', key: TAINT_NOT_READY },
  { type: 'Ready', status: 'Unknown', key: TAINT_UNREACHABLE },
  { type: 'MemoryPressure', status: 'True', key: 'node.kubernetes.io/memory-pressure' },
  { type: 'DiskPressure', status: 'True', key: 'node.kubernetes.io/disk-pressure' },
  { type: 'NetworkUnavailable', status: 'True', key: 'node.kubernetes.io/network-unavailable' },
  { type: 'PIDPressure', status: 'True', key: 'node.kubernetes.io/pid-pressure' },
];
const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
const CONDITION_TAINT_KEYS = new Set([...CONDITION_TAINTS.map((t) => t.key), TAINT_UNSCHEDULABLE]);

/** The conditions tryUpdateNodeHealth sets to Unknown when the kubelet goes silent: Ready and nodeConditionTypes. */
const UNKNOWN_WHEN_SILENT: ReadonlySet<string> = new Set(['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']);

type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

interface Health {
  probeMs: number;
  heartbeat: string | undefined;
  renewTime: string | undefined;
}

/** A per-zone token bucket (burst 1) and the nodes waiting for their NoExecute taint. */
interface Tainter {
  qps: number;
  /** When the next token is available. */
  tokenAtMs: number;
  queue: string[];
  /** Tainted nodes, not queued again until they are reachable. */
  done: Set<string>;
}

export class NodeLifecycleController {
  private readonly health = new Map<string, Health>();
  private readonly known = new Set<string>();
  private readonly zoneStates = new Map<string, ZoneState>();
  private readonly tainters = new Map<string, Tainter>();
  private readonly podsByNode = new Map<string, Map<string, { namespace: string; name: string }>>();
  private readonly noScheduleQueue = new Set<string>();
  private taintPassAt: number | undefined;

  constructor(private readonly ctx: SimContext) {
    ctx.store.watch<Node>('Node', (e) => {
      if (e.type === 'DELETED') return;
      this.enqueueNoSchedulePass(e.object.metadata.name);
    });
    ctx.store.watch<Pod>('Pod', (e) => {
      const node = e.object.spec?.nodeName;
      if (!node) return;
      let pods = this.podsByNode.get(node);
      if (!pods) this.podsByNode.set(node, (pods = new Map()));
      if (e.type === 'DELETED') pods.delete(e.object.metadata.uid);
      else pods.set(e.object.metadata.uid, { namespace: e.object.metadata.namespace ?? 'default', name: e.object.metadata.name });
      // A pod bound to a node that is not Ready is marked not ready at once (processPod).
      if (e.type === 'ADDED' || e.old?.spec?.nodeName !== node) this.ctx.clock.after(0, 'node-lifecycle-pod', () => this.processPod(e.object.metadata.namespace ?? 'default', e.object.metadata.name));
    });
    ctx.clock.after(0, 'node-lifecycle-monitor', () => this.monitor());
  }

  // ── monitorNodeHealth, every 5 s ──────────────────────────────────────────────────────────

  private monitor(): void {
    this.ctx.clock.after(NODE_MONITOR_PERIOD_MS, 'node-lifecycle-monitor', () => this.monitor());
    const nodes = this.ctx.store.list<Node>('Node');
    const names = new Set(nodes.map((n) => n.metadata.name));
    for (const n of nodes) {
      if (this.known.has(n.metadata.name)) continue;
      this.known.add(n.metadata.name);
      this.nodeEvent(n, 'Normal', 'RegisteredNode', `Node ${n.metadata.name} event: Registered Node ${n.metadata.name} in Controller`);
      this.markReachable(n);
    }
    for (const name of [...this.known]) {
      if (names.has(name)) continue;
      this.known.delete(name);
      this.health.delete(name);
      this.ctx.recorder.record({ kind: 'Node', name, apiVersion: 'v1' }, 'Normal', 'RemovingNode', `Node ${name} event: Removing Node ${name} from Controller`, SOURCE);
    }
    const zoneConditions = new Map<string, string[]>();
    for (const node of nodes) {
      const { observed, current } = this.updateHealth(node);
      const fresh = this.ctx.store.get<Node>('Node', node.metadata.name)!;
      const zone = zoneOf(fresh);
      if (fresh.metadata.labels?.['node.kubernetes.io/exclude-disruption'] === undefined) {
        const inZone = zoneConditions.get(zone);
        if (inZone) inZone.push(current);
        else zoneConditions.set(zone, [current]);
      }
      this.taintForEviction(fresh, observed);
      if (current !== 'True' && observed === 'True') {
        this.nodeEvent(fresh, 'Normal', 'NodeNotReady', `Node ${fresh.metadata.name} status is now: NodeNotReady`);
        this.markPodsNotReady(fresh.metadata.name);
      }
    }
    this.handleDisruption(zoneConditions, nodes);
  }

  /** tryUpdateNodeHealth: returns the Ready status before and after this pass. */
  private updateHealth(node: Stored<Node>): { observed: string; current: string } {
    const now = this.ctx.clock.now();
    const name = node.metadata.name;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    const observed = ready?.status ?? 'Unknown';
    let h = this.health.get(name);
    if (!h) this.health.set(name, (h = { probeMs: now, heartbeat: ready?.lastHeartbeatTime, renewTime: undefined }));
    if (ready?.lastHeartbeatTime !== h.heartbeat) {
      h.heartbeat = ready?.lastHeartbeatTime;
      h.probeMs = now;
    }
    const lease = this.ctx.store.get<Lease>('Lease', name, LEASE_NAMESPACE);
    const renew = lease?.spec?.renewTime;
    if (renew !== undefined && (h.renewTime === undefined || renew > h.renewTime)) {
      h.renewTime = renew;
      h.probeMs = now;
    }
    const grace = ready ? NODE_MONITOR_GRACE_MS : NODE_STARTUP_GRACE_MS;
    if (!(now > h.probeMs + grace)) return { observed, current: observed };
    const stamp = rfc3339(now);
    let changed = false;
    const conditions: NodeCondition[] = (node.status?.conditions ?? []).map((c) => {
      if (!UNKNOWN_WHEN_SILENT.has(c.type) || c.status === 'Unknown') return c;
      changed = true;
      return { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: stamp };
    });
    if (changed) {
      this.ctx.store.patchStatus<Node>('Node', name, undefined, (n) => {
        (n.status as Writable<NonNullable<Node['status']>>).conditions = conditions;
      });
    }
    return { observed, current: 'Unknown' };
  }

  /** MarkPodsNotReady: the node's pods lose their Ready condition, so Services stop sending them traffic. */
  private markPodsNotReady(node: string): void {
    const stamp = rfc3339(this.ctx.clock.now());
    for (const { namespace, name } of [...(this.podsByNode.get(node)?.values() ?? [])]) {
      const pod = this.ctx.store.get<Pod>('Pod', name, namespace);
      if (!pod || pod.spec?.nodeName !== node) continue;
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      const updated = this.ctx.store.patchStatus<Pod>('Pod', name, namespace, (p) => {
        const c = p.status!.conditions!.find((x) => x.type === 'Ready')!;
        c.status = 'False';
        c.lastTransitionTime = stamp;
      });
      this.ctx.recorder.record(updated, 'Warning', 'NodeNotReady', 'Node is not ready', SOURCE);
    }
  }

  /** processPod: a pod newly bound to a node that is not Ready is marked not ready. */
  private processPod(namespace: string, name: string): void {
    const pod = this.ctx.store.get<Pod>('Pod', name, namespace);
    const node = pod?.spec?.nodeName ? this.ctx.store.get<Node>('Node', pod.spec.nodeName) : undefined;
    if (!pod || !node || !this.health.has(node.metadata.name)) return;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    if (ready === 'True' || ready === undefined) return;
    if (pod.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True') return;
    this.markPodsNotReady(node.metadata.name);
  }

  // ── NoExecute tainting (rate limited per zone) ───────────────────────────────────────────

  private taintForEviction(node: Stored<Node>, observed: string): void {
    const taints = node.spec?.taints ?? [];
    const has = (key: string) => taints.some((t) => t.key === key && t.effect === 'NoExecute');
    if (observed === 'False') {
      if (has(TAINT_UNREACHABLE)) this.swapTaint(node.metadata.name, TAINT_NOT_READY, TAINT_UNREACHABLE);
      else this.markForTainting(node, observed);
    } else if (observed === 'Unknown') {
      if (has(TAINT_NOT_READY)) this.swapTaint(node.metadata.name, TAINT_UNREACHABLE, TAINT_NOT_READY);
      else this.markForTainting(node, observed);
    } else {
      this.markReachable(node);
    }
  }

  private tainter(zone: string): Tainter {
    let t = this.tainters.get(zone);
    if (!t) this.tainters.set(zone, (t = { qps: EVICTION_LIMITER_QPS, tokenAtMs: Number.NEGATIVE_INFINITY, queue: [], done: new Set() }));
    return t;
  }

  /** markNodeForTainting: queue the node once (RateLimitedTimedQueue keeps processed names until the node is reachable again). */
  private markForTainting(node: Stored<Node>, observed: string): void {
    const t = this.tainter(zoneOf(node));
    const name = node.metadata.name;
    const key = observed === 'False' ? TAINT_NOT_READY : TAINT_UNREACHABLE;
    if (!(node.spec?.taints ?? []).some((x) => x.key === key && x.effect === 'NoExecute')) t.done.delete(name);
    if (t.queue.includes(name) || t.done.has(name)) return;
    t.queue.push(name);
    this.scheduleTaintPass(this.ctx.clock.now());
  }

  /** doNoExecuteTaintingPass runs on a 100 ms ticker: the first tick at or after `at`. */
  private scheduleTaintPass(at: number): void {
    const tick = (Math.floor(at / NODE_EVICTION_PERIOD_MS) + 1) * NODE_EVICTION_PERIOD_MS;
    if (this.taintPassAt !== undefined && this.taintPassAt <= tick) return;
    this.taintPassAt = tick;
    this.ctx.clock.at(tick, 'node-lifecycle-taint', () => {
      if (this.taintPassAt !== tick) return;
      this.taintPassAt = undefined;
      this.taintPass();
    });
  }

  private taintPass(): void {
    const now = this.ctx.clock.now();
    for (const t of this.tainters.values()) {
      while (t.queue.length > 0 && t.qps > 0) {
        // A token bucket with burst 1: one node every 1/qps seconds.
        if (t.tokenAtMs > now) {
          this.scheduleTaintPass(t.tokenAtMs - 1);
          break;
        }
        const name = t.queue.shift()!;
        t.done.add(name);
        t.tokenAtMs = now + 1000 / t.qps;
        const node = this.ctx.store.get<Node>('Node', name);
        const ready = node?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
        if (ready === 'False') this.swapTaint(name, TAINT_NOT_READY, TAINT_UNREACHABLE);
        else if (ready === 'Unknown') this.swapTaint(name, TAINT_UNREACHABLE, TAINT_NOT_READY);
      }
    }
  }

  /** SwapNodeControllerTaint: add a NoExecute taint (with timeAdded) and remove its opposite. */
  private swapTaint(node: string, add: string, remove: string): void {
    const current = this.ctx.store.get<Node>('Node', node);
    if (!current) return;
    const taints = current.spec?.taints ?? [];
    if (taints.some((t) => t.key === add && t.effect === 'NoExecute') && !taints.some((t) => t.key === remove && t.effect === 'NoExecute')) return;
    const stamp = rfc3339(this.ctx.clock.now());
    this.ctx.store.patch<Node>('Node', node, undefined, (n) => {
      const kept = (n.spec!.taints ?? []).filter((t) => !(t.effect === 'NoExecute' && (t.key === add || t.key === remove)));
      const existing = taints.find((t) => t.key === add && t.effect === 'NoExecute');
      n.spec!.taints = [...kept, existing ?? { key: add, effect: 'NoExecute', timeAdded: stamp }];
    });
  }

  /** markNodeAsReachable: remove the NoExecute taints and any queued tainting. */
  private markReachable(node: Stored<Node>): void {
    const t = this.tainters.get(zoneOf(node));
    if (t) {
      t.queue = t.queue.filter((n) => n !== node.metadata.name);
      t.done.delete(node.metadata.name);
    }
    const taints = node.spec?.taints ?? [];
    if (!taints.some((x) => x.effect === 'NoExecute' && (x.key === TAINT_UNREACHABLE || x.key === TAINT_NOT_READY))) return;
    this.ctx.store.patch<Node>('Node', node.metadata.name, undefined, (n) => {
      n.spec!.taints = (n.spec!.taints ?? []).filter((x) => !(x.effect === 'NoExecute' && (x.key === TAINT_UNREACHABLE || x.key === TAINT_NOT_READY)));
      if (n.spec!.taints.length === 0) delete n.spec!.taints;
    });
  }

  // ── zones ────────────────────────────────────────────────────────────────────────────────

  private handleDisruption(zoneConditions: Map<string, string[]>, nodes: readonly Stored<Node>[]): void {
    const next = new Map<string, ZoneState>();
    let allFully = zoneConditions.size > 0;
    for (const [zone, conditions] of zoneConditions) {
      const state = zoneState(conditions);
      next.set(zone, state);
      if (state !== 'FullDisruption') allFully = false;
      if (!this.zoneStates.has(zone)) this.zoneStates.set(zone, 'Initial');
    }
    let allWereFully = true;
    for (const [zone, state] of [...this.zoneStates]) {
      if (!zoneConditions.has(zone)) {
        this.zoneStates.delete(zone);
        continue;
      }
      if (state !== 'FullDisruption') allWereFully = false;
    }
    if (allFully && allWereFully) return;
    if (allFully) {
      // Every zone is down: it is more likely the control plane lost the network. Evict nothing.
      for (const n of nodes) this.markReachable(this.ctx.store.get<Node>('Node', n.metadata.name) ?? n);
      for (const zone of this.zoneStates.keys()) {
        this.tainter(zone).qps = 0;
        this.zoneStates.set(zone, 'FullDisruption');
      }
      return;
    }
    if (allWereFully) {
      const now = this.ctx.clock.now();
      for (const h of this.health.values()) h.probeMs = now;
    }
    for (const [zone, state] of next) {
      if (!allWereFully && this.zoneStates.get(zone) === state) continue;
      const size = zoneConditions.get(zone)!.length;
      const t = this.tainter(zone);
      if (state === 'Normal' || state === 'FullDisruption') t.qps = EVICTION_LIMITER_QPS;
      else if (state === 'PartialDisruption') t.qps = size > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_LIMITER_QPS : 0;
      this.zoneStates.set(zone, state);
      if (t.qps > 0 && t.queue.length > 0) this.scheduleTaintPass(this.ctx.clock.now());
    }
  }

  // ── NoSchedule taints from conditions (doNoScheduleTaintingPass) ───────────────────────────

  private enqueueNoSchedulePass(node: string): void {
    if (this.noScheduleQueue.has(node)) return;
    this.noScheduleQueue.add(node);
    this.ctx.clock.after(0, 'node-lifecycle-noschedule', () => {
      this.noScheduleQueue.delete(node);
      this.noSchedulePass(node);
    });
  }

  private noSchedulePass(name: string): void {
    const node = this.ctx.store.get<Node>('Node', name);
    if (!node) return;
    const wanted = new Set<string>();
    for (const c of node.status?.conditions ?? []) {
      for (const m of CONDITION_TAINTS) if (m.type === c.type && m.status === c.status) wanted.add(m.key);
    }
    if (node.spec?.unschedulable) wanted.add(TAINT_UNSCHEDULABLE);
    const current = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' && CONDITION_TAINT_KEYS.has(t.key));
    const toAdd = [...wanted].filter((k) => !current.some((t) => t.key === k));
    const toRemove = current.filter((t) => !wanted.has(t.key)).map((t) => t.key);
    if (toAdd.length === 0 && toRemove.length === 0) return;
    const stamp = rfc3339(this.ctx.clock.now());
    this.ctx.store.patch<Node>('Node', name, undefined, (n) => {
      const kept = (n.spec!.taints ?? []).filter((t) => !(t.effect === 'NoSchedule' && toRemove.includes(t.key)));
      const added: Taint[] = toAdd.map((key) => ({ key, effect: 'NoSchedule', timeAdded: stamp }));
      n.spec!.taints = [...kept, ...added];
      if (n.spec!.taints.length === 0) delete n.spec!.taints;
    });
  }

  private nodeEvent(node: Stored<Node>, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const ref: ObjectReference = { kind: 'Node', name: node.metadata.name, uid: node.metadata.uid, apiVersion: 'v1' };
    this.ctx.recorder.record(ref, type, reason, message, SOURCE);
  }
}

/** The zone key of a node (topology region and zone), '' when it has none. */
function zoneOf(node: Stored<Node>): string {
  const l = node.metadata.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? '';
  return region || zone ? `${region}:\x00:${zone}` : '';
}

/** ComputeZoneState: no Ready node is full disruption; > 2 not ready and ≥ 55 % is partial. */
function zoneState(conditions: readonly string[]): ZoneState {
  const ready = conditions.filter((c) => c === 'True').length;
  const notReady = conditions.length - ready;
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / conditions.length >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
  return 'Normal';
}
