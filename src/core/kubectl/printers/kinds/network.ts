import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { age, columns, formatLabels, type TablePrinter } from './table-printer';

/** The EXTERNAL-IP cell (getServiceExternalIP); load-balancer ingress is clipped to 16 characters unless wide. */
function externalIP(svc: Service, wide: boolean): string {
  const spec = svc.spec ?? {};
  const external = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = [...new Set((svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter((s) => s !== ''))].sort();
      let lb = ingress.join(',');
      if (!wide && lb.length > 16) lb = `${lb.slice(0, 13)}...`;
      if (external.length) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:30080/TCP` with a node port, comma-joined. */
export function servicePorts(svc: Service): string {
  return (svc.spec?.ports ?? []).map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',') || '<none>';
}

/**
 * printService: TYPE CLUSTER-IP EXTERNAL-IP PORT(S); wide adds the SELECTOR. The EXTERNAL-IP cell
 * depends on -o wide, so the printer is built per width.
 */
export const servicePrinter = (wide: boolean): TablePrinter<Service> => ({
  columns: columns(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], ['SELECTOR']),
  cells: (svc, now) => [
    svc.metadata.name,
    svc.spec?.type ?? 'ClusterIP',
    svc.spec?.clusterIPs?.[0] ?? '<none>',
    externalIP(svc, wide),
    servicePorts(svc),
    age(svc, now),
    formatLabels(svc.spec?.selector),
  ],
});

/** listWithMoreString: the first three, then `+ N more...`; `<unset>` for none. */
function listWithMore(items: readonly string[]): string {
  if (items.length === 0) return '<unset>';
  const shown = items.slice(0, 3).join(',');
  return items.length > 3 ? `${shown} + ${items.length - 3} more...` : shown;
}

/** printEndpointSlice: ADDRESSTYPE PORTS ENDPOINTS (three at most, then `+ N more...`). */
export const endpointSlicePrinter: TablePrinter<EndpointSlice> = {
  columns: columns(['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE']),
  cells: (s, now) => [
    s.metadata.name,
    s.addressType,
    listWithMore((s.ports ?? []).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*')))),
    listWithMore((s.endpoints ?? []).flatMap((e) => e.addresses)),
    age(s, now),
  ],
};
