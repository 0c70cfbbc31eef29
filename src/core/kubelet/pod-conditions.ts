import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { Writable } from '../api/types';

/**
 * Set a pod condition the way the kubelet's status manager does: lastTransitionTime only moves
 * when the status flips.
 */
export function setCondition(pod: Pod, type: string, status: 'True' | 'False', timestamp: string, reason?: string, message?: string): void {
  const st = ((pod as Writable<Pod>).status ??= {});
  const conditions = (st.conditions ??= []);
  const existing = conditions.find((c) => c.type === type);
  const next: PodCondition = { type, status, lastProbeTime: null as unknown as undefined, lastTransitionTime: timestamp };
  if (reason) next.reason = reason;
  if (message) next.message = message;
  if (existing) {
    if (existing.status === status) next.lastTransitionTime = existing.lastTransitionTime;
    Object.keys(existing).forEach((k) => delete (existing as unknown as Record<string, unknown>)[k]);
    Object.assign(existing, next);
  } else {
    conditions.push(next);
  }
  conditions.sort((a, b) => rank(a.type) - rank(b.type));
}

/** The order `kubectl describe pod` lists conditions in, which is the order the kubelet writes them. */
const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled', 'DisruptionTarget'];

function rank(type: string): number {
  const i = CONDITION_ORDER.indexOf(type);
  return i < 0 ? CONDITION_ORDER.length : i;
}
