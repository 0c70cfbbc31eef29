import type { Container, ContainerState, ContainerStatus, Event, Node, Pod } from 'kubernetes-types/core/v1';
import { stringify } from 'yaml';
import type { KubeObject, Stored } from '../api/types';
import type { Machine } from '../cluster/hardware';
import { parseTimestamp } from '../engine/time';
import { humanDuration } from '../format/duration';
import { nodeRoles, nodeStatusText, podStatusText } from '../format/pod-status';
import type { SchedulingExplanation } from '../scheduler/explanation';
import type { ObjectStore } from '../store/object-store';
import { explanationView, type ExplanationView } from './explain';
import { eventView, holdsResources } from './project';
import type { EventView } from './types';

/**
 * The inspector's projection: `kubectl describe`-like details, the live YAML and the events of
 * one object, and for a pod the scheduler's explanation. Field labels are kubectl's own, in
 * English, as kubectl prints them.
 */
export type InspectRef =
  | { readonly kind: 'Gpu'; readonly node: string; readonly index: number }
  | { readonly kind: string; readonly name: string; readonly namespace?: string };

export interface DescribeField {
  readonly label: string;
  /** May hold several lines (labels, tolerations). */
  readonly value: string;
  readonly tone?: 'ok' | 'warning';
}

export interface DescribeSection {
  /** kubectl's heading (`Containers`, `Conditions`); empty for the top block. */
  readonly title: string;
  readonly fields: readonly DescribeField[];
}

export interface Inspection {
  readonly ref: InspectRef;
  /** `pod/web`, `node/worker-1`, `gpu 3 on dgx-1`. */
  readonly title: string;
  readonly found: boolean;
  readonly sections: readonly DescribeSection[];
  /** `kubectl get -o yaml`; absent for things that are not API objects (a GPU). */
  readonly yaml?: string;
  readonly events: readonly EventView[];
  readonly explanation?: ExplanationView;
}

export interface InspectSources {
  readonly store: ObjectStore;
  readonly machines: ReadonlyMap<string, Machine>;
  readonly explanation: (namespace: string, name: string) => SchedulingExplanation | undefined;
  readonly nowMs: number;
}

const NONE = '<none>';

export function inspect(src: InspectSources, ref: InspectRef): Inspection {
  if (ref.kind === 'Gpu' && 'node' in ref) return inspectGpu(src, ref.node, ref.index);
  const { name, namespace } = ref as { name: string; namespace?: string };
  const type = src.store.registry.types.resolve(ref.kind);
  const obj = type ? src.store.get(type.kind, name, type.namespaced ? (namespace ?? 'default') : undefined) : undefined;
  const title = `${(type?.singular ?? ref.kind).toLowerCase()}/${name}`;
  if (!obj) return { ref, title, found: false, sections: [], events: [] };
  const events = eventsOf(src.store, obj);
  const yaml = stringify(obj, { lineWidth: 0 });
  if (obj.kind === 'Pod') {
    const pod = obj as Stored<Pod>;
    const explanation = src.explanation(pod.metadata.namespace ?? 'default', pod.metadata.name);
    const nodes = src.store.list<Node>('Node').map((n) => n.metadata.name);
    return {
      ref,
      title,
      found: true,
      sections: describePod(pod, src.nowMs),
      yaml,
      events,
      ...(explanation ? { explanation: explanationView(explanation, nodes) } : {}),
    };
  }
  if (obj.kind === 'Node') return { ref, title, found: true, sections: describeNode(src, obj as Stored<Node>), yaml, events };
  return { ref, title, found: true, sections: [{ title: '', fields: metadataFields(obj) }], yaml, events };
}

function eventsOf(store: ObjectStore, obj: Stored<KubeObject>): EventView[] {
  const ns = obj.metadata.namespace;
  return store
    .list<Event>('Event', obj.kind === 'Node' ? undefined : ns)
    .filter((e) => e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name && (e.involvedObject.uid === undefined || e.involvedObject.uid === obj.metadata.uid || obj.kind === 'Node'))
    .map(eventView);
}

function lines(record: Readonly<Record<string, string>> | undefined, sep = '='): string {
  const entries = Object.entries(record ?? {});
  return entries.length ? entries.map(([k, v]) => (v === '' && sep === '=' ? k : `${k}${sep}${v}`)).join('\n') : NONE;
}

