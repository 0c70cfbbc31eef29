import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerCondition, HorizontalPodAutoscalerStatus, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import { deepEqual } from '../../api/clone';
import { formatQuantity, quantityValue } from '../../api/quantity';
import type { Stored } from '../../api/types';
import { rfc3339 } from '../../engine/time';
import type { SimContext } from '../../sim-context';
import { ApiError } from '../../store/api-error';
import { Controller } from '../controller';
import { splitKey } from '../keys';
import { isPodActive, isPodReady } from '../pods';
import { getScale, type Scale, setScale } from '../scale';
import type { Requeue } from '../work-queue';
import { limitRate, type Recommendation, rules, type ScaleEvent, stabilize } from './behavior';
import { externalMetric, objectMetric, podsMetric, resourceMetric } from './metrics-source';
import { averageValueReplicas, type Calculation, MetricError, objectValueReplicas, resourceUtilizationReplicas, totalAverageReplicas } from './replica-calculator';

/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000;

type Hpa = Stored<HorizontalPodAutoscaler>;

interface Proposal {
  readonly replicas: number;
  readonly name: string;
  readonly status: MetricStatus;
}

/**
 * The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler, autoscaling/v2): every
 * 15 s, for each metric, compute the replicas that would bring it to its target; take the
 * largest; stabilise and rate-limit it with the behaviour; clamp to min/max; and set the
 * target's scale. Conditions and events are worded as upstream's.
 */
export class HorizontalPodAutoscalerController extends Controller {
  private readonly recommendations = new Map<string, Recommendation[]>();
  private readonly scaleEvents = new Map<string, ScaleEvent[]>();

  constructor(ctx: SimContext) {
    super(ctx, 'horizontal-pod-autoscaler');
    this.watchOwn('HorizontalPodAutoscaler');
  }

  reconcile(key: string): Requeue | void {
    const { namespace, name } = splitKey(key);
    const hpa = this.ctx.store.get<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', name, namespace);
    if (!hpa) {
      this.recommendations.delete(key);
      this.scaleEvents.delete(key);
      return;
    }
    this.sync(key, hpa);
    return { requeueAfterMs: HPA_SYNC_PERIOD_MS };
  }

