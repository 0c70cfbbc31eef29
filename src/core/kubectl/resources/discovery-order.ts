import type { ResourceType } from '../../api/resource-types';

/**
 * The order in which the API server's discovery lists resources: the core group first, then the
 * named groups in the API server's order, resources by plural name within a group. `api-resources`
 * prints in this order, and category expansion (`get all`) follows it, which is why `kubectl get
 * all` shows pods, services, daemon sets, deployments, replica sets, stateful sets, autoscalers,
 * cron jobs and jobs in that order.
 */
const GROUP_ORDER = ['', 'apps', 'events.k8s.io', 'autoscaling', 'batch', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'scheduling.k8s.io', 'resource.k8s.io'];

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function discoveryOrder(a: ResourceType, b: ResourceType): number {
  const ga = GROUP_ORDER.indexOf(a.group);
  const gb = GROUP_ORDER.indexOf(b.group);
  const ra = ga < 0 ? GROUP_ORDER.length : ga;
  const rb = gb < 0 ? GROUP_ORDER.length : gb;
  if (ra !== rb) return ra - rb;
  if (a.group !== b.group) return compareText(a.group, b.group);
  return compareText(a.plural, b.plural);
}