function metadataFields(obj: Stored<KubeObject>): DescribeField[] {
  return [
    { label: 'Name', value: obj.metadata.name },
    ...(obj.metadata.namespace ? [{ label: 'Namespace', value: obj.metadata.namespace }] : []),
    { label: 'Labels', value: lines(obj.metadata.labels) },
    { label: 'CreationTimestamp', value: obj.metadata.creationTimestamp },
  ];
}

function describePod(pod: Stored<Pod>, nowMs: number): DescribeSection[] {
  const spec = pod.spec ?? { containers: [] };
  const st = pod.status ?? {};
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  const status = podStatusText(pod);
  const deleting = pod.metadata.deletionTimestamp;
  const top: DescribeField[] = [
    { label: 'Name', value: pod.metadata.name },
    { label: 'Namespace', value: pod.metadata.namespace ?? 'default' },
    { label: 'Priority', value: String(spec.priority ?? 0) },
    { label: 'Service Account', value: spec.serviceAccountName ?? 'default' },
    { label: 'Node', value: spec.nodeName ? `${spec.nodeName}${st.hostIP ? `/${st.hostIP}` : ''}` : NONE },
    ...(st.startTime ? [{ label: 'Start Time', value: st.startTime }] : []),
    { label: 'Labels', value: lines(pod.metadata.labels) },
    {
      label: 'Status',
      value: deleting ? `Terminating (lasts ${humanDuration(nowMs - parseTimestamp(deleting))})` : (st.phase ?? 'Pending'),
      tone: status === 'Running' ? 'ok' : /Err|BackOff|Failed|Unknown|OOM/.test(status) ? 'warning' : undefined,
    },
    ...(st.reason ? [{ label: 'Reason', value: st.reason }] : []),
    ...(st.message ? [{ label: 'Message', value: st.message }] : []),
    { label: 'IP', value: st.podIP ?? '' },
    { label: 'Controlled By', value: owner ? `${owner.kind}/${owner.name}` : NONE },
    { label: 'QoS Class', value: st.qosClass ?? 'BestEffort' },
    { label: 'Node-Selectors', value: lines(spec.nodeSelector) },
    {
      label: 'Tolerations',
      value: (spec.tolerations ?? []).map((t) => `${t.key ?? ''}${t.value ? `=${t.value}` : ''}:${t.effect ?? ''} op=${t.operator ?? 'Equal'}${t.tolerationSeconds !== undefined ? ` for ${t.tolerationSeconds}s` : ''}`).join('\n') || NONE,
    },
  ];
  const containers = spec.containers.map((c) => containerSection(c, st.containerStatuses?.find((s) => s.name === c.name)));
  const conditions: DescribeSection = {
    title: 'Conditions',
    fields: (st.conditions ?? []).map((c) => ({ label: c.type, value: c.status, tone: c.status === 'True' ? 'ok' : 'warning' })),
  };
  return [{ title: '', fields: top }, ...containers, ...(conditions.fields.length ? [conditions] : [])];
}

function containerSection(c: Container, s: ContainerStatus | undefined): DescribeSection {
  const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
  const fields: DescribeField[] = [
    { label: 'Image', value: c.image ?? '' },
    ...(ports ? [{ label: 'Port', value: ports }] : []),
    ...(c.command ? [{ label: 'Command', value: c.command.join(' ') }] : []),
    ...(c.args ? [{ label: 'Args', value: c.args.join(' ') }] : []),
    { label: 'State', value: stateText(s?.state) ?? 'Waiting', tone: s?.state?.running ? 'ok' : s?.state?.waiting?.reason && s.state.waiting.reason !== 'ContainerCreating' ? 'warning' : undefined },
    ...(s?.lastState && stateText(s.lastState) ? [{ label: 'Last State', value: stateText(s.lastState)! }] : []),
    { label: 'Ready', value: s?.ready ? 'True' : 'False' },
    { label: 'Restart Count', value: String(s?.restartCount ?? 0) },
    ...(c.resources?.limits ? [{ label: 'Limits', value: lines(c.resources.limits as Record<string, string>, ': ') }] : []),
    ...(c.resources?.requests ? [{ label: 'Requests', value: lines(c.resources.requests as Record<string, string>, ': ') }] : []),
  ];
  return { title: `Container ${c.name}`, fields };
}

