import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import { deepEqual } from '../api/clone';
import { matchesAll, matchLabelsRequirements } from '../api/labels';
import type { Stored } from '../api/types';
import { Controller } from '../controllers/controller';
import { keyOf, splitKey } from '../controllers/keys';
import { podChangeMatters } from '../controllers/pod-changes';
import { controllerRefTo, isPodReady } from '../controllers/pods';
import type { SimContext } from '../sim-context';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
/** maxEndpointsPerSlice, the controller's default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/**
 * The EndpointSlice controller (pkg/controller/endpointslice): for each Service with a selector,
 * slices listing the selected pods that have an IP, with their conditions. `ready` is what
 * kube-proxy routes to: a Ready pod that is not terminating (or any, with
 * publishNotReadyAddresses); `serving` ignores termination; `terminating` marks pods being
 * deleted. So endpoints follow readiness.
 */
export class EndpointSliceController extends Controller {
  /**
   * The endpoint built for each pod version (pods are immutable; a new version is a new object),
   * so a sync only builds endpoints for pods that changed — as upstream's endpointSliceTracker
   * and endpoint cache avoid recomputing unchanged slices.
   */
  private readonly endpointCache = new WeakMap<object, { svc: object; endpoint: Endpoint; ports: EndpointPort[]; portsKey: string }>();
  /** What this controller last wrote to each slice (by uid), with the resourceVersion it got. */
  private readonly written = new Map<string, { resourceVersion: string; endpoints: readonly Endpoint[]; ports: string; labels: string }>();

  constructor(ctx: SimContext) {
    super(ctx, 'endpointslice-controller');
    this.watchOwn('Service');
    this.watchRelated<Pod>('Pod', (e) => (podChangeMatters(e) ? this.servicesFor(e.object, e.old) : []));
    this.watchRelated<EndpointSlice>('EndpointSlice', (e) => {
      const svc = e.object.metadata.labels?.[SERVICE_NAME_LABEL];
      return svc && e.object.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY ? [`${e.object.metadata.namespace}/${svc}`] : [];
    });
  }

  private servicesFor(pod: Stored<Pod>, old: Stored<Pod> | undefined): string[] {
    const out: string[] = [];
    for (const svc of this.ctx.store.list<Service>('Service', pod.metadata.namespace)) {
      const sel = svc.spec?.selector;
      if (!sel) continue;
      const requirements = matchLabelsRequirements(sel);
      if (matchesAll(requirements, pod.metadata.labels) || (old && matchesAll(requirements, old.metadata.labels))) out.push(keyOf(svc));
    }
    return out;
  }

  reconcile(key: string): void {
    const { namespace, name } = splitKey(key);
    const { store } = this.ctx;
    const svc = store.get<Service>('Service', name, namespace);
    // Slices of a deleted Service go with it through the garbage collector (they are owned by it).
    if (!svc || svc.metadata.deletionTimestamp || !svc.spec?.selector || svc.spec.type === 'ExternalName') return;
    const existing = store
      .select<EndpointSlice>('EndpointSlice', namespace, { matchLabels: { [SERVICE_NAME_LABEL]: name } })
      .filter((s) => s.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY);
    const desired = this.desiredSlices(svc);
    desired.forEach((slice, i) => {
      const current = existing[i];
      if (!current) {
        const created = store.create<EndpointSlice>({ ...slice, metadata: { ...slice.metadata, generateName: `${name}-` } });
        this.remember(created, slice);
        return;
      }
      if (this.unchanged(current, slice)) return;
      const updated = store.rebuild<EndpointSlice>('EndpointSlice', current.metadata.name, namespace, (cur) => ({
        ...cur,
        metadata: { ...cur.metadata, labels: slice.metadata!.labels },
        endpoints: slice.endpoints!,
        ports: slice.ports!,
      }));
      this.remember(updated, slice);
    });
    for (const extra of existing.slice(desired.length)) store.delete('EndpointSlice', extra.metadata.name, namespace);
  }

  /** Whether a slice already holds what we would write (known from our last write, or compared in full). */
  private unchanged(current: Stored<EndpointSlice>, slice: EndpointSlice): boolean {
    const last = this.written.get(current.metadata.uid);
    const ports = JSON.stringify(slice.ports ?? []);
    const labels = JSON.stringify(slice.metadata!.labels);
    if (last && last.resourceVersion === current.metadata.resourceVersion) {
      const eps = slice.endpoints ?? [];
      return last.ports === ports && last.labels === labels && last.endpoints.length === eps.length && eps.every((e, i) => e === last.endpoints[i]);
    }
    return deepEqual(current.endpoints ?? [], slice.endpoints ?? []) && deepEqual(current.ports ?? [], slice.ports ?? []) && deepEqual(current.metadata.labels, slice.metadata!.labels);
  }

