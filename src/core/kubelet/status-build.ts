import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import { deepClone } from '../api/clone';
import type { Writable } from '../api/types';
import { rfc3339 } from '../engine/time';
import type { ContainerRecord } from './container-record';
import { setCondition } from './pod-conditions';

/**
 * The pod status the kubelet computes from its containers (generateAPIPodStatus): the phase
 * (getPhase), the kubelet's conditions, and the container statuses.
 */
export interface PodView {
  readonly records: readonly ContainerRecord[];
  readonly restartPolicy: string;
  readonly sandboxReady: boolean;
  readonly hostIP: string;
  readonly podIP: string | undefined;
  readonly startTimeMs: number;
  /** The pod was stopped for good (deleted, evicted, or all containers done): the phase is terminal. */
  readonly terminal: boolean;
  /** A phase the kubelet sets itself (an evicted pod is Failed whatever its containers did). */
  readonly phase?: 'Failed';
  readonly reason?: string;
  readonly message?: string;
  readonly nowMs: number;
}

/** The conditions the kubelet owns; others (PodScheduled, DisruptionTarget, readiness gates) are kept. */
export const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady'];

type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/** getPhase; a pod the kubelet stopped for good always ends Succeeded or Failed. */
export function podPhase(v: PodView): Phase {
  if (v.phase) return v.phase;
  const phase = containerPhase(v);
  return v.terminal && phase !== 'Succeeded' && phase !== 'Failed' ? 'Failed' : phase;
}

function containerPhase(v: PodView): Phase {
  let pendingInit = 0;
  let failedInit = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const r of v.records) {
    if (r.kind === 'sidecar') {
      if (!r.started && !v.terminal) pendingInit++;
      continue;
    }
    const exit = r.lastExit;
    if (r.kind === 'init') {
      if (r.running || r.busy) pendingInit++;
      else if (r.terminated) {
        if (r.terminated.exitCode !== 0) failedInit++;
      } else if (exit && exit.exitCode !== 0) failedInit++;
      else pendingInit++;
      continue;
    }
    if (r.running) running++;
    else if (r.terminated) {
      stopped++;
      if (r.terminated.exitCode === 0) succeeded++;
    } else if (r.lastTerminated) stopped++;
    else waiting++;
  }
  if (failedInit > 0 && v.restartPolicy === 'Never') return 'Failed';
  if (pendingInit > 0 || failedInit > 0) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (v.terminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (v.restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (v.restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

export function buildPodStatus(v: PodView, previous: PodStatus | undefined): PodStatus {
  const draft: Pod = { status: deepClone(previous ?? {}) };
  const st = draft.status as Writable<PodStatus>;
  const now = rfc3339(v.nowMs);
  st.phase = podPhase(v);
  // "pods are not allowed to transition out of terminal phases" (kubelet_pods.go,
  // generateAPIPodStatus): when the API server already shows Succeeded or Failed, that phase stays.
  if (previous?.phase === 'Succeeded' || previous?.phase === 'Failed') st.phase = previous.phase;
  st.hostIP = v.hostIP;
  st.hostIPs = [{ ip: v.hostIP }];
  if (v.podIP) {
    st.podIP = v.podIP;
    st.podIPs = [{ ip: v.podIP }];
  }
  st.startTime = rfc3339(v.startTimeMs);
  if (v.reason) st.reason = v.reason;
  else delete st.reason;
  if (v.message) st.message = v.message;
  else delete st.message;

  const inits = v.records.filter((r) => r.kind !== 'regular');
  const regular = v.records.filter((r) => r.kind === 'regular');
  setCondition(draft, 'PodReadyToStartContainers', v.sandboxReady ? 'True' : 'False', now);
  const incomplete = inits.filter((r) => (r.kind === 'init' ? r.terminated?.exitCode !== 0 : !r.started && !v.terminal));
  if (incomplete.length === 0) setCondition(draft, 'Initialized', 'True', now);
  else setCondition(draft, 'Initialized', 'False', now, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.map((r) => r.name).join(' ')}]`);
  const readiness = [...inits.filter((r) => r.kind === 'sidecar'), ...regular];
  const unready = readiness.filter((r) => !r.ready);
  if (st.phase === 'Succeeded' || st.phase === 'Failed') {
    setCondition(draft, 'Ready', 'False', now, 'PodCompleted', '');
    setCondition(draft, 'ContainersReady', 'False', now, 'PodCompleted', '');
  } else if (unready.length === 0) {
    setCondition(draft, 'Ready', 'True', now);
    setCondition(draft, 'ContainersReady', 'True', now);
  } else {
    const message = `containers with unready status: [${unready.map((r) => r.name).join(' ')}]`;
    setCondition(draft, 'Ready', 'False', now, 'ContainersNotReady', message);
    setCondition(draft, 'ContainersReady', 'False', now, 'ContainersNotReady', message);
  }
  st.containerStatuses = regular.map((r) => r.toStatus());
  if (inits.length) st.initContainerStatuses = inits.map((r) => r.toStatus());
  else delete st.initContainerStatuses;
  return st;
}
