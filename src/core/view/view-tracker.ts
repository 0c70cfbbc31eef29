import type { Event, Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject, Stored } from '../api/types';
import type { NodeGpu } from '../gpu/node-gpu';
import type { NodeGpuStatus } from '../gpu/runtime/gpu-status';
import type { ObjectStore } from '../store/object-store';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { SERVICE_NAME_LABEL } from '../network/endpointslice-controller';
import { eventView, hpaView, hpaViewId, nodeView, podView, serviceView, serviceViewId } from './project';
import type { EventView, HpaView, NodeView, PodView, ServiceView, ViewDiff, ViewSnapshot } from './types';

/** Namespaces whose Services the view leaves out: the cluster's own plumbing. */
const HIDDEN_SERVICE_NAMESPACES = new Set(['kube-system']);

/**
 * Tracks what changed since the last flush and turns it into a ViewDiff. A node is dirty when
 * it changes or when a pod on it comes, goes or changes (its requested totals move).
 */
export class ViewTracker {
  private readonly dirtyPods = new Map<string, { name: string; namespace: string }>();
  private readonly dirtyNodes = new Set<string>();
  private readonly dirtyEvents = new Map<string, { name: string; namespace: string }>();
  /** Services to re-project, as namespace/name: a Service or one of its EndpointSlices changed. */
  private readonly dirtyServices = new Map<string, { name: string; namespace: string }>();
  private readonly dirtyHpas = new Map<string, { name: string; namespace: string }>();
  private readonly removed = new Set<string>();
  /** Pod uid → node name, so that a node can list its pods without scanning every pod. */
  private readonly podNode = new Map<string, string>();
  private readonly nodePods = new Map<string, Map<string, { name: string; namespace: string }>>();
  private seq = 0;
  private readonly unwatch: () => void;

  constructor(
    private readonly store: ObjectStore,
    /** A node's GPUs with their MIG state, as nvidia-smi sees them. */
    private readonly gpus: (node: string) => readonly NodeGpu[],
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
    } else if (obj.kind === 'Service' || obj.kind === 'EndpointSlice') {
      const service = obj.kind === 'Service' ? name : obj.metadata.labels?.[SERVICE_NAME_LABEL];
      if (service && !HIDDEN_SERVICE_NAMESPACES.has(namespace)) this.dirtyServices.set(`${namespace}/${service}`, { name: service, namespace });
    } else if (obj.kind === 'HorizontalPodAutoscaler') {
      this.dirtyHpas.set(`${namespace}/${name}`, { name, namespace });
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
    return this.dirtyPods.size > 0 || this.dirtyNodes.size > 0 || this.dirtyEvents.size > 0 || this.dirtyServices.size > 0 || this.dirtyHpas.size > 0 || this.removed.size > 0;
  }

  /**
   * The changes since the last flush. With `limit`, at most that many pods and as many events go
   * in this diff; the rest stay pending for the next one, so a burst of thousands of changes is
   * spread over a few frames instead of stalling one.
   */
  flush(timeMs: number, limit = Infinity): ViewDiff {
    const pods: PodView[] = [];
    for (const [uid, ref] of this.dirtyPods) {
      if (pods.length >= limit) break;
      this.dirtyPods.delete(uid);
      const p = this.store.get<Pod>('Pod', ref.name, ref.namespace);
      if (p && p.metadata.uid === uid) pods.push(podView(p));
    }
    const nodes: NodeView[] = [];
    for (const name of this.dirtyNodes) {
      const n = this.store.get<Node>('Node', name);
      if (n) nodes.push(nodeView(n, this.podsOn(name), this.gpus(name), this.gpuStatus(name)));
    }
    const events: EventView[] = [];
    for (const [uid, ref] of this.dirtyEvents) {
      if (events.length >= limit) break;
      this.dirtyEvents.delete(uid);
      const ev = this.store.get<Event>('Event', ref.name, ref.namespace);
      if (ev && ev.metadata.uid === uid) events.push(eventView(ev));
    }
    const services: ServiceView[] = [];
    for (const ref of this.dirtyServices.values()) {
      const svc = this.store.get<Service>('Service', ref.name, ref.namespace);
      if (svc) services.push(this.serviceView(svc));
      else this.removed.add(serviceViewId(ref.namespace, ref.name));
    }
    const autoscalers: HpaView[] = [];
    for (const ref of this.dirtyHpas.values()) {
      const hpa = this.store.get<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', ref.name, ref.namespace);
      if (hpa) autoscalers.push(hpaView(hpa));
      else this.removed.add(hpaViewId(ref.namespace, ref.name));
    }
    const diff: ViewDiff = { seq: ++this.seq, timeMs, nodes, pods, services, autoscalers, removed: [...this.removed], events };
    this.dirtyNodes.clear();
    this.dirtyServices.clear();
    this.dirtyHpas.clear();
    this.removed.clear();
    return diff;
  }

  /** Everything, for a UI that starts from nothing. Pending changes are folded in. */
  snapshot(timeMs: number, maxEvents = 500): ViewSnapshot {
    this.dirtyPods.clear();
    this.dirtyNodes.clear();
    this.dirtyEvents.clear();
    this.dirtyServices.clear();
    this.dirtyHpas.clear();
    this.removed.clear();
    const autoscalers = this.store.list<HorizontalPodAutoscaler>('HorizontalPodAutoscaler').map(hpaView);
    const services = this.store
      .list<Service>('Service')
      .filter((s) => !HIDDEN_SERVICE_NAMESPACES.has(s.metadata.namespace ?? ''))
      .map((s) => this.serviceView(s));
    const nodes = this.store.list<Node>('Node').map((n) => nodeView(n, this.podsOn(n.metadata.name), this.gpus(n.metadata.name), this.gpuStatus(n.metadata.name)));
    const pods = this.store.list<Pod>('Pod').map(podView);
    const events = this.store.list<Event>('Event').slice(-maxEvents).map(eventView);
    return { full: true, seq: ++this.seq, timeMs, nodes, pods, services, autoscalers, removed: [], events };
  }

  private serviceView(svc: Stored<Service>): ServiceView {
    const ns = svc.metadata.namespace ?? 'default';
    // Through the label index, as the EndpointSlice controller finds a Service's slices.
    return serviceView(svc, this.store.select<EndpointSlice>('EndpointSlice', ns, { matchLabels: { [SERVICE_NAME_LABEL]: svc.metadata.name } }));
  }

  private *podsOn(node: string): Iterable<Stored<Pod>> {
    for (const ref of this.nodePods.get(node)?.values() ?? []) {
      const p = this.store.get<Pod>('Pod', ref.name, ref.namespace);
      if (p) yield p;
    }
  }
}
