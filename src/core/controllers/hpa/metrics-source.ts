import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/types';
import type { MetricsStore } from '../../metrics/metrics-store';
import { CONTAINER_CPU_USAGE, CONTAINER_MEMORY_WORKING_SET } from '../../metrics/series';

/**
 * Where the HPA reads metrics, standing in for the metrics APIs:
 * - resource metrics (metrics.k8s.io): the kubelet's container series, summed per pod
 *   (`container_cpu_usage_millicores`, `container_memory_working_set_bytes`, labels
 *   namespace/pod/container/node);
 * - Pods metrics (custom.metrics.k8s.io, per pod): a series named after the metric with labels
 *   `{namespace, pod}` (plus the metric selector's labels);
 * - Object metrics (custom.metrics.k8s.io, per object): a series named after the metric with
 *   labels `{namespace, kind, name}` of the described object;
 * - External metrics (external.metrics.k8s.io): a series named after the metric, matched by the
 *   selector's labels, summed.
 * Only samples from the last minute count, as a metrics adapter serves only recent values.
 */
export const METRIC_FRESHNESS_MS = 60_000;

export interface PodMetric {
  readonly value: number;
  readonly timeMs: number;
}

function latestSum(metrics: MetricsStore, name: string, labels: Record<string, string>, nowMs: number): PodMetric | undefined {
  let value = 0;
  let timeMs = -Infinity;
  let found = false;
  for (const s of metrics.latest(name, labels)) {
    if (s.timeMs < nowMs - METRIC_FRESHNESS_MS) continue;
    value += s.value;
    timeMs = Math.max(timeMs, s.timeMs);
    found = true;
  }
  return found ? { value, timeMs } : undefined;
}

/** CPU in millicores or memory in bytes, per pod (optionally one container). */
export function resourceMetric(metrics: MetricsStore, resource: string, pod: Stored<Pod>, nowMs: number, container?: string): PodMetric | undefined {
  const name = resource === 'cpu' ? CONTAINER_CPU_USAGE : resource === 'memory' ? CONTAINER_MEMORY_WORKING_SET : undefined;
  if (!name) return undefined;
  const labels: Record<string, string> = { namespace: pod.metadata.namespace!, pod: pod.metadata.name };
  if (container) labels.container = container;
  return latestSum(metrics, name, labels, nowMs);
}

export function podsMetric(metrics: MetricsStore, metric: string, pod: Stored<Pod>, extra: Record<string, string>, nowMs: number): PodMetric | undefined {
  return latestSum(metrics, metric, { ...extra, namespace: pod.metadata.namespace!, pod: pod.metadata.name }, nowMs);
}

export function objectMetric(metrics: MetricsStore, metric: string, namespace: string, kind: string, name: string, nowMs: number): PodMetric | undefined {
  return latestSum(metrics, metric, { namespace, kind, name }, nowMs);
}

export function externalMetric(metrics: MetricsStore, metric: string, labels: Record<string, string>, nowMs: number): PodMetric | undefined {
  return latestSum(metrics, metric, labels, nowMs);
}
