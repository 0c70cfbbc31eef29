import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import type { ObjectStore } from '../store/object-store';

/**
 * Which pods `kubectl drain` removes (pkg/drain filters.go), checked in order for each pod:
 * DaemonSet pods stay (an error without --ignore-daemonsets), mirror pods stay, pods with
 * emptyDir data need --delete-emptydir-data, and pods no controller would recreate need --force.
 */
export interface DrainFilterOptions {
  readonly ignoreDaemonsets?: boolean;
  readonly deleteEmptydirData?: boolean;
  readonly force?: boolean;
}

type Verdict = { readonly delete: boolean; readonly kind: 'okay' | 'skip' | 'warning' | 'error'; readonly message?: string };

const OKAY: Verdict = { delete: true, kind: 'okay' };
const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

const finished = (p: Stored<Pod>) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

type Filter = (pod: Stored<Pod>, o: DrainFilterOptions, store: ObjectStore) => Verdict;

const FILTERS: readonly Filter[] = [
  function daemonSet(pod, o, store) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!ref || ref.kind !== 'DaemonSet' || finished(pod)) return OKAY;
    if (!store.get('DaemonSet', ref.name, pod.metadata.namespace)) {
      const message = `daemonsets.apps ${JSON.stringify(ref.name)} not found`;
      return o.force ? { delete: true, kind: 'warning', message } : { delete: false, kind: 'error', message };
    }
    return o.ignoreDaemonsets ? { delete: false, kind: 'warning', message: DAEMONSET_WARNING } : { delete: false, kind: 'error', message: DAEMONSET_FATAL };
  },
  function mirrorPod(pod) {
    return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { delete: false, kind: 'skip' } : OKAY;
  },
  function localStorage(pod, o) {
    if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir) || finished(pod)) return OKAY;
    return o.deleteEmptydirData ? { delete: true, kind: 'warning', message: LOCAL_STORAGE_WARNING } : { delete: false, kind: 'error', message: LOCAL_STORAGE_FATAL };
  },
  function unreplicated(pod, o) {
    if (finished(pod) || pod.metadata.ownerReferences?.some((r) => r.controller)) return OKAY;
    return o.force ? { delete: true, kind: 'warning', message: UNMANAGED_WARNING } : { delete: false, kind: 'error', message: UNMANAGED_FATAL };
  },
];

export interface PodsForDeletion {
  readonly pods: readonly Stored<Pod>[];
  /** `Warning: …` text, or '' (warnings joined with '; '). */
  readonly warnings: string;
  /** One message per reason, e.g. `cannot delete Pods with local storage (…): default/web`. */
  readonly errors: readonly string[];
}

/** GetPodsForDeletion: run the filters over the node's pods; a pod stops at the first filter that keeps it. */
export function podsForDeletion(store: ObjectStore, node: string, o: DrainFilterOptions): PodsForDeletion {
  const pods: Stored<Pod>[] = [];
  const warnings = new Map<string, string[]>();
  const errors = new Map<string, string[]>();
  for (const pod of store.list<Pod>('Pod').filter((p) => p.spec?.nodeName === node)) {
    let verdict: Verdict = OKAY;
    for (const f of FILTERS) {
      verdict = f(pod, o, store);
      if (!verdict.delete) break;
    }
    const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (verdict.kind === 'warning') warnings.set(verdict.message!, [...(warnings.get(verdict.message!) ?? []), id]);
    if (verdict.kind === 'error') errors.set(verdict.message!, [...(errors.get(verdict.message!) ?? []), id]);
    if (verdict.delete) pods.push(pod);
  }
  return {
    pods,
    warnings: [...warnings].map(([m, ids]) => `${m}: ${ids.join(', ')}`).join('; '),
    errors: [...errors].map(([m, ids]) => `${m.toLowerCase().startsWith('cannot delete') ? m : `cannot delete ${m}`}: ${ids.join(', ')}`),
  };
}
