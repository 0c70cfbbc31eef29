import type { Event, Node } from 'kubernetes-types/core/v1';
import { yamlLibrary } from '../deferred/registry';
import type { KubeObject, Stored } from '../api/types';
import type { Machine } from '../cluster/hardware';
import type { GpuDeviceUser, GpuStatus, NodeGpuStatus } from '../gpu/runtime/gpu-status';
import type { SchedulingExplanation } from '../scheduler/explanation';
import type { ObjectStore } from '../store/object-store';
import { explanationView, type ExplanationView } from './explain';
import { eventView } from './project';
import type { EventView } from './types';

/**
 * The inspector's projection of one object: what `kubectl describe` prints for it, its live YAML
 * (`kubectl get -o yaml`, status included), its events, and for a pod the scheduler's
 * explanation. A GPU is hardware rather than an API object: it gets a describe-like text of
 * its facts and no YAML.
 */
export type InspectRef =
  | { readonly kind: 'Gpu'; readonly node: string; readonly index: number }
  | { readonly kind: string; readonly name: string; readonly namespace?: string };

export interface Inspection {
  readonly ref: InspectRef;
  /** `pod/web`, `node/worker-1`, `gpu 3 · dgx-1`. */
  readonly title: string;
  readonly found: boolean;
  /** `kubectl describe` output. */
  readonly describe: string;
  readonly yaml?: string;
  readonly events: readonly EventView[];
  readonly explanation?: ExplanationView;
}

export interface InspectSources {
  readonly store: ObjectStore;
  readonly machines: ReadonlyMap<string, Machine>;
  readonly explanation: (namespace: string, name: string) => SchedulingExplanation | undefined;
  /** `kubectl describe <kind> <name> -n <namespace>`'s output. */
  readonly describe: (kind: string, name: string, namespace?: string) => string;
  /** The GPU stack's live view of a node's GPUs (health, sensors, users, MIG manager state). */
  readonly gpuStatus?: (node: string) => NodeGpuStatus | undefined;
}

export function inspect(src: InspectSources, ref: InspectRef): Inspection {
  if (ref.kind === 'Gpu' && 'node' in ref) return inspectGpu(src, ref.node, ref.index);
  const { name, namespace } = ref as { name: string; namespace?: string };
  const type = src.store.registry.types.resolve(ref.kind);
  const ns = type?.namespaced ? (namespace ?? 'default') : undefined;
  const obj = type ? src.store.get(type.kind, name, ns) : undefined;
  const title = `${(type?.singular ?? ref.kind).toLowerCase()}/${name}`;
  if (!obj || !type) return { ref, title, found: false, describe: '', events: [] };
  const explanation = obj.kind === 'Pod' ? src.explanation(ns ?? 'default', name) : undefined;
  const nodes = explanation ? src.store.list<Node>('Node').map((n) => n.metadata.name) : [];
  return {
    ref,
    title,
    found: true,
    describe: src.describe(type.plural, name, ns),
    yaml: yamlLibrary().stringify(obj, { lineWidth: 0 }),
    events: eventsOf(src.store, obj),
    ...(explanation ? { explanation: explanationView(explanation, nodes) } : {}),
  };
}

function eventsOf(store: ObjectStore, obj: Stored<KubeObject>): EventView[] {
  const node = obj.kind === 'Node';
  return store
    .list<Event>('Event', node ? undefined : obj.metadata.namespace)
    .filter((e) => e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name && (node || e.involvedObject.uid === undefined || e.involvedObject.uid === obj.metadata.uid))
    .map(eventView);
}

/** Key: value lines aligned as kubectl describe aligns them. */
function fields(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  return rows.map(([k, v]) => `${`${k}:`.padEnd(width)}${v}`).join('\n');
}

const usersText = (users: readonly GpuDeviceUser[]) => users.map((u) => `${u.namespace}/${u.pod} (${u.container}, ${u.deviceId})`).join(', ') || '<none>';

/** What the live GPU stack says: health, the Xid and its remedy, DCGM's sensors, who holds it, MIG. */
function liveRows(node: NodeGpuStatus, live: GpuStatus): [string, string][] {
  const rows: [string, string][] = [
    ['Health', live.health],
    ['Last Xid', live.lastXid ? String(live.lastXid) : '<none>'],
    ['Recovery', live.recovery ?? '<none needed>'],
    ['Utilization', `${Math.round(live.utilisation)} %`],
    ['Temperature', `${live.temperatureC} C`],
    ['Power Draw', `${live.powerW} W`],
    ['Memory Used', `${live.memoryUsedMiB} MiB / ${live.memoryMiB} MiB`],
    ['MIG Mode', live.migEnabled ? 'Enabled' : 'Disabled'],
    ['MIG Config', node.migConfig ? `${node.migConfig} (${node.migConfigState ?? 'unknown'})` : '<none>'],
  ];
  const shared = node.resources.filter((r) => r.replicas > 1).map((r) => `${r.name} x${r.replicas}`);
  if (shared.length) rows.push(['Time-Slicing', shared.join(', ')]);
  rows.push(['Allocated To', usersText(live.users)]);
  for (const d of live.migDevices) rows.push([`MIG ${d.gpuInstanceId}/${d.computeInstanceId}`, `${d.profile} at ${d.placement.start}+${d.placement.size}, ${d.health}, ${usersText(d.users)}`]);
  return rows;
}

function inspectGpu(src: InspectSources, nodeName: string, index: number): Inspection {
  const ref = { kind: 'Gpu', node: nodeName, index } as const;
  const title = `gpu ${index} · ${nodeName}`;
  const gpu = src.machines.get(nodeName)?.gpus.find((g) => g.index === index);
  if (!gpu) return { ref, title, found: false, describe: '', events: [] };
  const m = gpu.model;
  const node = src.gpuStatus?.(nodeName);
  const live = node?.gpus.find((g) => g.index === index);
  const describe = fields([
    ['Node', nodeName],
    ['Index', String(index)],
    ['Name', m.name],
    ['Product', m.product],
    ['UUID', gpu.uuid],
    ['Bus-Id', gpu.busId],
    ['Memory', `${m.memoryMiB} MiB`],
    ['Architecture', m.family],
    ['Compute Capability', m.computeCapability.join('.')],
    ['Multiprocessors', String(m.multiprocessors)],
    ['Power Limit', `${m.maxPowerW} W`],
    ['MIG Capable', m.migCapable ? 'Yes' : 'No'],
    ...(node && live ? liveRows(node, live) : [['Health', 'unadvertised (no NVIDIA driver or device plugin)'] as [string, string]]),
  ]);
  return { ref, title, found: true, describe, events: [] };
}
