import { METRIC_FRESHNESS_MS } from '../../../controllers/hpa/metrics-source';
import type { Labels } from '../../../metrics/metrics-store';
import { CONTAINER_CPU_USAGE, CONTAINER_MEMORY_WORKING_SET, NODE_CPU_USAGE, NODE_MEMORY_WORKING_SET } from '../../../metrics/series';
import type { KubectlHost } from '../../host';

/** CPU in millicores and working-set memory in bytes, as the resource metrics API reports them. */
export interface Usage {
  readonly cpu: number;
  readonly memory: number;
}

/**
 * The metrics API as metrics-server serves it from the kubelets' resource metrics: the latest
 * sample of each series, none for a series that has gone a minute without one (as the HPA reads
 * them too).
 */
function fresh(host: KubectlHost, name: string, match: Labels) {
  const now = host.nowMs();
  return (host.metrics?.latest(name, match) ?? []).filter((s) => s.timeMs >= now - METRIC_FRESHNESS_MS);
}

export function nodeUsage(host: KubectlHost, node: string): Usage | undefined {
  const cpu = fresh(host, NODE_CPU_USAGE, { node })[0];
  const memory = fresh(host, NODE_MEMORY_WORKING_SET, { node })[0];
  return cpu && memory ? { cpu: cpu.value, memory: memory.value } : undefined;
}

/** Per container of one pod, by container name. */
export function containerUsage(host: KubectlHost, namespace: string, pod: string): Map<string, Usage> {
  const out = new Map<string, Usage>();
  const memory = new Map(fresh(host, CONTAINER_MEMORY_WORKING_SET, { namespace, pod }).map((s) => [s.labels.container!, s.value]));
  for (const s of fresh(host, CONTAINER_CPU_USAGE, { namespace, pod })) {
    const m = memory.get(s.labels.container!);
    if (m !== undefined) out.set(s.labels.container!, { cpu: s.value, memory: m });
  }
  return out;
}

/** printSingleResourceUsage: cpu as `250m` (MilliValue, rounded up), memory as `64Mi` (whole mebibytes). */
export const cpuText = (millicores: number): string => `${Math.ceil(millicores)}m`;
export const memoryText = (bytes: number): string => `${Math.floor(bytes / (1024 * 1024))}Mi`;
