import type { Affinity, Container, Node, Pod, Taint, Toleration, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { Stored } from '../../../src/core/api/types';
import { SchedulerCache } from '../../../src/core/scheduler/cache';
import { CycleState, type Handle, type Plugin, type PreFilterPlugin, type Status, SUCCESS, isFilter, isPreFilter } from '../../../src/core/scheduler/framework';
import type { NodeInfo } from '../../../src/core/scheduler/node-info';
import { PodInfo } from '../../../src/core/scheduler/pod-info';

/** Small builders for scheduler tests: nodes and pods as the API server would store them. */
let next = 0;
const meta = (name: string, namespace?: string, labels?: Record<string, string>) => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: `uid-${name}-${next++}`,
  resourceVersion: '1',
  creationTimestamp: '2026-01-05T09:00:00Z',
  ...(labels ? { labels } : {}),
});

export interface NodeOptions {
  readonly cpu?: string;
  readonly memory?: string;
  readonly pods?: string;
  readonly labels?: Record<string, string>;
  readonly taints?: Taint[];
  readonly unschedulable?: boolean;
  /** Extra allocatable, e.g. `{ 'nvidia.com/gpu': '8' }`. */
  readonly extended?: Record<string, string>;
  readonly images?: { names: string[]; sizeBytes: number }[];
}

export function node(name: string, o: NodeOptions = {}): Stored<Node> {
  const allocatable = { cpu: o.cpu ?? '4', memory: o.memory ?? '16Gi', pods: o.pods ?? '110', 'ephemeral-storage': '100Gi', ...o.extended };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, undefined, { 'kubernetes.io/hostname': name, ...o.labels }),
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable, capacity: allocatable, ...(o.images ? { images: o.images } : {}) },
  };
}

export const nodeWithTaints = (name: string, ...taints: Taint[]): Stored<Node> => node(name, { taints });
export const nodeWithLabels = (name: string, labels: Record<string, string>): Stored<Node> => node(name, { labels });

export interface PodOptions {
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly requests?: Record<string, string>;
  readonly limits?: Record<string, string>;
  readonly containers?: Container[];
  readonly initContainers?: Container[];
  readonly overhead?: Record<string, string>;
  readonly tolerations?: Toleration[];
  readonly nodeSelector?: Record<string, string>;
  readonly affinity?: Affinity;
  readonly topologySpreadConstraints?: TopologySpreadConstraint[];
  readonly priority?: number;
  readonly nodeName?: string;
  readonly hostPort?: number;
  readonly image?: string;
}

export function pod(name: string, o: PodOptions = {}): Stored<Pod> {
  const main: Container = {
    name: 'main',
    image: o.image ?? 'registry.k8s.io/pause:3.10',
    resources: { ...(o.requests ? { requests: o.requests } : {}), ...(o.limits ? { limits: o.limits } : {}) },
    ...(o.hostPort ? { ports: [{ containerPort: 80, hostPort: o.hostPort, protocol: 'TCP' }] } : {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, o.namespace ?? 'default', o.labels),
    spec: {
      containers: o.containers ?? [main],
      ...(o.initContainers ? { initContainers: o.initContainers } : {}),
      ...(o.overhead ? { overhead: o.overhead } : {}),
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      ...(o.affinity ? { affinity: o.affinity } : {}),
      ...(o.topologySpreadConstraints ? { topologySpreadConstraints: o.topologySpreadConstraints } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      priority: o.priority ?? 0,
    },
    status: { phase: o.nodeName ? 'Running' : 'Pending' },
  };
}

export const podWithTolerations = (name: string, ...tolerations: Toleration[]): Stored<Pod> => pod(name, { tolerations });
export const podRequesting = (name: string, requests: Record<string, string>): Stored<Pod> => pod(name, { requests });

/** A cluster for plugin tests: the cache holding the nodes and the pods placed on them, and a Handle over it. */
export function cluster(nodes: Stored<Node>[], pods: Stored<Pod>[] = [], objects: Record<string, Stored<{ kind?: string }>[]> = {}) {
  const cache = new SchedulerCache();
  for (const n of nodes) cache.setNode(n);
  for (const p of pods) cache.setPod(p, p.spec!.nodeName!);
  const handle: Handle = {
    snapshot: cache,
    get: (kind, name, namespace) =>
      (objects[kind] ?? []).find((o) => o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace)) as never,
    list: (kind, namespace) => (objects[kind] ?? []).filter((o) => namespace === undefined || o.metadata.namespace === namespace) as never,
    namespaceLabels: (ns) => ({ 'kubernetes.io/metadata.name': ns }),
  };
  return { cache, handle, info: (name: string): NodeInfo => cache.get(name)! };
}

/** Run a plugin's PreFilter (if any) and Filter for a pod on each node; the status per node name. */
export function filterAll(plugin: Plugin, p: Stored<Pod>, c: ReturnType<typeof cluster>): Record<string, Status> {
  const state = new CycleState();
  const pi = new PodInfo(p);
  if (isPreFilter(plugin)) {
    const r = (plugin as PreFilterPlugin).preFilter(state, pi, c.handle);
    const s = 'status' in r ? r.status : r;
    if (s.code === 'Skip') state.skipFilter.add(plugin.name);
    else if (s.code !== 'Success') return Object.fromEntries(c.cache.nodes.map((n) => [n.name, s]));
  }
  const out: Record<string, Status> = {};
  for (const n of c.cache.nodes) {
    out[n.name] = state.skipFilter.has(plugin.name) || !isFilter(plugin) ? SUCCESS : plugin.filter(state, pi, n);
  }
  return out;
}

/** Whether a status lets the pod through, or its code and reasons. */
export const verdict = (s: Status): string => (s.code === 'Success' ? 'fits' : `${s.code}: ${s.reasons.join(', ')}`);
