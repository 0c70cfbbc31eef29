import type { ContainerStatus, Node, Pod } from 'kubernetes-types/core/v1';
import { parseTimestamp } from '../engine/time';
import { humanDuration } from './duration';

/** The pod reason the node lifecycle controller sets on pods of an unreachable node. */
export const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

/**
 * The STATUS column of `kubectl get pods` (printers.go printPod): the phase, or status.reason;
 * then init-container progress; then the reason of the last container that is not running;
 * `Terminating` while a pod is being deleted.
 */
export function podStatusText(pod: Pod): string {
  const st = pod.status ?? {};
  let reason = st.reason || st.phase || 'Pending';
  const scheduled = st.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False' && scheduled.reason === 'SchedulingGated') reason = 'SchedulingGated';

  const initSpecs = pod.spec?.initContainers ?? [];
  let initializing = false;
  const initStatuses = st.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    const sidecar = initSpecs.find((s) => s.name === c.name)?.restartPolicy === 'Always';
    if (sidecar && c.started) continue;
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (term) {
      reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = st.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initializedTrue) {
    let hasRunning = false;
    const statuses = st.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      const wait = c.state?.waiting;
      const term = c.state?.terminated;
      if (wait?.reason) reason = wait.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) {
      reason = st.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp && st.reason === NODE_UNREACHABLE_POD_REASON) return 'Unknown';
  if (pod.metadata?.deletionTimestamp && st.phase !== 'Succeeded' && st.phase !== 'Failed') return 'Terminating';
  return reason;
}

/** READY: ready containers over containers, counting started sidecars as kubectl does. */
export function podReadyText(pod: Pod): string {
  const statuses = pod.status?.containerStatuses ?? [];
  let total = pod.spec?.containers?.length ?? 0;
  let ready = statuses.filter((c) => c.ready && c.state?.running).length;
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  for (const s of sidecars) {
    total++;
    const status = pod.status?.initContainerStatuses?.find((c) => c.name === s.name);
    if (status?.ready && status.started) ready++;
  }
  return `${ready}/${total}`;
}

/** The total restart count and the time of the latest restart, for the RESTARTS column. */
export function podRestarts(pod: Pod): { count: number; lastRestartMs?: number } {
  let count = 0;
  let last: number | undefined;
  const visit = (c: ContainerStatus) => {
    count += c.restartCount ?? 0;
    const finished = c.lastState?.terminated?.finishedAt;
    if (finished) {
      const t = parseTimestamp(finished);
      if (last === undefined || t > last) last = t;
    }
  };
  for (const c of pod.status?.initContainerStatuses ?? []) visit(c);
  for (const c of pod.status?.containerStatuses ?? []) visit(c);
  return { count, lastRestartMs: last };
}

/** RESTARTS: `3` or `3 (45s ago)`. */
export function podRestartsText(pod: Pod, nowMs: number): string {
  const { count, lastRestartMs } = podRestarts(pod);
  if (count > 0 && lastRestartMs !== undefined) return `${count} (${humanDuration(nowMs - lastRestartMs)} ago)`;
  return String(count);
}

/** Node STATUS: Ready / NotReady / Unknown, with `,SchedulingDisabled` when cordoned. */
export function nodeStatusText(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  let status = ready?.status === 'True' ? 'Ready' : ready?.status === 'Unknown' ? 'Unknown' : 'NotReady';
  if (!ready) status = 'Unknown';
  if (node.spec?.unschedulable) status += ',SchedulingDisabled';
  return status;
}

/** ROLES: from node-role.kubernetes.io/<role> labels (and the legacy kubernetes.io/role), or <none>. */
export function nodeRoles(node: Node): string[] {
  const roles: string[] = [];
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.push(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role') roles.push(v);
  }
  return roles.sort();
}