  private sync(key: string, hpa: Hpa): void {
    const nowMs = this.ctx.clock.now();
    const now = rfc3339(nowMs);
    const ref = hpa.spec!.scaleTargetRef;
    const ns = hpa.metadata.namespace!;
    let scale: Scale;
    try {
      scale = getScale(this.ctx.store, ref.kind, ref.name, ns);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const msg = `the HPA controller was unable to get the target's current scale: ${e.message}`;
      this.event(hpa, 'Warning', 'FailedGetScale', e.message);
      return this.writeStatus(hpa, { currentReplicas: hpa.status?.currentReplicas ?? 0, desiredReplicas: hpa.status?.desiredReplicas ?? 0 }, [cond('AbleToScale', 'False', 'FailedGetScale', msg, now)]);
    }
    const current = scale.replicas;
    const min = hpa.spec!.minReplicas ?? 1;
    const max = hpa.spec!.maxReplicas;
    if (current === 0 && min !== 0) {
      return this.writeStatus(hpa, { currentReplicas: 0, desiredReplicas: 0 }, [
        cond('AbleToScale', 'True', 'SucceededGetScale', 'the HPA controller was able to get the target\'s current scale', now),
        cond('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now),
      ]);
    }
    const pods = scale.selector ? this.ctx.store.select<Pod>('Pod', ns, scale.selector).filter(isPodActive) : [];
    const proposals: Proposal[] = [];
    const errors: { reason: string; message: string }[] = [];
    for (const spec of hpa.spec!.metrics ?? []) {
      try {
        proposals.push(this.computeMetric(spec, current, pods, ns, nowMs));
      } catch (e) {
        if (!(e instanceof MetricError)) throw e;
        errors.push({ reason: failureReason(spec), message: `${failureWhat(spec)}: ${e.message}` });
      }
    }
    if (proposals.length === 0) {
      const err = errors[0] ?? { reason: 'FailedGetResourceMetric', message: 'no metrics' };
      this.event(hpa, 'Warning', err.reason, err.message);
      return this.writeStatus(hpa, { currentReplicas: current, desiredReplicas: hpa.status?.desiredReplicas ?? current, currentMetrics: hpa.status?.currentMetrics }, [
        cond('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now),
        cond('ScalingActive', 'False', err.reason, `the HPA was unable to compute the replica count: ${err.message}`, now),
      ]);
    }
    // The largest recommendation wins.
    let best = proposals[0]!;
    for (const p of proposals) if (p.replicas > best.replicas) best = p;
    const { up, down } = rules(hpa.spec!.behavior);
    const history = this.recommendations.get(key) ?? [];
    this.recommendations.set(key, history);
    const stable = stabilize(history, best.replicas, current, nowMs, up, down);
    const events = (this.scaleEvents.get(key) ?? []).filter((e) => e.atMs > nowMs - 1800_000);
    const limited = limitRate(stable.replicas, current, events, nowMs, min, max, up, down);
    const desired = limited.replicas;

    const conditions: HorizontalPodAutoscalerCondition[] = [];
    let ableReason = 'ReadyForNewScale';
    let ableMessage = 'recommended size matches current size';
    if (stable.stabilized && desired === current) {
      ableReason = 'ScaleDownStabilized';
      ableMessage = 'recent recommendations were higher than current one, applying the highest recent recommendation';
    }
    let lastScaleTime = hpa.status?.lastScaleTime;
    if (desired !== current) {
      setScale(this.ctx.store, ref.kind, ref.name, ns, desired);
      const reason = desired > current ? `${best.name} above target` : 'All metrics below target';
      this.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
      this.scaleEvents.set(key, [...events, { atMs: nowMs, change: desired - current }]);
      lastScaleTime = now;
      ableReason = 'SucceededRescale';
      ableMessage = `the HPA controller was able to update the target scale to ${desired}`;
    }
    conditions.push(cond('AbleToScale', 'True', ableReason, ableMessage, now));
    conditions.push(cond('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${best.name}`, now));
    conditions.push(limitedCondition(limited.limitedBy, now));
    const status: HorizontalPodAutoscalerStatus = { currentReplicas: current, desiredReplicas: desired, currentMetrics: proposals.map((p) => p.status) };
    if (lastScaleTime) status.lastScaleTime = lastScaleTime;
    this.writeStatus(hpa, status, conditions);
  }

  private computeMetric(spec: MetricSpec, current: number, pods: Stored<Pod>[], ns: string, nowMs: number): Proposal {
    const metrics = this.ctx.metrics;
    switch (spec.type) {
      case 'Resource':
      case 'ContainerResource': {
        const src = spec.type === 'Resource' ? spec.resource! : spec.containerResource!;
        const container = spec.type === 'ContainerResource' ? spec.containerResource!.container : undefined;
        const of = (p: Stored<Pod>) => resourceMetric(metrics, src.name, p, nowMs, container);
        const label = `${src.name} ${spec.type === 'Resource' ? 'resource' : `container resource`}`;
        if (src.target.type === 'Utilization') {
          const calc = resourceUtilizationReplicas(current, src.target.averageUtilization ?? 80, src.name, pods, of, nowMs, container);
          const avg = averageOf(pods, of);
          return proposal(calc, `${label} utilization (percentage of request)`, {
            type: spec.type,
            [spec.type === 'Resource' ? 'resource' : 'containerResource']: { name: src.name, ...(container ? { container } : {}), current: { averageUtilization: calc.current, averageValue: quantityText(src.name, avg) } },
          } as MetricStatus);
        }
        const target = quantityValue(src.target.averageValue as string) * (src.name === 'cpu' ? 1000 : 1);
        const calc = averageValueReplicas(current, target, pods, of, nowMs, src.name === 'cpu');
        return proposal(calc, label, { type: spec.type, [spec.type === 'Resource' ? 'resource' : 'containerResource']: { name: src.name, current: { averageValue: quantityText(src.name, calc.current) } } } as MetricStatus);
      }
      case 'Pods': {
        const m = spec.pods!;
        const of = (p: Stored<Pod>) => podsMetric(metrics, m.metric.name, p, m.metric.selector?.matchLabels ?? {}, nowMs);
        const calc = averageValueReplicas(current, quantityValue(m.target.averageValue as string), pods, of, nowMs, false);
        return proposal(calc, `pods metric ${m.metric.name}`, { type: 'Pods', pods: { metric: { name: m.metric.name }, current: { averageValue: formatQuantity(calc.current) } } });
      }
      case 'Object': {
        const m = spec.object!;
        const sample = objectMetric(metrics, m.metric.name, ns, m.describedObject.kind, m.describedObject.name, nowMs);
        if (!sample) throw new MetricError(`unable to get metric ${m.metric.name}: ${m.describedObject.kind} on ${ns} ${m.describedObject.name}/unable to fetch metrics from custom metrics API: no metrics returned`);
        const calc =
          m.target.type === 'AverageValue'
            ? totalAverageReplicas(current, sample.value, quantityValue(m.target.averageValue as string))
            : objectValueReplicas(current, sample.value, quantityValue(m.target.value as string), pods.filter(isPodReady).length);
        const value = m.target.type === 'AverageValue' ? { averageValue: formatQuantity(calc.current) } : { value: formatQuantity(sample.value) };
        return proposal(calc, `${m.describedObject.kind} metric ${m.metric.name}`, { type: 'Object', object: { describedObject: m.describedObject, metric: { name: m.metric.name }, current: value } });
      }
      case 'External': {
        const m = spec.external!;
        const sample = externalMetric(metrics, m.metric.name, m.metric.selector?.matchLabels ?? {}, nowMs);
        if (!sample) throw new MetricError(`unable to get external metric ${ns}/${m.metric.name}/${JSON.stringify(m.metric.selector ?? {})}: no metrics returned from external metrics API`);
        const calc =
          m.target.type === 'AverageValue'
            ? totalAverageReplicas(current, sample.value, quantityValue(m.target.averageValue as string))
            : objectValueReplicas(current, sample.value, quantityValue(m.target.value as string), pods.filter(isPodReady).length);
        return proposal(calc, `external metric ${m.metric.name}`, { type: 'External', external: { metric: { name: m.metric.name }, current: { value: formatQuantity(sample.value) } } });
      }
      default:
        throw new MetricError(`unknown metric source type ${JSON.stringify(spec.type)}`);
    }
  }

  private writeStatus(hpa: Hpa, status: HorizontalPodAutoscalerStatus, conditions: HorizontalPodAutoscalerCondition[]): void {
    const old = hpa.status?.conditions ?? [];
    // lastTransitionTime only moves when a condition's status flips.
    const merged = conditions.map((c) => {
      const prev = old.find((o) => o.type === c.type);
      return prev && prev.status === c.status ? { ...c, lastTransitionTime: prev.lastTransitionTime } : c;
    });
    const next: HorizontalPodAutoscalerStatus = { ...status, conditions: merged, observedGeneration: hpa.metadata.generation };
    if (!next.currentMetrics) delete next.currentMetrics;
    if (deepEqual(next, hpa.status ?? {})) return;
    this.ctx.store.patchStatus<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', hpa.metadata.name, hpa.metadata.namespace, (d) => {
      (d as { status?: HorizontalPodAutoscalerStatus }).status = next;
    });
  }
}

function proposal(calc: Calculation, name: string, status: MetricStatus): Proposal {
  return { replicas: calc.replicas, name, status };
}

function averageOf(pods: readonly Stored<Pod>[], of: (p: Stored<Pod>) => { value: number } | undefined): number {
  const values = pods.map(of).filter((v): v is { value: number; timeMs: number } => v !== undefined);
  return values.length ? values.reduce((s, v) => s + v.value, 0) / values.length : 0;
}

/** CPU is measured in millicores; memory and the rest in base units. */
function quantityText(resource: string, value: number): string {
  return resource === 'cpu' ? formatQuantity(Math.round(value) / 1000) : formatQuantity(Math.round(value), 'BinarySI');
}

function cond(type: string, status: 'True' | 'False', reason: string, message: string, now: string): HorizontalPodAutoscalerCondition {
  return { type, status, lastTransitionTime: now, reason, message };
}

function limitedCondition(limitedBy: string | undefined, now: string): HorizontalPodAutoscalerCondition {
  switch (limitedBy) {
    case 'TooManyReplicas':
      return cond('ScalingLimited', 'True', 'TooManyReplicas', 'the desired replica count is more than the maximum replica count', now);
    case 'TooFewReplicas':
      return cond('ScalingLimited', 'True', 'TooFewReplicas', 'the desired replica count is less than the minimum replica count', now);
    case 'ScaleUpLimit':
      return cond('ScalingLimited', 'True', 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate', now);
    case 'ScaleDownLimit':
      return cond('ScalingLimited', 'True', 'ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate', now);
    default:
      return cond('ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range', now);
  }
}

function failureReason(spec: MetricSpec): string {
  switch (spec.type) {
    case 'Resource':
      return 'FailedGetResourceMetric';
    case 'ContainerResource':
      return 'FailedGetContainerResourceMetric';
    case 'Pods':
      return 'FailedGetPodsMetric';
    case 'Object':
      return 'FailedGetObjectMetric';
    default:
      return 'FailedGetExternalMetric';
  }
}

function failureWhat(spec: MetricSpec): string {
  if (spec.type === 'Resource' || spec.type === 'ContainerResource') {
    const name = (spec.resource ?? spec.containerResource)?.name ?? '';
    return `failed to get ${name} utilization`;
  }
  if (spec.type === 'Pods') return `failed to get pods metric value`;
  if (spec.type === 'Object') return `failed to get object metric value`;
  return `failed to get external metric value`;
}
