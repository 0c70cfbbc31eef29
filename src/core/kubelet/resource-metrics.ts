import { CONTAINER_CPU_USAGE, CONTAINER_MEMORY_WORKING_SET, NODE_CPU_USAGE, NODE_MEMORY_WORKING_SET } from '../metrics/series';
import type { Labels, MetricsStore } from '../metrics/metrics-store';
import type { NodeUse } from './node-usage';
import type { ResourceUse } from './process-runner';

/**
 * The kubelet's resource metrics (what metrics-server scrapes from /metrics/resource every
 * RESOURCE_METRICS_INTERVAL_MS): per-container CPU and working-set memory, and the node's totals.
 * `kubectl top` and the HPA read these series.
 */
export interface PodSample {
  readonly namespace: string;
  readonly pod: string;
  readonly containers: readonly { readonly container: string; readonly use: ResourceUse }[];
}

export function publishResourceMetrics(metrics: MetricsStore, node: string, nowMs: number, pods: readonly PodSample[], total: NodeUse, labels: (p: PodSample, container: string) => Labels): void {
  for (const p of pods) {
    for (const c of p.containers) {
      const l = labels(p, c.container);
      metrics.record(CONTAINER_CPU_USAGE, l, c.use.cpuMillis, nowMs);
      metrics.record(CONTAINER_MEMORY_WORKING_SET, l, c.use.memoryBytes, nowMs);
    }
  }
  metrics.record(NODE_CPU_USAGE, { node }, total.cpuMillis, nowMs);
  metrics.record(NODE_MEMORY_WORKING_SET, { node }, total.memoryWorkingSetBytes, nowMs);
}

/** A pod is gone: its series go too, as metrics-server stops reporting it. */
export function dropPodMetrics(metrics: MetricsStore, namespace: string, pod: string): void {
  metrics.drop(CONTAINER_CPU_USAGE, { namespace, pod });
  metrics.drop(CONTAINER_MEMORY_WORKING_SET, { namespace, pod });
}
