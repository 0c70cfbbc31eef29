import { arrayOf, int, object, quantity, str } from './dsl';
import { labelSelector, statusAny, topLevel } from './meta';

/** Schema of HorizontalPodAutoscaler (autoscaling/v2). */

const target = object('MetricTarget', 'The target value.', {
  type: str('Utilization, Value or AverageValue.', ['Utilization', 'Value', 'AverageValue']),
  value: quantity('Target value of the metric.'),
  averageValue: quantity('Target value averaged over pods.'),
  averageUtilization: int('Target percentage of the pods\' resource request.'),
}, ['type']);

const metricIdentifier = object('MetricIdentifier', 'A metric by name and selector.', {
  name: str('Metric name.'),
  selector: labelSelector,
}, ['name']);

const crossVersionObjectReference = object('CrossVersionObjectReference', 'The object scaled or measured.', {
  apiVersion: str('API version of the object.'),
  kind: str('Kind of the object, e.g. Deployment.'),
  name: str('Name of the object.'),
}, ['kind', 'name']);

const metricSpec = object('MetricSpec', 'One metric to scale on.', {
  type: str('Resource, Pods, Object, ContainerResource or External.', ['Resource', 'Pods', 'Object', 'ContainerResource', 'External']),
  resource: object('ResourceMetricSource', "A resource of the pods (cpu, memory) as a share of their request.", { name: str('cpu or memory.'), target }, ['name', 'target']),
  containerResource: object('ContainerResourceMetricSource', 'A resource of one container of the pods.', { name: str('Resource.'), container: str('Container name.'), target }, ['name', 'container', 'target']),
  pods: object('PodsMetricSource', 'A metric of each pod, averaged.', { metric: metricIdentifier, target }, ['metric', 'target']),
  object: object('ObjectMetricSource', 'A metric of one object (e.g. requests per second on an Ingress).', { describedObject: crossVersionObjectReference, metric: metricIdentifier, target }, ['describedObject', 'metric', 'target']),
  external: object('ExternalMetricSource', 'A metric from outside the cluster.', { metric: metricIdentifier, target }, ['metric', 'target']),
}, ['type']);

const scalingRules = object('HPAScalingRules', 'Rules for one direction.', {
  stabilizationWindowSeconds: int('Seconds of past recommendations considered. Default 0 up, 300 down.'),
  selectPolicy: str('Max, Min or Disabled. Default Max.', ['Max', 'Min', 'Disabled']),
  policies: arrayOf(object('HPAScalingPolicy', 'A limit on change per period.', {
    type: str('Pods or Percent.', ['Pods', 'Percent']),
    value: int('Amount of change.'),
    periodSeconds: int('Period the amount applies to (1-1800).'),
  }, ['type', 'value', 'periodSeconds']), 'Policies.'),
  tolerance: quantity('Relative change below which no scaling happens. Default 0.1.'),
});

export const horizontalPodAutoscalerSchema = topLevel('HorizontalPodAutoscaler', 'Scales a workload between min and max replicas to keep metrics at their targets.', {
  spec: object('HorizontalPodAutoscalerSpec', 'The target and the metrics.', {
    scaleTargetRef: crossVersionObjectReference,
    minReplicas: int('Lower bound. Default 1.'),
    maxReplicas: int('Upper bound.'),
    metrics: arrayOf(metricSpec, 'Metrics to scale on; the largest recommendation wins. Default 80% CPU utilisation.'),
    behavior: object('HorizontalPodAutoscalerBehavior', 'Scaling speed and stabilisation.', { scaleUp: scalingRules, scaleDown: scalingRules }),
  }, ['scaleTargetRef', 'maxReplicas']),
  status: statusAny,
});

