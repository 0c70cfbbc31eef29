import type { ContainerStatus, Event, Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { amountOf, podRequests } from '../api/pod-resources';
import { isExtendedResourceName } from '../api/schema/extended-resources';
import type { Stored } from '../api/types';
import { POOL_LABEL } from '../cluster/cluster-spec';
import { fragmentation } from '../gpu/mig-geometry';
import { migGeometry } from '../gpu/mig-profiles';
import { nodeMigDevices, type NodeGpu } from '../gpu/node-gpu';
import type { GpuStatus, NodeGpuStatus } from '../gpu/runtime/gpu-status';
import { parseTimestamp } from '../engine/time';
import { parseGoDuration } from '../format/duration';
import { nodeRoles, nodeStatusText, podReadyText, podRestarts, podStatusText } from '../format/pod-status';
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { ContainerView, EndpointView, GpuView, HpaMetricView, HpaView, EventView, ExtendedResourceView, NodeView, PodView, PodVisualState, ServiceView } from './types';

/** Labels shown on node cards, in this order, when present. */
const KEY_LABELS = [
  'nvidia.com/gpu.product',
  'nvidia.com/mig.strategy',
  'nvidia.com/mig.config',
  'nvidia.com/mig.config.state',
  'nvidia.com/gpu.replicas',
  'topology.kubernetes.io/zone',
];

/** Waiting reasons that mean the pod is on its way up rather than stuck. */
const STARTING_REASONS = new Set(['ContainerCreating', 'PodInitializing', 'Pulling']);

/** Sort a STATUS text into a visual family. */
export function visualState(pod: Stored<Pod>, status: string): PodVisualState {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Unknown') return 'unknown';
  if (status === 'Completed' || pod.status?.phase === 'Succeeded') return 'succeeded';
  if (STARTING_REASONS.has(status) || /^Init:\d+\/\d+$/.test(status)) return 'creating';
  if (status === 'Running') {
    if (pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) return 'running';
    const started = pod.status?.containerStatuses ?? [];
    return started.length > 0 && started.every((c) => c.state?.running && c.started !== false) ? 'notready' : 'creating';
  }
  if (status === 'Pending') return pod.spec?.nodeName ? 'creating' : 'pending';
  if (status === 'SchedulingGated') return 'pending';
  return 'failed';
}

export function podView(pod: Stored<Pod>): PodView {
  const req = podRequests(pod);
  let gpus = 0;
  for (const [k, v] of Object.entries(req)) if (k.startsWith('nvidia.com/')) gpus += v;
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  const containers = (pod.spec?.containers ?? []).map((c) =>
    containerView(c.name, c.image ?? '', pod.status?.containerStatuses?.find((x) => x.name === c.name)),
  );
  const status = podStatusText(pod);
  return {
    kind: 'Pod',
    id: pod.metadata.uid,
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? 'default',
    ...(pod.spec?.nodeName ? { node: pod.spec.nodeName } : {}),
    phase: pod.status?.phase ?? 'Pending',
    status,
    ready: podReadyText(pod),
    visual: visualState(pod, status),
    restarts: podRestarts(pod).count,
    containers,
    createdMs: parseTimestamp(pod.metadata.creationTimestamp),
    deleting: pod.metadata.deletionTimestamp !== undefined,
    ...(owner ? { owner: { kind: owner.kind, name: owner.name } } : {}),
    requests: { cpuMillis: req.cpu ?? 0, memoryBytes: req.memory ?? 0, gpus },
    ...(scheduled?.status === 'False' && scheduled.message ? { schedulingMessage: scheduled.message } : {}),
    ...(pod.status?.nominatedNodeName ? { nominatedNode: pod.status.nominatedNodeName } : {}),
    ...(pod.status?.podIP ? { podIP: pod.status.podIP } : {}),
  };
}

function containerView(name: string, image: string, s: ContainerStatus | undefined): ContainerView {
  const state = s?.state?.running ? 'running' : s?.state?.terminated ? 'terminated' : 'waiting';
  const reason = s?.state?.waiting?.reason ?? s?.state?.terminated?.reason;
  const last = s?.lastState?.terminated;
  const lastTermination = last?.finishedAt
    ? { reason: last.reason ?? `ExitCode:${last.exitCode}`, exitCode: last.exitCode, finishedMs: parseTimestamp(last.finishedAt) }
    : undefined;
  const backOff = backOffMs(s?.state?.waiting?.message);
  return {
    name,
    image,
    state,
    ...(reason ? { reason } : {}),
    ready: s?.ready ?? false,
    restarts: s?.restartCount ?? 0,
    ...(lastTermination ? { lastTermination } : {}),
    ...(backOff !== undefined && lastTermination ? { backOffUntilMs: lastTermination.finishedMs + backOff } : {}),
  };
}

/**
 * The delay in the kubelet's back-off message, `back-off 40s restarting failed container=…`
 * (kuberuntime's CrashLoopBackOff message); the wait starts when the container last finished.
 */
export function backOffMs(message: string | undefined): number | undefined {
  const m = message && /^back-off (\S+) restarting/.exec(message);
  return m ? parseGoDuration(m[1]!) : undefined;
}

/** Pods that hold node resources: bound and not finished. */
export function holdsResources(pod: Stored<Pod>): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/** `namespace/name` of each pod holding a device, once (a pod's containers may share one). */
function podsOf(users: readonly { namespace: string; pod: string }[] = []): string[] {
  return [...new Set(users.map((u) => `${u.namespace}/${u.pod}`))];
}

/**
 * A GPU with its MIG geometry and, in MIG mode, its instances at their real placements, with the
 * device plugin's health and the pods the kubelet's device manager gave each device (`live`, from
 * the GPU stack; absent where no NVIDIA software runs).
 */
export function gpuView(gpu: NodeGpu, live?: GpuStatus, replicas = 1): GpuView {
  const geometry = migGeometry(gpu.model.id);
  const base: GpuView = {
    index: gpu.index,
    name: gpu.model.name,
    product: gpu.model.product,
    memoryMiB: gpu.model.memoryMiB,
    uuid: gpu.uuid,
    health: live?.health ?? 'unadvertised',
    lastXid: live?.lastXid ?? 0,
    ...(live?.recovery ? { recovery: live.recovery } : {}),
    pods: podsOf(live?.users),
    ...(replicas > 1 && !gpu.mig.enabled ? { replicas } : {}),
  };
  if (!geometry) return base;
  const slices = { memory: geometry.memorySlices, compute: geometry.computeSlices };
  if (!gpu.mig.enabled) return { ...base, slices };
  const instances = nodeMigDevices(gpu).map((d) => {
    const device = live?.migDevices.find((x) => x.uuid === d.computeInstance.uuid);
    return {
      id: d.gpuInstance.id,
      profile: d.name,
      start: d.gpuInstance.start,
      size: d.gpuInstanceProfile.memorySlices,
      computeSlices: d.computeInstance.computeSlices,
      uuid: d.computeInstance.uuid,
      health: device?.health ?? base.health,
      pods: podsOf(device?.users),
    };
  });
  return { ...base, slices, mig: { instances, unusable: [...fragmentation(geometry, gpu.mig).unusableSlices] } };
}

/** The replicas a whole GPU is shared as (time-slicing or MPS on `nvidia.com/gpu`), 1 when not shared. */
function sharedReplicas(status: NodeGpuStatus | undefined): number {
  return status?.resources.find((r) => r.name === 'nvidia.com/gpu')?.replicas ?? 1;
}

export function nodeView(node: Stored<Node>, podsOnNode: Iterable<Stored<Pod>>, gpus: readonly NodeGpu[], gpuStatus?: NodeGpuStatus): NodeView {
  const alloc = node.status?.allocatable ?? {};
  let pods = 0;
  const requested: Record<string, number> = {};
  for (const p of podsOnNode) {
    if (!holdsResources(p)) continue;
    for (const [k, v] of Object.entries(podRequests(p))) requested[k] = (requested[k] ?? 0) + v;
    pods++;
  }
  const labels = node.metadata.labels ?? {};
  const keyLabels: Record<string, string> = {};
  for (const k of KEY_LABELS) if (labels[k] !== undefined) keyLabels[k] = labels[k]!;
  const status = nodeStatusText(node);
  const condition = status.startsWith('Ready') ? 'Ready' : status.startsWith('Unknown') ? 'Unknown' : 'NotReady';
  return {
    kind: 'Node',
    id: node.metadata.name,
    name: node.metadata.name,
    pool: labels[POOL_LABEL] ?? 'default',
    condition,
    status,
    unschedulable: node.spec?.unschedulable === true,
    roles: nodeRoles(node),
    taints: (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    keyLabels,
    allocatable: {
      cpuMillis: amountOf('cpu', alloc.cpu),
      memoryBytes: amountOf('memory', alloc.memory),
      pods: amountOf('pods', alloc.pods),
    },
    requested: { cpuMillis: requested.cpu ?? 0, memoryBytes: requested.memory ?? 0, pods },
    extendedResources: extendedResources(node, requested),
    problems: (node.status?.conditions ?? []).filter((c) => c.type !== 'Ready' && c.status === 'True').map((c) => c.type),
    gpus: gpus.map((g) => gpuView(g, gpuStatus?.gpus.find((x) => x.index === g.index), sharedReplicas(gpuStatus))),
    runtime: node.status?.nodeInfo?.containerRuntimeVersion ?? '',
    internalIP: node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
  };
}

function extendedResources(node: Stored<Node>, requested: Readonly<Record<string, number>>): ExtendedResourceView[] {
  const capacity = node.status?.capacity ?? {};
  const allocatable = node.status?.allocatable ?? {};
  const names = new Set([...Object.keys(capacity), ...Object.keys(allocatable)].filter(isExtendedResourceName));
  return [...names].sort().map((name) => ({
    name,
    capacity: amountOf(name, capacity[name]),
    allocatable: amountOf(name, allocatable[name]),
    requested: requested[name] ?? 0,
  }));
}

export function eventView(ev: Stored<Event>): EventView {
  const first = ev.firstTimestamp ?? ev.metadata.creationTimestamp;
  const last = ev.lastTimestamp ?? first;
  return {
    id: ev.metadata.uid,
    type: ev.type === 'Warning' ? 'Warning' : 'Normal',
    reason: ev.reason ?? '',
    message: ev.message ?? '',
    objectKind: ev.involvedObject.kind ?? '',
    objectName: ev.involvedObject.name ?? '',
    namespace: ev.involvedObject.namespace ?? '',
    count: ev.count ?? 1,
    firstMs: parseTimestamp(first),
    lastMs: parseTimestamp(last),
    source: ev.source?.component ?? '',
  };
}

export const serviceViewId = (namespace: string, name: string) => `svc/${namespace}/${name}`;

export function serviceView(svc: Stored<Service>, slices: Iterable<EndpointSlice>): ServiceView {
  const endpoints: EndpointView[] = [];
  for (const slice of slices) {
    for (const e of slice.endpoints ?? []) {
      const uid = e.targetRef?.kind === 'Pod' ? e.targetRef.uid : undefined;
      endpoints.push({ ...(uid ? { podId: uid } : {}), ip: e.addresses[0] ?? '', ready: e.conditions?.ready ?? false, terminating: e.conditions?.terminating ?? false });
    }
  }
  const namespace = svc.metadata.namespace ?? 'default';
  return {
    kind: 'Service',
    id: serviceViewId(namespace, svc.metadata.name),
    name: svc.metadata.name,
    namespace,
    type: svc.spec?.type ?? 'ClusterIP',
    clusterIP: svc.spec?.clusterIP ?? '',
    ports: (svc.spec?.ports ?? []).map((p) => `${p.port}${p.targetPort !== undefined && p.targetPort !== p.port ? `→${p.targetPort}` : ''}/${p.protocol ?? 'TCP'}`),
    endpoints,
  };
}

export const hpaViewId = (namespace: string, name: string) => `hpa/${namespace}/${name}`;

function metricName(m: MetricSpec | MetricStatus): string {
  return m.resource?.name ?? m.pods?.metric.name ?? m.object?.metric.name ?? m.external?.metric.name ?? m.containerResource?.name ?? m.type;
}

/** The HPA's targets, each with the value the controller last read for it. */
function hpaMetrics(hpa: Stored<HorizontalPodAutoscaler>): HpaMetricView[] {
  const statuses = hpa.status?.currentMetrics ?? [];
  return (hpa.spec?.metrics ?? []).map((m) => {
    const name = metricName(m);
    const target = m.resource?.target ?? m.pods?.target ?? m.object?.target ?? m.external?.target ?? m.containerResource?.target;
    const type = (target?.type ?? 'Utilization') as HpaMetricView['targetType'];
    const status = statuses.find((st) => st.type === m.type && metricName(st) === name);
    const cur = status?.resource?.current ?? status?.pods?.current ?? status?.object?.current ?? status?.external?.current ?? status?.containerResource?.current;
    const value = (q: string | number | undefined) => (q === undefined ? undefined : amountOf(name, q));
    const current = type === 'Utilization' ? cur?.averageUtilization : value(type === 'AverageValue' ? cur?.averageValue : cur?.value);
    const goal = type === 'Utilization' ? target?.averageUtilization : value(type === 'AverageValue' ? target?.averageValue : target?.value);
    return { name, ...(current !== undefined ? { current } : {}), target: goal ?? 0, targetType: type };
  });
}

export function hpaView(hpa: Stored<HorizontalPodAutoscaler>): HpaView {
  const namespace = hpa.metadata.namespace ?? 'default';
  const ref = hpa.spec?.scaleTargetRef;
  return {
    kind: 'HorizontalPodAutoscaler',
    id: hpaViewId(namespace, hpa.metadata.name),
    name: hpa.metadata.name,
    namespace,
    target: ref ? `${ref.kind}/${ref.name}` : '',
    minReplicas: hpa.spec?.minReplicas ?? 1,
    maxReplicas: hpa.spec?.maxReplicas ?? 1,
    currentReplicas: hpa.status?.currentReplicas ?? 0,
    desiredReplicas: hpa.status?.desiredReplicas ?? 0,
    metrics: hpaMetrics(hpa),
  };
}
