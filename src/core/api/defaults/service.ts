import type { Service, ServicePort } from 'kubernetes-types/core/v1';

/** SetDefaults_Service and the Service REST strategy's defaults. */
export function defaultService(svc: Service): void {
  const spec = (svc.spec ??= {});
  spec.type ??= 'ClusterIP';
  if (spec.type === 'ExternalName') return;
  spec.sessionAffinity ??= 'None';
  spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  for (const p of spec.ports ?? []) defaultServicePort(p);
}

function defaultServicePort(p: ServicePort): void {
  p.protocol ??= 'TCP';
  p.targetPort ??= p.port;
}

/** Whether a Service's ports get node ports. */
export function needsNodePorts(svc: Service): boolean {
  const t = svc.spec?.type;
  return t === 'NodePort' || (t === 'LoadBalancer' && svc.spec?.allocateLoadBalancerNodePorts !== false);
}
