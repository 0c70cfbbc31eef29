import { any, arrayOf, bool, int, intOrString, object, str, stringMap } from './dsl';
import { statusAny, topLevel } from './meta';

/** Schemas of Service (v1) and EndpointSlice (discovery.k8s.io/v1). */

const servicePort = object('ServicePort', 'A port the Service exposes.', {
  name: str('Name of the port; required when there are several.'),
  protocol: str('TCP, UDP or SCTP. Default TCP.', ['TCP', 'UDP', 'SCTP']),
  appProtocol: str('Application protocol, e.g. http.'),
  port: int('The port the Service listens on.'),
  targetPort: intOrString("The pods' port, by number or by container port name. Default the same as port."),
  nodePort: int('For NodePort and LoadBalancer: the port on every node (30000-32767). Allocated when unset.'),
}, ['port']);

export const serviceSchema = topLevel('Service', 'A stable virtual IP and DNS name in front of a set of pods.', {
  spec: object('ServiceSpec', 'The desired behaviour of the Service.', {
    ports: arrayOf(servicePort, 'The ports exposed.'),
    selector: stringMap('Pods with these labels are the endpoints.'),
    clusterIP: str('The virtual IP; allocated when unset, "None" for a headless Service. Immutable.'),
    clusterIPs: arrayOf(str(''), 'The virtual IPs (one per IP family).'),
    type: str('ClusterIP, NodePort, LoadBalancer or ExternalName. Default ClusterIP.', ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']),
    externalIPs: arrayOf(str(''), 'Extra IPs the Service answers on.'),
    sessionAffinity: str('None or ClientIP. Default None.', ['None', 'ClientIP']),
    sessionAffinityConfig: any('Session affinity settings.'),
    loadBalancerIP: str('Deprecated.'),
    loadBalancerSourceRanges: arrayOf(str(''), 'Client CIDRs allowed through the load balancer.'),
    loadBalancerClass: str('The load balancer implementation.'),
    externalName: str('For ExternalName: the DNS name returned as a CNAME.'),
    externalTrafficPolicy: str('Cluster or Local. Default Cluster.', ['Cluster', 'Local']),
    internalTrafficPolicy: str('Cluster or Local. Default Cluster.', ['Cluster', 'Local']),
    healthCheckNodePort: int('Node port for load balancer health checks with Local policy.'),
    publishNotReadyAddresses: bool('Publish endpoints of pods that are not ready (for StatefulSet peer discovery).'),
    ipFamilies: arrayOf(str('', ['IPv4', 'IPv6']), 'IP families.'),
    ipFamilyPolicy: str('SingleStack, PreferDualStack or RequireDualStack.', ['SingleStack', 'PreferDualStack', 'RequireDualStack']),
    allocateLoadBalancerNodePorts: bool('Allocate node ports for a LoadBalancer. Default true.'),
    trafficDistribution: str('Traffic routing preference, e.g. PreferClose.'),
  }),
  status: statusAny,
});

export const endpointSliceSchema = topLevel('EndpointSlice', 'A slice of the endpoints of a Service, kept by the EndpointSlice controller.', {
  addressType: str('IPv4, IPv6 or FQDN.', ['IPv4', 'IPv6', 'FQDN']),
  endpoints: arrayOf(object('Endpoint', 'One backend.', {
    addresses: arrayOf(str(''), 'Addresses of the endpoint.'),
    conditions: object('EndpointConditions', 'Readiness of the endpoint.', {
      ready: bool('Ready to receive traffic.'),
      serving: bool('Serving, regardless of terminating.'),
      terminating: bool('Being terminated.'),
    }),
    hostname: str('Hostname of the endpoint.'),
    targetRef: any('The pod behind the endpoint.'),
    nodeName: str('Node hosting the endpoint.'),
    zone: str('Zone of the endpoint.'),
    hints: any('Topology hints.'),
  }), 'The endpoints.'),
  ports: arrayOf(object('EndpointPort', 'A port of the endpoints.', {
    name: str('Port name, matching the Service port.'),
    protocol: str('Protocol.', ['TCP', 'UDP', 'SCTP']),
    port: int('Port number.'),
    appProtocol: str('Application protocol.'),
  }), 'The ports.'),
});

