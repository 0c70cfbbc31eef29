import type { Fault, NodeView, PodView } from '../../worker/protocol';
import type { MessageKey } from '../i18n/en';
import type { Target } from '../viz/scene';

/**
 * The faults a learner can inject into a node, pod or GPU, as data. Each is a Fault the core's
 * `inject` takes; an entry whose type the running simulation does not support is shown disabled
 * rather than hidden, so learners see what exists.
 */
export interface FaultAction {
  readonly id: string;
  readonly label: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The fault to inject; absent for plain API actions (deleting a pod). */
  readonly fault?: Fault;
  readonly deletePod?: { readonly namespace: string; readonly name: string };
  readonly danger?: boolean;
}

/** GPU Xids worth teaching (reference/gpu.md): critical ones make the GPU unhealthy, 13 does not. */
export const XIDS: readonly { xid: number; label: MessageKey }[] = [
  { xid: 79, label: 'faults.xid79' },
  { xid: 48, label: 'faults.xid48' },
  { xid: 94, label: 'faults.xid94' },
  { xid: 13, label: 'faults.xid13' },
];

export function nodeFaults(node: NodeView): FaultAction[] {
  const down = node.condition !== 'Ready';
  return [
    { id: 'node-down', label: 'faults.nodeDown', fault: { type: 'node-down', node: node.name }, danger: true },
    { id: 'node-partition', label: 'faults.partition', fault: { type: 'network-partition', node: node.name }, danger: true },
    ...(down ? [{ id: 'node-up', label: 'faults.nodeUp' as const, fault: { type: 'node-up', node: node.name } }] : []),
  ];
}

export function podFaults(pod: PodView): FaultAction[] {
  return [
    ...pod.containers.map((c) => ({
      id: `crash-${c.name}`,
      label: 'faults.crash' as const,
      params: { container: c.name },
      fault: { type: 'container-crash', pod: pod.name, namespace: pod.namespace, container: c.name },
      danger: true,
    })),
    { id: 'delete-pod', label: 'faults.deletePod', deletePod: { namespace: pod.namespace, name: pod.name }, danger: true },
  ];
}

export function gpuFaults(node: string, gpu: number): FaultAction[] {
  return XIDS.map((x) => ({ id: `xid-${x.xid}`, label: x.label, fault: { type: 'gpu-xid', node, gpu, xid: x.xid }, danger: x.xid !== 13 }));
}

export function faultsFor(target: Target, nodes: ReadonlyMap<string, NodeView>, pods: ReadonlyMap<string, PodView>): FaultAction[] {
  if (target.kind === 'Gpu') return gpuFaults(target.node, target.index);
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
