import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { horizontalPodAutoscalerSchema } from '../schema/autoscaling';
import { validateHorizontalPodAutoscaler } from '../validation/autoscaling';
import { keepStatus, resetStatus } from './status-subresource';
import type { KindStrategy } from './strategy';

/** SetDefaults_HorizontalPodAutoscaler: minReplicas 1, and 80 % CPU utilisation when no metric is given. */
function defaultHpa(hpa: HorizontalPodAutoscaler): void {
  const spec = hpa.spec;
  if (!spec) return;
  spec.minReplicas ??= 1;
  if (!spec.metrics || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
}

export const horizontalPodAutoscalerStrategy: KindStrategy<HorizontalPodAutoscaler> = {
  type: { kind: 'HorizontalPodAutoscaler', group: 'autoscaling', version: 'v2', plural: 'horizontalpodautoscalers', singular: 'horizontalpodautoscaler', shortNames: ['hpa'], namespaced: true, categories: ['all'] },
  schema: horizontalPodAutoscalerSchema,
  nameRule: 'subdomain',
  prepareForCreate: (hpa) => {
    resetStatus(hpa, { currentReplicas: 0, desiredReplicas: 0 });
    defaultHpa(hpa);
  },
  prepareForUpdate: (hpa, old) => {
    keepStatus(hpa, old);
    defaultHpa(hpa);
  },
  validate: validateHorizontalPodAutoscaler,
};