function stateText(state: ContainerState | undefined): string | undefined {
  if (state?.running) return `Running\nStarted: ${state.running.startedAt ?? ''}`;
  if (state?.terminated) {
    const t = state.terminated;
    return [`Terminated`, `Reason: ${t.reason ?? ''}`, `Exit Code: ${t.exitCode}`, t.startedAt ? `Started: ${t.startedAt}` : '', t.finishedAt ? `Finished: ${t.finishedAt}` : '']
      .filter(Boolean)
      .join('\n');
  }
  if (state?.waiting) return [`Waiting`, state.waiting.reason ? `Reason: ${state.waiting.reason}` : '', state.waiting.message ?? ''].filter(Boolean).join('\n');
  return undefined;
}

function describeNode(src: InspectSources, node: Stored<Node>): DescribeSection[] {
  const st = node.status ?? {};
  const info = st.nodeInfo;
  const pods = src.store.list<Pod>('Pod').filter((p) => p.spec?.nodeName === node.metadata.name && holdsResources(p));
  const top: DescribeField[] = [
    { label: 'Name', value: node.metadata.name },
    { label: 'Roles', value: nodeRoles(node).join(',') || NONE },
    { label: 'Status', value: nodeStatusText(node), tone: nodeStatusText(node).startsWith('Ready') ? 'ok' : 'warning' },
    { label: 'Labels', value: lines(node.metadata.labels) },
    { label: 'CreationTimestamp', value: node.metadata.creationTimestamp },
    { label: 'Taints', value: (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join('\n') || NONE },
    { label: 'Unschedulable', value: String(node.spec?.unschedulable === true) },
    { label: 'Addresses', value: (st.addresses ?? []).map((a) => `${a.type}: ${a.address}`).join('\n') },
    { label: 'PodCIDR', value: node.spec?.podCIDR ?? '' },
  ];
  const conditions: DescribeSection = {
    title: 'Conditions',
    fields: (st.conditions ?? []).map((c) => ({
      label: c.type,
      value: `${c.status} · ${c.reason ?? ''}\n${c.message ?? ''}`,
      tone: (c.type === 'Ready') === (c.status === 'True') ? 'ok' : 'warning',
    })),
  };
  const resources: DescribeSection = {
    title: 'Capacity / Allocatable',
    fields: Object.keys(st.capacity ?? {}).map((k) => ({ label: k, value: `${st.capacity?.[k] ?? ''} / ${st.allocatable?.[k] ?? '0'}` })),
  };
  const system: DescribeSection = {
    title: 'System Info',
    fields: info
      ? [
          { label: 'Kernel Version', value: info.kernelVersion },
          { label: 'OS Image', value: info.osImage },
          { label: 'Container Runtime Version', value: info.containerRuntimeVersion },
          { label: 'Kubelet Version', value: info.kubeletVersion },
        ]
      : [],
  };
  const podList: DescribeSection = {
    title: `Non-terminated Pods (${pods.length} in total)`,
    fields: pods.map((p) => ({ label: `${p.metadata.namespace}/${p.metadata.name}`, value: podStatusText(p) })),
  };
  return [{ title: '', fields: top }, conditions, resources, system, podList];
}

function inspectGpu(src: InspectSources, nodeName: string, index: number): Inspection {
  const ref = { kind: 'Gpu', node: nodeName, index } as const;
  const title = `gpu ${index} · ${nodeName}`;
  const gpu = src.machines.get(nodeName)?.gpus.find((g) => g.index === index);
  if (!gpu) return { ref, title, found: false, sections: [], events: [] };
  const m = gpu.model;
  const fields: DescribeField[] = [
    { label: 'Node', value: nodeName },
    { label: 'Index', value: String(index) },
    { label: 'Name', value: m.name },
    { label: 'Product', value: m.product },
    { label: 'UUID', value: gpu.uuid },
    { label: 'Bus-Id', value: gpu.busId },
    { label: 'Memory', value: `${m.memoryMiB} MiB` },
    { label: 'Architecture', value: m.family },
    { label: 'Compute Capability', value: m.computeCapability.join('.') },
    { label: 'Multiprocessors', value: String(m.multiprocessors) },
    { label: 'Power Limit', value: `${m.maxPowerW} W` },
    { label: 'MIG Capable', value: m.migCapable ? 'Yes' : 'No' },
  ];
  return { ref, title, found: true, sections: [{ title: '', fields }], events: [] };
}
