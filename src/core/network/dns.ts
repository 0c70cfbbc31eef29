import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ObjectStore } from '../store/object-store';
import { SERVICE_NAME_LABEL } from './endpointslice-controller';

/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers it (the DNS-based service discovery spec):
 * `<svc>.<ns>.svc.cluster.local` is the cluster IP (or, for a headless Service, the addresses of
 * its ready endpoints); `<hostname>.<svc>.<ns>.svc.cluster.local` is one pod of a headless
 * Service (a StatefulSet's stable identity); ExternalName answers with a CNAME. Short names are
 * completed with the pod's search path (`<ns>.svc.cluster.local svc.cluster.local cluster.local`).
 */
export const CLUSTER_DOMAIN = 'cluster.local';

export function serviceDnsName(svc: Pick<Service, 'metadata'>): string {
  return `${svc.metadata?.name}.${svc.metadata?.namespace ?? 'default'}.svc.${CLUSTER_DOMAIN}`;
}

/** The pod's own A record: its IP with dashes, under `<ns>.pod.cluster.local`. */
export function podDnsName(pod: Pod): string | undefined {
  const ip = pod.status?.podIP;
  return ip ? `${ip.replaceAll('.', '-')}.${pod.metadata?.namespace ?? 'default'}.pod.${CLUSTER_DOMAIN}` : undefined;
}

/** The stable name of a pod behind a headless Service (hostname and subdomain set), if any. */
export function podHostnameDnsName(pod: Pod): string | undefined {
  const { hostname, subdomain } = pod.spec ?? {};
  return hostname && subdomain ? `${hostname}.${subdomain}.${pod.metadata?.namespace ?? 'default'}.svc.${CLUSTER_DOMAIN}` : undefined;
}

export type DnsAnswer =
  | { readonly type: 'A'; readonly name: string; readonly addresses: readonly string[] }
  | { readonly type: 'CNAME'; readonly name: string; readonly target: string }
  | { readonly type: 'NXDOMAIN'; readonly name: string };

/** Resolve `name` as a pod in `fromNamespace` would, trying its search path in order. */
export function resolveDns(store: ObjectStore, name: string, fromNamespace = 'default'): DnsAnswer {
  const trimmed = name.replace(/\.$/, '');
  const candidates = trimmed.endsWith(CLUSTER_DOMAIN)
    ? [trimmed]
    : [`${trimmed}.${fromNamespace}.svc.${CLUSTER_DOMAIN}`, `${trimmed}.svc.${CLUSTER_DOMAIN}`, `${trimmed}.${CLUSTER_DOMAIN}`, trimmed];
  for (const fqdn of candidates) {
    const answer = lookup(store, fqdn);
    if (answer) return answer;
  }
  return { type: 'NXDOMAIN', name: trimmed };
}

function lookup(store: ObjectStore, fqdn: string): DnsAnswer | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const parts = fqdn.slice(0, -suffix.length).split('.');
  if (parts.length === 2) {
    const [svcName, ns] = parts as [string, string];
    const svc = store.get<Service>('Service', svcName, ns);
    if (!svc) return undefined;
    if (svc.spec?.type === 'ExternalName') return { type: 'CNAME', name: fqdn, target: svc.spec.externalName ?? '' };
    if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') return { type: 'A', name: fqdn, addresses: [svc.spec.clusterIP] };
    const addresses = readyEndpoints(store, svc).map((e) => e.address);
    return addresses.length ? { type: 'A', name: fqdn, addresses } : undefined;
  }
  if (parts.length === 3) {
    const [hostname, svcName, ns] = parts as [string, string, string];
    const svc = store.get<Service>('Service', svcName, ns);
    if (!svc || svc.spec?.clusterIP !== 'None') return undefined;
    const match = readyEndpoints(store, svc).find((e) => e.hostname === hostname);
    return match ? { type: 'A', name: fqdn, addresses: [match.address] } : undefined;
  }
  return undefined;
}

function readyEndpoints(store: ObjectStore, svc: Service): { address: string; hostname?: string }[] {
  const out: { address: string; hostname?: string }[] = [];
  const ns = svc.metadata?.namespace ?? 'default';
  for (const slice of store.select<EndpointSlice>('EndpointSlice', ns, { matchLabels: { [SERVICE_NAME_LABEL]: svc.metadata?.name ?? '' } })) {
    for (const e of slice.endpoints ?? []) {
      const ready = e.conditions?.ready !== false || svc.spec?.publishNotReadyAddresses;
      if (ready) for (const address of e.addresses) out.push({ address, ...(e.hostname ? { hostname: e.hostname } : {}) });
    }
  }
  return out;
}
