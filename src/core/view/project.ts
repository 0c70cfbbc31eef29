import type { Event, Node, Pod } from 'kubernetes-types/core/v1';
import { amountOf, podRequests } from '../api/pod-resources';
import type { Stored } from '../api/types';
import { POOL_LABEL } from '../cluster/cluster-spec';
import type { Machine } from '../cluster/hardware';
import { parseTimestamp } from '../engine/time';
import { nodeRoles, nodeStatusText, podReadyText, podRestarts, podStatusText } from '../format/pod-status';
import type { GpuDeviceUser, NodeGpuStatus } from '../gpu/runtime/gpu-status';
import type { ContainerView, EventView, GpuView, NodeView, PodView, PodVisualState } from './types';

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
  if (status === 'Running') return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'running' : 'creating';
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
  const containers: ContainerView[] = (pod.spec?.containers ?? []).map((c) => {
    const s = pod.status?.containerStatuses?.find((x) => x.name === c.name);
    const state = s?.state?.running ? 'running' : s?.state?.terminated ? 'terminated' : 'waiting';
    const reason = s?.state?.waiting?.reason ?? s?.state?.terminated?.reason;
    return { name: c.name, image: c.image ?? '', state, ...(reason ? { reason } : {}), ready: s?.ready ?? false, restarts: s?.restartCount ?? 0 };
  });
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
    ...(pod.status?.podIP ? { podIP: pod.status.podIP } : {}),
  };
}

/** Pods that hold node resources: bound and not finished. */
export function holdsResources(pod: Stored<Pod>): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

/** A node's GPUs from the GPU stack's live status, or as idle hardware where there is none. */
function gpuViews(machine: Machine | undefined, status: NodeGpuStatus | undefined): GpuView[] {
  const podsOf = (users: readonly GpuDeviceUser[]) => [...new Set(users.map((u) => `${u.namespace}/${u.pod}`))];
  return (machine?.gpus ?? []).map((g) => {
    const live = status?.gpus.find((x) => x.index === g.index);
    return {
      index: g.index,
      name: g.model.name,
      product: g.model.product,
      memoryMiB: g.model.memoryMiB,
      uuid: g.uuid,
      health: live?.health ?? 'unadvertised',
      lastXid: live?.lastXid ?? 0,
      pods: podsOf(live?.users ?? []),
      migDevices: (live?.migDevices ?? []).map((d) => ({ uuid: d.uuid, profile: d.profile, gpuInstanceId: d.gpuInstanceId, placement: d.placement, health: d.health, pods: podsOf(d.users) })),
    };
  });
}

export function nodeView(node: Stored<Node>, podsOnNode: Iterable<Stored<Pod>>, machine: Machine | undefined, gpus?: NodeGpuStatus): NodeView {
  const alloc = node.status?.allocatable ?? {};
  let cpu = 0;
  let memory = 0;
  let pods = 0;
  for (const p of podsOnNode) {
    if (!holdsResources(p)) continue;
    const r = podRequests(p);
    cpu += r.cpu ?? 0;
    memory += r.memory ?? 0;
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
    requested: { cpuMillis: cpu, memoryBytes: memory, pods },
    gpus: gpuViews(machine, gpus),
    runtime: node.status?.nodeInfo?.containerRuntimeVersion ?? '',
    internalIP: node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '',
  };
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
