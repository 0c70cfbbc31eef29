import type { Pod } from 'kubernetes-types/core/v1';
import { amountOf } from '../../api/pod-resources';
import type { Stored } from '../../api/types';
import { parseTimestamp } from '../../engine/time';
import { isPodReady } from '../pods';
import type { PodMetric } from './metrics-source';

/**
 * The HPA's replica calculator (pkg/controller/podautoscaler/replica_calculator.go):
 * desired = ceil(current × usage / target), unless the ratio is within the tolerance of 1.
 * Pods without metrics count as using 100 % of the target when scaling down and 0 % when scaling
 * up; for CPU, pods not yet ready count as 0 % when scaling up. A recommendation that flips
 * direction because of those assumptions is dropped.
 */
export const DEFAULT_TOLERANCE = 0.1;
/** cpuInitializationPeriod and delayOfInitialReadinessStatus. */
const CPU_INITIALIZATION_MS = 5 * 60_000;
const INITIAL_READINESS_DELAY_MS = 30_000;
/** The metrics window a CPU sample covers (metrics-server). */
const METRIC_WINDOW_MS = 30_000;

export interface Calculation {
  readonly replicas: number;
  /** The current value kubectl shows: utilisation percent, or the raw average / value. */
  readonly current: number;
}

export class MetricError extends Error {}

interface Sample {
  readonly pod: Stored<Pod>;
  readonly metric: PodMetric;
}

/** GetResourceReplicas for a Utilization target: usage as a percentage of the pods' requests. */
export function resourceUtilizationReplicas(
  currentReplicas: number,
  targetUtilization: number,
  resource: string,
  pods: readonly Stored<Pod>[],
  metricOf: (pod: Stored<Pod>) => PodMetric | undefined,
  nowMs: number,
  container?: string,
  tolerance = DEFAULT_TOLERANCE,
): Calculation {
  const requests = new Map<string, number>();
  for (const pod of pods) requests.set(pod.metadata.uid, podRequest(pod, resource, container));
  return plainReplicas(currentReplicas, pods, metricOf, nowMs, resource === 'cpu', tolerance, (samples) => {
    let usage = 0;
    let request = 0;
    for (const s of samples) {
      usage += s.metric.value;
      request += requests.get(s.pod.metadata.uid) ?? 0;
    }
    if (request === 0) throw new MetricError(`no metrics returned matched known pods`);
    const utilization = (usage * 100) / request;
    return { ratio: utilization / targetUtilization, current: Math.round(utilization) };
  }, (pod) => ((requests.get(pod.metadata.uid) ?? 0) * targetUtilization) / 100);
}

/** GetRawResourceReplicas / GetMetricReplicas for an AverageValue target. */
export function averageValueReplicas(
  currentReplicas: number,
  targetAverage: number,
  pods: readonly Stored<Pod>[],
  metricOf: (pod: Stored<Pod>) => PodMetric | undefined,
  nowMs: number,
  cpu: boolean,
  tolerance = DEFAULT_TOLERANCE,
): Calculation {
  return plainReplicas(currentReplicas, pods, metricOf, nowMs, cpu, tolerance, (samples) => {
    const avg = samples.reduce((s, x) => s + x.metric.value, 0) / samples.length;
    return { ratio: avg / targetAverage, current: avg };
  }, () => targetAverage);
}

function plainReplicas(
  currentReplicas: number,
  pods: readonly Stored<Pod>[],
  metricOf: (pod: Stored<Pod>) => PodMetric | undefined,
  nowMs: number,
  cpu: boolean,
  tolerance: number,
  ratioOf: (samples: Sample[]) => { ratio: number; current: number },
  fullUsage: (pod: Stored<Pod>) => number,
): Calculation {
  if (pods.length === 0) throw new MetricError('no pods returned by selector while calculating replica count');
  const ready: Sample[] = [];
  const unready: Stored<Pod>[] = [];
  const missing: Stored<Pod>[] = [];
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') continue;
    const metric = metricOf(pod);
    if (!metric) {
      missing.push(pod);
      continue;
    }
    if (cpu && isUnready(pod, metric, nowMs)) unready.push(pod);
    else ready.push({ pod, metric });
  }
  if (ready.length === 0) throw new MetricError('did not receive metrics for targeted pods (pods might be unready)');
  const { ratio, current } = ratioOf(ready);
  const rebalanceIgnored = unready.length > 0 && ratio > 1;
  if (!rebalanceIgnored && missing.length === 0) {
    if (Math.abs(1 - ratio) <= tolerance) return { replicas: currentReplicas, current };
    return { replicas: Math.ceil(ratio * ready.length), current };
  }
  // Fill in the pods we could not count, in the direction that damps the change.
  const extended: Sample[] = [...ready];
  for (const pod of missing) extended.push({ pod, metric: { value: ratio < 1 ? fullUsage(pod) : 0, timeMs: nowMs } });
  if (rebalanceIgnored) for (const pod of unready) extended.push({ pod, metric: { value: 0, timeMs: nowMs } });
  const newRatio = ratioOf(extended).ratio;
  if (Math.abs(1 - newRatio) <= tolerance || (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1)) return { replicas: currentReplicas, current };
  const replicas = Math.ceil(newRatio * extended.length);
  if ((newRatio < 1 && replicas > currentReplicas) || (newRatio > 1 && replicas < currentReplicas)) return { replicas: currentReplicas, current };
  return { replicas, current };
}

/** groupPods' readiness rule for CPU: a pod starting up, or whose sample predates its readiness, is unready. */
function isUnready(pod: Stored<Pod>, metric: PodMetric, nowMs: number): boolean {
  const cond = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const start = pod.status?.startTime ? parseTimestamp(pod.status.startTime) : undefined;
  if (!cond || start === undefined) return true;
  const transition = cond.lastTransitionTime ? parseTimestamp(cond.lastTransitionTime) : start;
  if (start + CPU_INITIALIZATION_MS > nowMs) return !isPodReady(pod) || metric.timeMs < transition + METRIC_WINDOW_MS;
  return cond.status === 'False' && start + INITIAL_READINESS_DELAY_MS > transition;
}

/** The pod's request for a resource, summed over its containers (or one container). */
function podRequest(pod: Pod, resource: string, container?: string): number {
  let total = 0;
  for (const c of pod.spec?.containers ?? []) {
    if (container && c.name !== container) continue;
    const q = c.resources?.requests?.[resource];
    if (q === undefined) throw new MetricError(`missing request for ${resource} in container ${c.name} of Pod ${pod.metadata?.name}`);
    total += amountOf(resource, q as string);
  }
  return total;
}

/** GetObjectMetricReplicas for a Value target, scaled by ready pods. */
export function objectValueReplicas(currentReplicas: number, value: number, target: number, readyPods: number, tolerance = DEFAULT_TOLERANCE): Calculation {
  const ratio = value / target;
  if (Math.abs(1 - ratio) <= tolerance) return { replicas: currentReplicas, current: value };
  return { replicas: Math.ceil(ratio * readyPods), current: value };
}

/** An AverageValue target on an object or external metric: total / target per pod. */
export function totalAverageReplicas(currentReplicas: number, value: number, targetAverage: number, tolerance = DEFAULT_TOLERANCE): Calculation {
  const ratio = value / (targetAverage * currentReplicas);
  if (Math.abs(1 - ratio) <= tolerance) return { replicas: currentReplicas, current: value / currentReplicas };
  return { replicas: Math.ceil(value / targetAverage), current: value / currentReplicas };
}
