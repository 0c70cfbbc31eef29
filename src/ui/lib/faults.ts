import type { Fault, GpuView, NodeView, PodView } from '../../worker/protocol';
import type { MessageKey } from '../i18n/en';
import type { Target } from '../viz/scene';

/**
 * The faults a learner can inject, as data: each kind names the Fault type the core's `inject`
 * takes, what it targets, and its words. A kind the running simulation does not support is
 * shown disabled rather than hidden, so learners see what exists.
 */
export type FaultTargetKind = 'node' | 'pod' | 'container' | 'gpu' | 'cluster';

export interface FaultKind {
  readonly type: string;
  readonly target: FaultTargetKind;
  readonly label: MessageKey;
  readonly explain: MessageKey;
  readonly danger: boolean;
}

export const FAULT_KINDS: readonly FaultKind[] = [
  { type: 'node-down', target: 'node', label: 'faults.nodeDown', explain: 'faults.explain.nodeDown', danger: true },
  { type: 'node-up', target: 'node', label: 'faults.nodeUp', explain: 'faults.explain.nodeUp', danger: false },
  { type: 'network-partition', target: 'node', label: 'faults.partition', explain: 'faults.explain.partition', danger: true },
  { type: 'network-heal', target: 'node', label: 'faults.heal', explain: 'faults.explain.heal', danger: false },
  { type: 'memory-pressure', target: 'node', label: 'faults.memoryPressure', explain: 'faults.explain.memoryPressure', danger: true },
  { type: 'disk-pressure', target: 'node', label: 'faults.diskPressure', explain: 'faults.explain.diskPressure', danger: true },
  { type: 'pressure-relieved', target: 'node', label: 'faults.pressureRelieved', explain: 'faults.explain.pressureRelieved', danger: false },
  { type: 'container-crash', target: 'container', label: 'faults.crashAny', explain: 'faults.explain.crash', danger: true },
  { type: 'oom', target: 'container', label: 'faults.oomAny', explain: 'faults.explain.oom', danger: true },
  { type: 'pod-kill', target: 'pod', label: 'faults.podKill', explain: 'faults.explain.podKill', danger: true },
  { type: 'gpu-xid', target: 'gpu', label: 'faults.xidAny', explain: 'faults.explain.xid', danger: true },
  { type: 'registry-outage', target: 'cluster', label: 'faults.registryOutage', explain: 'faults.explain.registryOutage', danger: true },
  { type: 'registry-restore', target: 'cluster', label: 'faults.registryRestore', explain: 'faults.explain.registryRestore', danger: false },
];

export interface FaultAction {
  readonly id: string;
  readonly label: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The fault to inject; absent for plain API actions (deleting a pod). */
  readonly fault?: Fault;
  readonly deletePod?: { readonly namespace: string; readonly name: string };
  readonly danger?: boolean;
}

/**
 * GPU Xids worth teaching (reference/gpu.md): critical ones make the GPU unhealthy, 13 does not
 * (NVIDIA k8s-device-plugin internal/rm/health.go: application Xids such as 13 are skipped).
 */
export const XIDS: readonly { xid: number; label: MessageKey }[] = [
  { xid: 79, label: 'faults.xid79' },
  { xid: 48, label: 'faults.xid48' },
  { xid: 94, label: 'faults.xid94' },
  { xid: 13, label: 'faults.xid13' },
];

/** The fault of a kind against a chosen target. */
export function faultOf(kind: FaultKind, target: { node?: string; gpu?: number; xid?: number; pod?: PodView; container?: string }): Fault | undefined {
  switch (kind.target) {
    case 'node':
      return target.node ? { type: kind.type, node: target.node } : undefined;
    case 'gpu':
      return target.node && target.gpu !== undefined ? { type: kind.type, node: target.node, gpu: target.gpu, xid: target.xid ?? 79 } : undefined;
    case 'pod':
      return target.pod ? { type: kind.type, pod: target.pod.name, namespace: target.pod.namespace } : undefined;
    case 'container':
      return target.pod ? { type: kind.type, pod: target.pod.name, namespace: target.pod.namespace, container: target.container ?? target.pod.containers[0]?.name } : undefined;
    case 'cluster':
      return { type: kind.type };
  }
}

const kindsFor = (target: FaultTargetKind) => FAULT_KINDS.filter((k) => k.target === target);

export function nodeFaults(node: NodeView): FaultAction[] {
  return kindsFor('node').map((k) => ({ id: k.type, label: k.label, fault: faultOf(k, { node: node.name }), danger: k.danger }));
}

const kindOf = (type: string) => FAULT_KINDS.find((k) => k.type === type)!;

/** The container faults a pod's menu offers once per container, with the words that name it. */
const PER_CONTAINER: readonly { kind: FaultKind; id: string; label: MessageKey }[] = [
  { kind: kindOf('container-crash'), id: 'crash', label: 'faults.crash' },
  { kind: kindOf('oom'), id: 'oom', label: 'faults.oom' },
];

export function podFaults(pod: PodView): FaultAction[] {
  const perContainer = pod.containers.flatMap((c) =>
    PER_CONTAINER.map(({ kind, id, label }) => ({ id: `${id}-${c.name}`, label, params: { container: c.name }, fault: faultOf(kind, { pod, container: c.name }), danger: kind.danger })),
  );
  return [
    ...perContainer,
    ...kindsFor('pod').map((k) => ({ id: k.type, label: k.label, fault: faultOf(k, { pod }), danger: k.danger })),
    { id: 'delete-pod', label: 'faults.deletePod', deletePod: { namespace: pod.namespace, name: pod.name }, danger: true },
  ];
}

/** Raise an Xid on a GPU; and, when its last Xid needs one (48, 94, …), the `nvidia-smi -r` reset that clears it. */
export function gpuFaults(node: string, gpu: GpuView | undefined, index: number): FaultAction[] {
  const xids: FaultAction[] = XIDS.map((x) => ({ id: `xid-${x.xid}`, label: x.label, fault: { type: 'gpu-xid', node, gpu: index, xid: x.xid }, danger: x.xid !== 13 }));
  if (gpu?.recovery !== 'gpu-reset') return xids;
  return [...xids, { id: 'gpu-reset', label: 'faults.gpuReset', fault: { type: 'gpu-reset', node, gpu: index }, danger: false }];
}

export function faultsFor(target: Target, nodes: ReadonlyMap<string, NodeView>, pods: ReadonlyMap<string, PodView>): FaultAction[] {
  if (target.kind === 'Gpu') return gpuFaults(target.node, nodes.get(target.node)?.gpus.find((g) => g.index === target.index), target.index);
  if (target.kind === 'Service') return [];
  if (target.kind === 'Node') {
    const node = nodes.get(target.id);
    return node ? nodeFaults(node) : [];
  }
  const pod = pods.get(target.id);
  return pod ? podFaults(pod) : [];
}

export function supported(action: FaultAction, types: readonly string[]): boolean {
  return !action.fault || types.includes(action.fault.type);
}
