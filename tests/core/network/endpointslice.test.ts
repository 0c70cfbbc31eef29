import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { podDnsName, podHostnameDnsName, resolveDns, serviceDnsName } from '../../../src/core/network/dns';
import { TestCluster } from '../harness';

const APP = (type = 'ClusterIP', extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: "nginx:1.27", ports: [{ name: http, containerPort: 8080 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: ${type}
${extra}
  selector: { app: web }
  ports: [{ port: 80, targetPort: http }]
`;

function slice(c: TestCluster, name = 'web'): EndpointSlice {
  return c.store.select<EndpointSlice>('EndpointSlice', 'default', { matchLabels: { 'kubernetes.io/service-name': name } })[0]!;
}

const readyAddresses = (s: EndpointSlice) => (s.endpoints ?? []).filter((e) => e.conditions?.ready).map((e) => e.addresses[0]).sort();

describe('Services and EndpointSlices', () => {
  it('lists the ready pods, with the named target port resolved', () => {
    const c = new TestCluster();
    c.apply(APP());
    c.advance(60);
    const s = slice(c);
    const podIPs = c.pods().map((p) => p.status?.podIP).sort();
    expect(readyAddresses(s)).toEqual(podIPs);
    expect(s.ports).toEqual([{ name: '', protocol: 'TCP', port: 8080 }]);
    expect(s.addressType).toBe('IPv4');
    expect(s.metadata?.labels).toMatchObject({ 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(s.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true });
  });

  it('follows readiness: a pod that stops being ready leaves the ready endpoints and comes back', () => {
    const c = new TestCluster();
    c.apply(APP());
    c.advance(60);
    const victim = c.pods()[0]!;
    c.setReady(victim.metadata.name, false);
    c.advance(0.01);
    expect(readyAddresses(slice(c))).not.toContain(victim.status?.podIP);
    const ep = slice(c).endpoints!.find((e) => e.addresses[0] === victim.status?.podIP)!;
    expect(ep.conditions).toEqual({ ready: false, serving: false, terminating: false });
    c.setReady(victim.metadata.name, true);
    c.advance(0.01);
    expect(readyAddresses(slice(c))).toContain(victim.status?.podIP);
  });

  it('marks a terminating pod as not ready but still serving', () => {
    const c = new TestCluster();
    c.apply(APP());
    c.advance(60);
    const victim = c.pods()[0]!;
    c.store.delete('Pod', victim.metadata.name, 'default');
    c.advance(0.01);
    const ep = slice(c).endpoints!.find((e) => e.targetRef?.name === victim.metadata.name)!;
    expect(ep.conditions).toEqual({ ready: false, serving: true, terminating: true });
  });

  it('allocates a cluster IP from the service range and node ports for NodePort Services', () => {
    const c = new TestCluster();
    c.apply(APP('NodePort'));
    const svc = c.get<Service>('Service', 'web');
    expect(svc.spec?.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(svc.spec?.clusterIPs).toEqual([svc.spec?.clusterIP]);
    expect(svc.spec?.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(svc.spec?.ports?.[0]?.nodePort).toBeLessThanOrEqual(32767);
    // Applying the same manifest again keeps what was allocated.
    c.apply(APP('NodePort'));
    expect(c.get<Service>('Service', 'web').spec?.ports?.[0]?.nodePort).toBe(svc.spec?.ports?.[0]?.nodePort);
  });

  it.each([
    ['a node port outside the range', 'ports: [{ port: 80, nodePort: 80 }]', 'NodePort', 'The Service "bad" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    ['a cluster IP outside the service range', 'clusterIP: 1.2.3.4\n  ports: [{ port: 80 }]', 'ClusterIP', 'The Service "bad" is invalid: spec.clusterIPs: Invalid value: []string{"1.2.3.4"}: failed to allocate IP 1.2.3.4: the provided IP (1.2.3.4) is not in the valid range. The range of valid IPs is 10.96.0.0/12'],
    ['no ports', 'selector: { app: x }', 'ClusterIP', 'The Service "bad" is invalid: spec.ports: Required value'],
  ])('refuses %s', (_name, spec, type, message) => {
    const c = new TestCluster();
    expect(c.applyError(`apiVersion: v1\nkind: Service\nmetadata: { name: bad }\nspec:\n  type: ${type}\n  ${spec}\n`)).toBe(message);
  });

  it('has the kubernetes Service on the first address of the range', () => {
    const c = new TestCluster();
    expect(c.get<Service>('Service', 'kubernetes').spec?.clusterIP).toBe('10.96.0.1');
  });
});

describe('cluster DNS', () => {
  it('answers a Service name with its cluster IP, from any search path form', () => {
    const c = new TestCluster();
    c.apply(APP());
    const ip = c.get<Service>('Service', 'web').spec?.clusterIP;
    const fqdn = serviceDnsName(c.get<Service>('Service', 'web'));
    expect(fqdn).toBe('web.default.svc.cluster.local');
    for (const name of ['web', 'web.default', 'web.default.svc', fqdn]) expect(resolveDns(c.store, name)).toEqual({ type: 'A', name: fqdn, addresses: [ip] });
    expect(resolveDns(c.store, 'web', 'kube-system').type).toBe('NXDOMAIN');
  });

  it('answers a headless Service with its ready pods, and each StatefulSet pod by its stable name', () => {
    const c = new TestCluster();
    c.apply(`apiVersion: v1
kind: Service
metadata: { name: db }
spec: { clusterIP: None, selector: { app: db }, ports: [{ port: 5432 }] }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  replicas: 2
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: pg, image: "postgres:16" }]
`);
    c.advance(120);
    const ips = c.pods().map((p: Pod) => p.status?.podIP).sort();
    const all = resolveDns(c.store, 'db');
    expect(all.type === 'A' && [...all.addresses].sort()).toEqual(ips);
    const db1 = c.get<Pod>('Pod', 'db-1');
    expect(podHostnameDnsName(db1)).toBe('db-1.db.default.svc.cluster.local');
    expect(podDnsName(db1)).toBe(`${db1.status!.podIP!.replaceAll('.', '-')}.default.pod.cluster.local`);
    expect(resolveDns(c.store, 'db-1.db.default.svc.cluster.local')).toEqual({ type: 'A', name: 'db-1.db.default.svc.cluster.local', addresses: [c.get<Pod>('Pod', 'db-1').status?.podIP] });
  });
});