  private remember(stored: Stored<EndpointSlice>, slice: EndpointSlice): void {
    this.written.set(stored.metadata.uid, { resourceVersion: stored.metadata.resourceVersion, endpoints: slice.endpoints ?? [], ports: JSON.stringify(slice.ports ?? []), labels: JSON.stringify(slice.metadata!.labels) });
  }

  private desiredSlices(svc: Stored<Service>): EndpointSlice[] {
    const pods = this.ctx.store.selectRequirements<Pod>('Pod', svc.metadata.namespace, matchLabelsRequirements(svc.spec!.selector!));
    const endpoints: { endpoint: Endpoint; ports: EndpointPort[]; portsKey: string }[] = [];
    for (const pod of pods) {
      const ip = pod.status?.podIP;
      const phase = pod.status?.phase;
      if (!ip || phase === 'Succeeded' || phase === 'Failed') continue;
      let cached = this.endpointCache.get(pod);
      if (cached?.svc !== svc) {
        const ports = portsFor(svc, pod);
        cached = { svc, endpoint: this.endpointFor(svc, pod, ip), ports, portsKey: JSON.stringify(ports) };
        this.endpointCache.set(pod, cached);
      }
      endpoints.push(cached);
    }
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: svc.metadata.name, [MANAGED_BY_LABEL]: MANAGED_BY };
    if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
    const slice = (eps: typeof endpoints, ports: EndpointPort[]): EndpointSlice => {
      const out: EndpointSlice = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { namespace: svc.metadata.namespace, labels, ownerReferences: [controllerRefTo(svc)] },
        addressType: 'IPv4',
        endpoints: eps.map((e) => e.endpoint),
        ports,
      };
      return out;
    };
    // Endpoints are grouped by their resolved ports (a named targetPort may differ per pod), then chunked.
    const groups = new Map<string, typeof endpoints>();
    for (const e of endpoints) {
      const group = groups.get(e.portsKey);
      if (group) group.push(e);
      else groups.set(e.portsKey, [e]);
    }
    const out: EndpointSlice[] = [];
    for (const [k, group] of groups) {
      for (let i = 0; i < group.length; i += MAX_ENDPOINTS_PER_SLICE) out.push(slice(group.slice(i, i + MAX_ENDPOINTS_PER_SLICE), JSON.parse(k) as EndpointPort[]));
    }
    // A Service with no endpoints still has one (empty) slice, so clients can tell "none" from "not yet".
    if (out.length === 0) out.push(slice([], (svc.spec?.ports ?? []).map((p) => endpointPort(p, typeof p.targetPort === 'number' ? p.targetPort : undefined))));
    return out;
  }

  private endpointFor(svc: Stored<Service>, pod: Stored<Pod>, ip: string): Endpoint {
    const terminating = !!pod.metadata.deletionTimestamp;
    const ready = isPodReady(pod);
    const e: Endpoint = {
      addresses: [ip],
      conditions: { ready: svc.spec?.publishNotReadyAddresses ? true : ready && !terminating, serving: ready, terminating },
      targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    };
    if (pod.spec?.nodeName) e.nodeName = pod.spec.nodeName;
    const zone = pod.spec?.nodeName ? this.ctx.store.get('Node', pod.spec.nodeName)?.metadata.labels?.['topology.kubernetes.io/zone'] : undefined;
    if (zone) e.zone = zone;
    if (pod.spec?.hostname && pod.spec.subdomain === svc.metadata.name) e.hostname = pod.spec.hostname;
    return e;
  }
}

function endpointPort(p: ServicePort, port: number | undefined): EndpointPort {
  const out: EndpointPort = { name: p.name ?? '', protocol: p.protocol ?? 'TCP' };
  if (port !== undefined) out.port = port;
  if (p.appProtocol) out.appProtocol = p.appProtocol;
  return out;
}

/** A Service port's target on one pod: a number, or a named container port looked up in the pod. */
function portsFor(svc: Stored<Service>, pod: Stored<Pod>): EndpointPort[] {
  return (svc.spec?.ports ?? []).map((p) => {
    const target = p.targetPort ?? p.port;
    if (typeof target === 'number') return endpointPort(p, target);
    const named = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []).find((cp) => cp.name === target && (cp.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
    return endpointPort(p, named?.containerPort);
  });
}
