import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/types';
import type { Machine } from '../cluster/hardware';
import type { NodeGpuStatus } from '../gpu/runtime/gpu-status';
import type { ObjectStore } from '../store/object-store';
import { eventView, nodeView, podView } from './project';
import type { EventView, NodeView, PodView, ViewDiff, ViewSnapshot } from './types';

/**
 * Tracks what changed since the last flush and turns it into a ViewDiff. A node is dirty when
 * it changes or when a pod on it comes, goes or changes (its requested totals move).
 */
export class ViewTracker {
  private readonly dirtyPods = new Map<string, { name: string; namespace: string }>();
  private readonly dirtyNodes = new Set<string>();
  private readonly dirtyEvents = new Map<string, { name: string; namespace: string }>();
  private readonly removed = new Set<string>();
  /** Pod uid → node name, so that a node can list its pods without scanning every pod. */
  private readonly podNode = new Map<string, string>();
  private readonly nodePods = new Map<string, Map<string, { name: string; namespace: string }>>();
  private seq = 0;
  private readonly unwatch: () => void;

  constructor(
    private readonly store: ObjectStore,
    private readonly machines: ReadonlyMap<string, Machine>,
    /** The GPU stack's live view of a node's GPUs (health, who uses which device). */
    private readonly gpuStatus: (node: string) => NodeGpuStatus | undefined = () => undefined,
  ) {
    this.unwatch = store.watch('*', (e) => this.onChange(e.type, e.object));
    for (const p of store.list<Pod>('Pod')) this.trackPod(p, false);
  }

  dispose(): void {
    this.unwatch();
  }

  private onChange(type: string, obj: Stored<KubeObject>): void {
    const name = obj.metadata.name;
    const namespace = obj.metadata.namespace ?? '';
    if (obj.kind === 'Pod') this.trackPod(obj as Stored<Pod>, type === 'DELETED');
    else if (obj.kind === 'Node') {
      if (type === 'DELETED') {
        this.removed.add(name);
        this.dirtyNodes.delete(name);
      } else this.dirtyNodes.add(name);
    } else if (obj.kind === 'Event' && type !== 'DELETED') {
      this.dirtyEvents.set(obj.metadata.uid, { name, namespace });
    }
  }

  private trackPod(pod: Stored<Pod>, deleted: boolean): void {
    const uid = pod.metadata.uid;
    const ref = { name: pod.metadata.name, namespace: pod.metadata.namespace ?? 'default' };
    const before = this.podNode.get(uid);
    const after = deleted ? undefined : pod.spec?.nodeName;
    if (before !== after) {
      if (before !== undefined) {
        this.nodePods.get(before)?.delete(uid);
        this.dirtyNodes.add(before);
        this.podNode.delete(uid);
      }
      if (after !== undefined) {
        let m = this.nodePods.get(after);
        if (!m) this.nodePods.set(after, (m = new Map()));
        m.set(uid, ref);
        this.podNode.set(uid, after);
      }
    }
    if (after !== undefined) this.dirtyNodes.add(after);
    if (deleted) {
      this.dirtyPods.delete(uid);
      this.removed.add(uid);
    } else {
      this.dirtyPods.set(uid, ref);
      this.removed.delete(uid);
    }
  }

  get hasChanges(): boolean {
    return this.dirtyPods.size > 0 || this.dirtyNodes.size > 0 || this.dirtyEvents.size > 0 || this.removed.size > 0;
  }

  /** The changes since the last flush. */
  flush(timeMs: number): ViewDiff {
    const pods: PodView[] = [];
    for (const [uid, ref] of this.dirtyPods) {
      const p = this.store.get<Pod>('Pod', ref.name, ref.namespace);
      if (p && p.metadata.uid === uid) pods.push(podView(p));
    }
    const nodes: NodeView[] = [];
    for (const name of this.dirtyNodes) {
      const n = this.store.get<Node>('Node', name);
      if (n) nodes.push(nodeView(n, this.podsOn(name), this.machines.get(name), this.gpuStatus(name)));
    }
    const events: EventView[] = [];
    for (const [uid, ref] of this.dirtyEvents) {
      const ev = this.store.get<Event>('Event', ref.name, ref.namespace);
      if (ev && ev.metadata.uid === uid) events.push(eventView(ev));
    }
    const diff: ViewDiff = { seq: ++this.seq, timeMs, nodes, pods, removed: [...this.removed], events };
    this.dirtyPods.clear();
    this.dirtyNodes.clear();
    this.dirtyEvents.clear();
    this.removed.clear();
    return diff;
  }

  /** Everything, for a UI that starts from nothing. Pending changes are folded in. */
  snapshot(timeMs: number, maxEvents = 500): ViewSnapshot {
    this.dirtyPods.clear();
    this.dirtyNodes.clear();
    this.dirtyEvents.clear();
    this.removed.clear();
    const nodes = this.store.list<Node>('Node').map((n) => nodeView(n, this.podsOn(n.metadata.name), this.machines.get(n.metadata.name), this.gpuStatus(n.metadata.name)));
    const pods = this.store.list<Pod>('Pod').map(podView);
    const events = this.store.list<Event>('Event').slice(-maxEvents).map(eventView);
    return { full: true, seq: ++this.seq, timeMs, nodes, pods, removed: [], events };
  }

  private *podsOn(node: string): Iterable<Stored<Pod>> {
    for (const ref of this.nodePods.get(node)?.values() ?? []) {
      const p = this.store.get<Pod>('Pod', ref.name, ref.namespace);
      if (p) yield p;
    }
  }
}
