import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import { SIMULATION_EPOCH_MS } from '../engine/time';
import type { ObjectStore } from '../store/object-store';
import type { KubeletFleet } from './kubelets';

/**
 * The pods/log subresource: the API server asks the pod's kubelet for a container's log (the
 * current instance, or with `previous` the one before it). Errors are the API server's, as
 * `kubectl logs` prints them.
 */
export interface LogsOptions {
  readonly container?: string;
  readonly previous?: boolean;
  /** Only the last N lines. */
  readonly tail?: number;
  /** Prefix each line with its RFC 3339 timestamp. */
  readonly timestamps?: boolean;
  /** Only lines from the last N seconds. */
  readonly sinceSeconds?: number;
}

export type LogsResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string };

const badRequest = (message: string): LogsResult => ({ ok: false, error: `Error from server (BadRequest): ${message}` });

export function readPodLogs(store: ObjectStore, fleet: KubeletFleet, namespace: string, name: string, options: LogsOptions, nowMs: number): LogsResult {
  const pod = store.get<Pod>('Pod', name, namespace);
  if (!pod) return { ok: false, error: `Error from server (NotFound): pods ${JSON.stringify(name)} not found` };
  const container = pickContainer(pod, options.container);
  if (typeof container !== 'string') return container;
  const node = pod.spec?.nodeName;
  const status = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s) => s.name === container);
  if (!node) return badRequest(`container ${JSON.stringify(container)} in pod ${JSON.stringify(name)} is waiting to start: ContainerCreating`);
  const kubelet = fleet.get(node);
  if (!kubelet?.reachable()) {
    const ip = kubelet?.hostIP ?? node;
    return { ok: false, error: `Error from server: Get "https://${ip}:10250/containerLogs/${namespace}/${name}/${container}": dial tcp ${ip}:10250: connect: no route to host` };
  }
  const log = kubelet.logs.get(pod.metadata.uid, container, !!options.previous);
  if (!log) {
    if (options.previous) return badRequest(`previous terminated container ${JSON.stringify(container)} in pod ${JSON.stringify(name)} not found`);
    const waiting = status?.state?.waiting?.reason ?? 'ContainerCreating';
    return badRequest(`container ${JSON.stringify(container)} in pod ${JSON.stringify(name)} is waiting to start: ${waiting}`);
  }
  let entries = log.entries;
  if (options.sinceSeconds !== undefined) entries = entries.filter((e) => e.timeMs >= nowMs - options.sinceSeconds! * 1000);
  if (options.tail !== undefined && options.tail >= 0) entries = entries.slice(Math.max(0, entries.length - options.tail));
  const text = entries.map((e) => (options.timestamps ? `${rfc3339Nano(e.timeMs)} ${e.text}` : e.text)).join('\n');
  return { ok: true, text: text ? `${text}\n` : '' };
}

function pickContainer(pod: Stored<Pod>, requested: string | undefined): string | LogsResult {
  const containers = (pod.spec?.containers ?? []).map((c) => c.name);
  const inits = (pod.spec?.initContainers ?? []).map((c) => c.name);
  if (requested !== undefined) {
    if (containers.includes(requested) || inits.includes(requested)) return requested;
    return badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`);
  }
  if (containers.length === 1) return containers[0]!;
  const initPart = inits.length ? ` or one of the init containers: [${inits.join(' ')}]` : '';
  return badRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.join(' ')}]${initPart}`);
}

/** RFC 3339 with nanoseconds, as `kubectl logs --timestamps` prints them. */
function rfc3339Nano(ms: number): string {
  return new Date(SIMULATION_EPOCH_MS + ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}
