import type { Service } from 'kubernetes-types/core/v1';
import type { Rng } from '../engine/rng';
import type { ObjectStore } from '../store/object-store';

/**
 * The API server's Service allocators. ClusterIPs come from the service CIDR (kubeadm's default
 * 10.96.0.0/12); dynamically allocated IPs are drawn at random from the upper part of the range,
 * keeping the lower part for static choices (ServiceIPStaticSubrange), so clusters show addresses
 * such as 10.104.23.187. Node ports come from 30000-32767, also at random.
 */
export const SERVICE_CIDR = '10.96.0.0/12';
const CIDR_BASE = ipToNumber('10.96.0.0');
const CIDR_SIZE = 2 ** 20;
/** The static subrange: min(max(16, size/16), 256) addresses at the bottom of the range. */
const STATIC_SUBRANGE = 256;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
/** The `kubernetes` Service always has the first address of the range. */
export const KUBERNETES_SERVICE_IP = numberToIp(CIDR_BASE + 1);

export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
}

export function inServiceRange(ip: string): boolean {
  const n = ipToNumber(ip);
  return n > CIDR_BASE && n < CIDR_BASE + CIDR_SIZE - 1;
}

function allocated(store: ObjectStore): { ips: Set<string>; ports: Set<number> } {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const svc of store.list<Service>('Service')) {
    for (const ip of svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : [])) ips.add(ip);
    for (const p of svc.spec?.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
  }
  return { ips, ports };
}

export function isClusterIPTaken(store: ObjectStore, ip: string): boolean {
  return allocated(store).ips.has(ip);
}

export function isNodePortTaken(store: ObjectStore, port: number): boolean {
  return allocated(store).ports.has(port);
}

export function allocateClusterIP(store: ObjectStore, rng: Rng): string {
  const taken = allocated(store).ips;
  for (;;) {
    const ip = numberToIp(CIDR_BASE + STATIC_SUBRANGE + rng.int(CIDR_SIZE - STATIC_SUBRANGE - 1));
    if (!taken.has(ip)) return ip;
  }
}

export function allocateNodePort(store: ObjectStore, rng: Rng, alsoTaken: ReadonlySet<number> = new Set()): number {
  const taken = allocated(store).ports;
  for (;;) {
    const port = NODE_PORT_MIN + rng.int(NODE_PORT_MAX - NODE_PORT_MIN + 1);
    if (!taken.has(port) && !alsoTaken.has(port)) return port;
  }
}
