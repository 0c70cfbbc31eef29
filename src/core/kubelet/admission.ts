import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { amountOf, podRequests, qosClass } from '../api/pod-resources';
import { isTolerated } from '../api/taints';
import type { Stored } from '../api/types';
import { termMatches } from '../scheduler/plugins/node-affinity';

/**
 * Pod admission on the node (pkg/kubelet/lifecycle): before a bound pod runs, the kubelet checks
 * it again, because its view can differ from the scheduler's (a pod bound by nodeName, a device
 * that went away). A rejected pod is Failed with the handler's reason: `OutOfcpu`,
 * `OutOfnvidia.com/gpu`, `NodeAffinity`, `Evicted` under node pressure, or `UnexpectedAdmissionError`
 * when a device manager cannot allocate what the pod was promised.
 */
export interface AdmitAttributes {
  readonly pod: Stored<Pod>;
  readonly node: Stored<Node> | undefined;
  /** Pods already admitted on the node and not finished. */
  readonly activePods: readonly Stored<Pod>[];
  readonly memoryPressure: boolean;
  readonly diskPressure: boolean;
}

export type AdmitResult = { readonly admit: true } | { readonly admit: false; readonly reason: string; readonly message: string };

export interface PodAdmitHandler {
  readonly name: string;
  admit(attrs: AdmitAttributes): AdmitResult;
}

const ADMIT: AdmitResult = { admit: true };

/** The eviction manager's admission: no BestEffort pods under memory pressure, nothing under disk pressure. */
export const evictionAdmitHandler: PodAdmitHandler = {
  name: 'EvictionManager',
  admit({ pod, memoryPressure, diskPressure }) {
    if (diskPressure) return { admit: false, reason: 'Evicted', message: 'The node had condition: [DiskPressure]. ' };
    if (memoryPressure && qosClass(pod) === 'BestEffort') {
      const taint: Taint = { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' };
      if (!isTolerated(taint, pod.spec?.tolerations)) return { admit: false, reason: 'Evicted', message: 'The node had condition: [MemoryPressure]. ' };
    }
    return ADMIT;
  },
};

/** Resources in the order the kubelet's fit check reports them: pods, cpu, memory, ephemeral-storage, then extended ones. */
const NATIVE = ['cpu', 'memory', 'ephemeral-storage'];

/** The predicate admit handler: the scheduler's own filters, run again on the node. */
export const predicateAdmitHandler: PodAdmitHandler = {
  name: 'Predicate',
  admit({ pod, node, activePods }) {
    if (!node) return { admit: false, reason: 'UnexpectedAdmissionError', message: 'Unexpected error while attempting to recover from admission failure: node not found' };
    const alloc = node.status?.allocatable ?? {};
    const capacity = (r: string) => amountOf(r, alloc[r]);
    // Resource fit first (noderesources.Fits), as scheduler.AdmissionCheck orders it.
    if (activePods.length + 1 > capacity('pods')) return outOf('pods', 1, activePods.length, capacity('pods'));
    const request = podRequests(pod);
    const used: Record<string, number> = {};
    for (const p of activePods) for (const [k, v] of Object.entries(podRequests(p))) used[k] = (used[k] ?? 0) + v;
    // Extended resources the node does not advertise at all are dropped from the request
    // (removeMissingExtendedResources): only an advertised one can be short.
    const names = Object.keys(request).filter((r) => request[r]! > 0 && (NATIVE.includes(r) || alloc[r] !== undefined));
    names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const r of names) {
      if (request[r]! + (used[r] ?? 0) > capacity(r)) return outOf(r, request[r]!, used[r] ?? 0, capacity(r));
    }
    const labels = node.metadata.labels ?? {};
    const selectorOk = Object.entries(pod.spec?.nodeSelector ?? {}).every(([k, v]) => labels[k] === v);
    const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (!selectorOk || (required && !required.nodeSelectorTerms.some((t) => termMatches(t, node)))) {
      return { admit: false, reason: 'NodeAffinity', message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector" };
    }
    // The kubelet only cares about NoExecute taints.
    if ((node.spec?.taints ?? []).some((t) => t.effect === 'NoExecute' && !isTolerated(t, pod.spec?.tolerations))) {
      return { admit: false, reason: 'TaintToleration', message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate" };
    }
    return ADMIT;
  },
};

function rank(resource: string): number {
  const i = NATIVE.indexOf(resource);
  return i < 0 ? NATIVE.length : i;
}

/** InsufficientResourceError: reason `OutOf<resource>`, with the kubelet's numbers (cpu in millicores, memory in bytes). */
function outOf(resource: string, requested: number, used: number, capacity: number): AdmitResult {
  return {
    admit: false,
    reason: `OutOf${resource}`,
    message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}`,
  };
}

/**
 * Run the handlers in order; the first rejection wins. Handlers added by device managers report
 * their failures as UnexpectedAdmissionError, the reason the kubelet gives allocation errors.
 */
export function admitPod(attrs: AdmitAttributes, deviceHandlers: readonly PodAdmitHandler[]): AdmitResult {
  for (const h of [evictionAdmitHandler, predicateAdmitHandler]) {
    const r = h.admit(attrs);
    if (!r.admit) return r;
  }
  for (const h of deviceHandlers) {
    const r = h.admit(attrs);
    if (!r.admit) return { admit: false, reason: 'UnexpectedAdmissionError', message: `Allocate failed due to ${r.message}, which is unexpected` };
  }
  return ADMIT;
}
