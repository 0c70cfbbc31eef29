import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Stored } from '../../api/types';
import type { ObjectStore } from '../../store/object-store';
import { formatLabels } from '../printers/kinds/table-printer';
import { eventsFor, writeEvents } from './events';
import { DescribeWriter, writeAnnotations, writeLabels } from './writer';

/**
 * formatEndpointSlices: the ready endpoints of one service port as `ip:port`, three at most then
 * `+ N more...`; `<none>` without slices, empty when none is ready.
 */
function endpointsText(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const s of slices) {
    const ready = (s.endpoints ?? []).filter((e) => e.conditions?.ready !== false);
    if (!s.ports?.length) {
      for (const e of ready) {
        count++;
        if (list.length < 3) list.push(e.addresses[0]!);
      }
      continue;
    }
    for (const p of s.ports) {
      if ((p.name ?? '') !== portName) continue;
      for (const e of ready) {
        count++;
        if (list.length < 3) list.push(`${e.addresses[0]}:${p.port}`);
      }
    }
  }
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

/** `kubectl describe service` (describeService). */
export function describeService(store: ObjectStore, svc: Stored<Service>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  const spec = svc.spec ?? {};
  const slices = store.list<EndpointSlice>('EndpointSlice', svc.metadata.namespace).filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
  w.line(0, `Name:\t${svc.metadata.name}`);
  w.line(0, `Namespace:\t${svc.metadata.namespace}`);
  writeLabels(w, 'Labels', svc.metadata.labels);
  writeAnnotations(w, svc.metadata.annotations);
  w.line(0, `Selector:\t${formatLabels(spec.selector)}`);
  w.line(0, `Type:\t${spec.type ?? ''}`);
  if (spec.ipFamilyPolicy) w.line(0, `IP Family Policy:\t${spec.ipFamilyPolicy}`);
  w.line(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}`);
  w.line(0, `IP:\t${spec.clusterIP ?? ''}`);
  w.line(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}`);
  if (spec.externalIPs?.length) w.line(0, `External IPs:\t${spec.externalIPs.join(',')}`);
  if (spec.loadBalancerIP) w.line(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}`);
  if (spec.externalName) w.line(0, `External Name:\t${spec.externalName}`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) w.line(0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? ''))).join(', ')}`);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    w.line(0, `Port:\t${name}\t${p.port}/${p.protocol ?? 'TCP'}`);
    w.line(0, `TargetPort:\t${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`);
    if (p.nodePort) w.line(0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol ?? 'TCP'}`);
    w.line(0, `Endpoints:\t${endpointsText(slices, p.name ?? '')}`);
  }
  w.line(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}`);
  if (spec.externalTrafficPolicy) w.line(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.internalTrafficPolicy) w.line(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  if (spec.healthCheckNodePort) w.line(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}`);
  if (spec.loadBalancerSourceRanges?.length) w.line(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}`);
  if (showEvents) writeEvents(w, eventsFor(store, 'Service', svc.metadata.name, svc.metadata.namespace, svc.metadata.uid), nowMs);
  return w.toString();
}
