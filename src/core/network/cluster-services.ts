import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ObjectStore } from '../store/object-store';
import { KUBERNETES_SERVICE_IP } from './allocators';

/** The API server's secure port, which the `kubernetes` Service's https port targets. */
export const API_SERVER_PORT = 6443;

/**
 * What the API server creates for itself at start-up: the `default/kubernetes` Service on the
 * first address of the service range, and (as its endpoint reconciler does) the EndpointSlice
 * pointing at the API server. `apiServerIP` is the control-plane node's address.
 */
export function createKubernetesService(store: ObjectStore, apiServerIP: string): void {
  store.create<Service>({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: API_SERVER_PORT }], sessionAffinity: 'None', type: 'ClusterIP' },
  });
  store.create<EndpointSlice>({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'kubernetes', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: [apiServerIP], conditions: { ready: true } }],
    ports: [{ name: 'https', port: API_SERVER_PORT, protocol: 'TCP' }],
  });
}
