import type { Node, Pod } from 'kubernetes-types/core/v1';
import { amountOf, podRequests, type ResourceAmounts } from '../../api/pod-resources';
import { formatQuantity, parseQuantity } from '../../api/quantity';
import type { Stored } from '../../api/types';
import { nodeRoles } from '../../format/pod-status';
import type { ObjectStore } from '../../store/object-store';
import { age } from '../printers/kinds/table-printer';
import { canonical } from './containers';
import { eventsFor, writeEvents } from './events';
import { DescribeWriter, rfc1123z, writeAnnotations, writeLabels } from './writer';

/** `kubectl describe node` (describe.go describeNode and describeNodeResource). */
export function describeNode(store: ObjectStore, node: Stored<Node>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  const name = node.metadata.name;
  w.line(0, `Name:\t${name}`);
  w.line(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, node.metadata.annotations);
  w.line(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}`);
  const taints = node.spec?.taints ?? [];
  w.write(0, 'Taints:\t');
  if (taints.length === 0) w.write(0, '<none>\n');
  taints.forEach((t, i) => w.write(0, `${i > 0 ? '\t' : ''}${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`));
  w.line(0, `Unschedulable:\t${node.spec?.unschedulable ?? false}`);
  const lease = store.get<{ spec?: { holderIdentity?: string; acquireTime?: string; renewTime?: string } }>('Lease', name, 'kube-node-lease');
  if (lease) {
    w.line(0, 'Lease:');
    w.line(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}`);
    w.line(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}`);
    w.line(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}`);
  }
  const conditions = node.status?.conditions ?? [];
  if (conditions.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage');
    w.line(1, '----\t------\t-----------------\t------------------\t------\t-------');
    for (const c of conditions) {
      const hb = c.lastHeartbeatTime ? rfc1123z(c.lastHeartbeatTime) : '';
      const tr = c.lastTransitionTime ? rfc1123z(c.lastTransitionTime) : '';
      w.line(1, `${c.type} \t${c.status} \t${hb} \t${tr} \t${c.reason ?? ''} \t${c.message ?? ''}`);
    }
  }
  w.line(0, 'Addresses:');
  for (const a of node.status?.addresses ?? []) w.line(1, `${a.type}:\t${a.address}`);
  for (const [title, list] of [['Capacity', node.status?.capacity], ['Allocatable', node.status?.allocatable]] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.line(0, `${title}:`);
    for (const n of names) w.line(1, `${n}:\t${canonical(list![n]!)}`);
  }
  const info = node.status?.nodeInfo;
  w.line(0, 'System Info:');
  w.line(1, `Machine ID:\t${info?.machineID ?? ''}`);
  w.line(1, `System UUID:\t${info?.systemUUID ?? ''}`);
  w.line(1, `Boot ID:\t${info?.bootID ?? ''}`);
  w.line(1, `Kernel Version:\t${info?.kernelVersion ?? ''}`);
  w.line(1, `OS Image:\t${info?.osImage ?? ''}`);
  w.line(1, `Operating System:\t${info?.operatingSystem ?? ''}`);
  w.line(1, `Architecture:\t${info?.architecture ?? ''}`);
  w.line(1, `Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}`);
  w.line(1, `Kubelet Version:\t${info?.kubeletVersion ?? ''}`);
  if (node.spec?.podCIDR) w.line(0, `PodCIDR:\t${node.spec.podCIDR}`);
  if (node.spec?.podCIDRs?.length) w.line(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}`);
  if (node.spec?.providerID) w.line(0, `ProviderID:\t${node.spec.providerID}`);
  writeNodeResources(w, node, nonTerminatedPods(store, name), nowMs);
  if (showEvents) writeEvents(w, eventsFor(store, 'Node', name, undefined), nowMs);
  return w.toString();
}

function nonTerminatedPods(store: ObjectStore, node: string): Stored<Pod>[] {
  return store
    .list<Pod>('Pod')
    .filter((p) => p.spec?.nodeName === node && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => (a.metadata.namespace! + '/' + a.metadata.name < b.metadata.namespace! + '/' + b.metadata.name ? -1 : 1));
}

/** Limits summed the way PodLimits does: app containers added, init containers by maximum. */
function podLimits(pod: Pod): ResourceAmounts {
  const total: ResourceAmounts = {};
  for (const c of pod.spec?.containers ?? []) {
    for (const [k, q] of Object.entries(c.resources?.limits ?? {})) total[k] = (total[k] ?? 0) + amountOf(k, q as string);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [k, q] of Object.entries(c.resources?.limits ?? {})) {
      const v = amountOf(k, q as string);
      total[k] = c.restartPolicy === 'Always' ? (total[k] ?? 0) + v : Math.max(total[k] ?? 0, v);
    }
  }
  return total;
}

/** A summed amount as Quantity.String() prints it: millicores for cpu, binary units when the inputs were binary. */
function amountText(resource: string, amount: number, binary: boolean): string {
  if (resource === 'cpu') return amount % 1000 === 0 ? String(amount / 1000) : `${amount}m`;
  return formatQuantity(amount, binary ? 'BinarySI' : 'DecimalSI');
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.trunc((part / whole) * 100));

function writeNodeResources(w: DescribeWriter, node: Node, pods: readonly Stored<Pod>[], nowMs: number): void {
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length ? node.status!.allocatable! : (node.status?.capacity ?? {});
  const alloc = (r: string) => amountOf(r, allocatable[r] as string | undefined);
  const binary = (pod: Pod, r: string) =>
    [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].some((c) => {
      const q = c.resources?.requests?.[r] ?? c.resources?.limits?.[r];
      return q !== undefined && parseQuantity(q)?.format === 'BinarySI';
    });
  w.line(0, `Non-terminated Pods:\t(${pods.length} in total)`);
  w.line(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge');
  w.line(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---');
  const reqTotal: ResourceAmounts = {};
  const limTotal: ResourceAmounts = {};
  const binaryUse: Record<string, boolean> = {};
  for (const pod of pods) {
    const req = podRequests(pod);
    const lim = podLimits(pod);
    for (const [k, v] of Object.entries(req)) reqTotal[k] = (reqTotal[k] ?? 0) + v;
    for (const [k, v] of Object.entries(lim)) limTotal[k] = (limTotal[k] ?? 0) + v;
    for (const r of ['memory', 'ephemeral-storage']) binaryUse[r] ||= binary(pod, r);
    const cell = (r: string, v: number) => `${amountText(r, v, binary(pod, r))} (${percent(v, alloc(r))}%)`;
    w.line(1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell('cpu', req.cpu ?? 0)}\t${cell('cpu', lim.cpu ?? 0)}\t${cell('memory', req.memory ?? 0)}\t${cell('memory', lim.memory ?? 0)}\t${age(pod, nowMs)}`);
  }
  w.line(0, 'Allocated resources:');
  w.line(1, '(Total limits may be over 100 percent, i.e., overcommitted.)');
  w.line(1, 'Resource\tRequests\tLimits');
  w.line(1, '--------\t--------\t------');
  const row = (r: string) => {
    const text = (v: number) => `${amountText(r, v, binaryUse[r] ?? false)} (${percent(v, alloc(r))}%)`;
    w.line(1, `${r}\t${text(reqTotal[r] ?? 0)}\t${text(limTotal[r] ?? 0)}`);
  };
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) row(r);
  const names = Object.keys(allocatable);
  for (const r of names.filter((n) => n.startsWith('hugepages-')).sort()) row(r);
  // Extended resources (nvidia.com/gpu, MIG slices) are counted, without percentages.
  const standard = ['cpu', 'memory', 'ephemeral-storage', 'pods', 'storage'];
  for (const r of names.filter((n) => !n.startsWith('hugepages-') && !standard.includes(n)).sort()) {
    w.line(1, `${r}\t${formatQuantity(reqTotal[r] ?? 0)}\t${formatQuantity(limTotal[r] ?? 0)}`);
  }
}
