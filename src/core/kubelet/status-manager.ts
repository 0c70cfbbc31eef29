import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { Writable } from '../api/types';
import type { ObjectStore } from '../store/object-store';
import { KUBELET_CONDITIONS } from './status-build';

/**
 * The kubelet's status manager: it keeps the latest status of each pod it runs and writes it to
 * the API server, merged with what others own (PodScheduled, DisruptionTarget, qosClass). While
 * the node cannot reach the API server the writes wait, and the latest one is sent on reconnect;
 * the deletion of a pod that finished terminating waits the same way.
 */
interface Pending {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  status?: PodStatus;
  delete?: boolean;
}

export class StatusManager {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly store: ObjectStore,
    private readonly connected: () => boolean,
  ) {}

  set(pod: { namespace: string; name: string; uid: string }, status: PodStatus): void {
    const p = this.entry(pod);
    p.status = status;
    if (this.connected()) this.flushOne(pod.uid);
  }

  /** The pod has terminated and is being deleted: confirm the deletion (grace period 0). */
  confirmDeletion(pod: { namespace: string; name: string; uid: string }): void {
    this.entry(pod).delete = true;
    if (this.connected()) this.flushOne(pod.uid);
  }

  /** Forget a pod the API no longer has. */
  forget(uid: string): void {
    this.pending.delete(uid);
  }

  /** The kubelet restarted: what it had not sent is lost. */
  clear(): void {
    this.pending.clear();
  }

  /** Reconnected: send what waited. */
  flush(): void {
    for (const uid of [...this.pending.keys()]) this.flushOne(uid);
  }

  private entry(pod: { namespace: string; name: string; uid: string }): Pending {
    let p = this.pending.get(pod.uid);
    if (!p) this.pending.set(pod.uid, (p = { namespace: pod.namespace, name: pod.name, uid: pod.uid }));
    return p;
  }

  private flushOne(uid: string): void {
    const p = this.pending.get(uid);
    if (!p) return;
    this.pending.delete(uid);
    const current = this.store.get<Pod>('Pod', p.name, p.namespace);
    if (!current || current.metadata.uid !== p.uid) return;
    if (p.status) {
      const status = p.status;
      this.store.rebuildStatus<Pod>('Pod', p.name, p.namespace, (pod) => merge(pod.status ?? {}, status));
    }
    if (p.delete && current.metadata.deletionTimestamp) {
      this.store.delete('Pod', p.name, p.namespace, { gracePeriodSeconds: 0 });
    }
  }
}

function merge(stored: PodStatus, kubelet: PodStatus): PodStatus {
  const mine = kubelet.conditions ?? [];
  const others = (stored.conditions ?? []).filter((c) => !mine.some((m) => m.type === c.type) && !KUBELET_CONDITIONS.includes(c.type));
  const out: Writable<PodStatus> = { ...stored, ...kubelet, conditions: [...mine, ...others] };
  if (kubelet.reason === undefined) delete out.reason;
  if (kubelet.message === undefined) delete out.message;
  if (stored.qosClass) out.qosClass = stored.qosClass;
  const order = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled', 'DisruptionTarget'];
  out.conditions = [...out.conditions!].sort((a, b) => rank(order, a.type) - rank(order, b.type));
  return out;
}

function rank(order: string[], type: string): number {
  const i = order.indexOf(type);
  return i < 0 ? order.length : i;
}
