import type { Pod, PodAffinityTerm } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { matchesAll, selectorRequirements, type Labels, type Requirement } from '../api/labels';
import { podRequests } from '../api/pod-resources';
import type { Stored } from '../api/types';
import { Resource } from './resource';

/** Requests the scorers assume for a container that sets none (DefaultMilliCPURequest, DefaultMemoryRequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/**
 * A parsed pod affinity term (framework.AffinityTerm). A missing label selector selects nothing
 * (metav1.LabelSelectorAsSelector); with no namespaces and no namespaceSelector the term means
 * the pod's own namespace.
 */
export interface AffinityTerm {
  readonly namespaces: ReadonlySet<string>;
  /** undefined: no namespace selector (matches no namespace by labels). */
  readonly namespaceSelector: readonly Requirement[] | undefined;
  /** undefined: no label selector (matches no pod). */
  readonly selector: readonly Requirement[] | undefined;
  readonly topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

function toRequirements(selector: LabelSelector | undefined): readonly Requirement[] | undefined {
  return selector ? selectorRequirements(selector) : undefined;
}

function parseTerm(pod: Pod, term: PodAffinityTerm): AffinityTerm {
  const namespaces = new Set(term.namespaces?.length || term.namespaceSelector ? (term.namespaces ?? []) : [pod.metadata?.namespace ?? 'default']);
  return { namespaces, namespaceSelector: toRequirements(term.namespaceSelector), selector: toRequirements(term.labelSelector), topologyKey: term.topologyKey };
}

/** Whether a term matches a pod (AffinityTerm.Matches): namespace by name or by labels, then the label selector. */
export function termMatches(term: AffinityTerm, pod: Stored<Pod>, namespaceLabels: Labels): boolean {
  const ns = pod.metadata.namespace ?? 'default';
  const nsOk = term.namespaces.has(ns) || (term.namespaceSelector !== undefined && matchesAll(term.namespaceSelector, namespaceLabels));
  return nsOk && term.selector !== undefined && matchesAll(term.selector, pod.metadata.labels);
}

export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

/**
 * What the scheduler derives from a pod once (framework.PodInfo): its effective requests, the
 * non-zero requests the scorers use, parsed affinity terms, host ports, and its priority.
 */
export class PodInfo {
  readonly requests: Resource;
  /** cpu and memory with the scorer's defaults for containers that request none. */
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemory: number;
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  readonly hostPorts: readonly HostPort[];
  /** The extended resources requested, in name order, for failure reasons. */
  readonly sortedScalarNames: readonly string[];

  constructor(readonly pod: Stored<Pod>) {
    const amounts = podRequests(pod);
    this.requests = new Resource();
    this.requests.addList(amounts, true);
    this.sortedScalarNames = [...this.requests.scalar.keys()].sort();
    const everyRequestSet = pod.spec?.containers.every((c) => c.resources?.requests?.cpu !== undefined && c.resources.requests.memory !== undefined);
    const [cpu, memory] = everyRequestSet ? [amounts.cpu ?? 0, amounts.memory ?? 0] : nonZeroRequests(pod);
    this.nonZeroMilliCPU = cpu;
    this.nonZeroMemory = memory;
    const affinity = pod.spec?.affinity;
    this.requiredAffinityTerms = (affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => parseTerm(pod, t));
    this.requiredAntiAffinityTerms = (affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => parseTerm(pod, t));
    this.preferredAffinityTerms = (affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => ({ ...parseTerm(pod, w.podAffinityTerm), weight: w.weight }));
    this.preferredAntiAffinityTerms = (affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => ({ ...parseTerm(pod, w.podAffinityTerm), weight: w.weight }));
    const ports: HostPort[] = [];
    for (const c of pod.spec?.containers ?? []) {
      for (const p of c.ports ?? []) {
        if (p.hostPort && p.hostPort > 0) ports.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol ?? 'TCP', port: p.hostPort });
      }
    }
    this.hostPorts = ports;
  }

  /** The same PodInfo for a newer version of the pod whose spec is the same or only gained a node (a binding). */
  withBoundPod(pod: Stored<Pod>): PodInfo {
    return Object.assign(Object.create(PodInfo.prototype) as PodInfo, this, { pod });
  }

  get name(): string {
    return this.pod.metadata.name;
  }

  get namespace(): string {
    return this.pod.metadata.namespace ?? 'default';
  }

  get uid(): string {
    return this.pod.metadata.uid;
  }

  /** corev1helpers.PodPriority: spec.priority, 0 when unset. */
  get priority(): number {
    return this.pod.spec?.priority ?? 0;
  }

  get hasAffinity(): boolean {
    return (
      this.requiredAffinityTerms.length > 0 ||
      this.requiredAntiAffinityTerms.length > 0 ||
      this.preferredAffinityTerms.length > 0 ||
      this.preferredAntiAffinityTerms.length > 0
    );
  }
}

/**
 * cpu and memory as the scorers count them (GetNonzeroRequests): each app container without a
 * request counts 100m and 200 MB, combined with init containers and overhead as requests are.
 */
function nonZeroRequests(pod: Pod): [number, number] {
  const spec = pod.spec;
  if (!spec) return [0, 0];
  const withDefaults: Pod = {
    ...pod,
    spec: {
      ...spec,
      containers: spec.containers.map((c) => {
        const requests = { ...(c.resources?.requests ?? {}) };
        requests.cpu ??= `${DEFAULT_MILLI_CPU_REQUEST}m`;
        requests.memory ??= String(DEFAULT_MEMORY_REQUEST);
        return { ...c, resources: { ...c.resources, requests } };
      }),
    },
  };
  const r = podRequests(withDefaults);
  return [r.cpu ?? 0, r.memory ?? 0];
}
