import type { Container, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/types';
import type { KubectlCommand } from '../framework/command';
import { fail, joinLines, type KubectlResult, usageError } from '../framework/result';
import { namedObjects } from '../resources/named-objects';
import { createObject, GENERATOR_FLAGS } from './create/create-object';

type Exposable = KubeObject & { spec?: { selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | Record<string, string>; template?: { spec?: { containers?: Container[] } }; containers?: Container[]; ports?: ServicePort[] } };

/** The selector the new Service gets (polymorphichelpers MapBasedSelectorForObject). */
function selectorFor(obj: Exposable): Record<string, string> | string {
  switch (obj.kind) {
    case 'Pod':
      return Object.keys(obj.metadata?.labels ?? {}).length ? { ...obj.metadata!.labels } : `the pod has no labels and cannot be exposed`;
    case 'Service':
      return (obj.spec?.selector as Record<string, string> | undefined) ?? 'the service has no pod selector set';
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = obj.spec?.selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
      if (sel?.matchExpressions?.length) return `couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`;
      return { ...(sel?.matchLabels ?? {}) };
    }
    default:
      return `cannot expose a ${obj.kind}`;
  }
}

/** The ports an object offers (PortsForObject): its containers' ports, or a Service's ports. */
function portsFor(obj: Exposable): { port: number; protocol: string }[] {
  if (obj.kind === 'Service') return (obj.spec?.ports ?? []).map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  const containers = obj.kind === 'Pod' ? (obj.spec?.containers ?? []) : (obj.spec?.template?.spec?.containers ?? []);
  return containers.flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })));
}

/**
 * `kubectl expose` (expose.go): a Service named like the object (or --name) that selects its
 * pods, with --port or the container ports it declares, --target-port, --type and --protocol,
 * labelled like the object. `service/web exposed`.
 */
export const exposeCommand: KubectlCommand = {
  name: 'expose',
  group: 'Basic Commands (Beginner):',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)`,
  examples: `  # Create a service for a deployment web, which serves on port 80 and connects to the containers on port 8080
  kubectl expose deployment web --port=80 --target-port=8080

  # Create a NodePort service for a pod
  kubectl expose pod web --port=80 --type=NodePort --name=web-nodeport`,
  use: '(-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    { name: 'cluster-ip', type: 'string', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    { name: 'external-ip', type: 'string', usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service.' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Labels to apply to the service created by this call.' },
    { name: 'name', type: 'string', usage: 'The name for the newly created object.' },
    { name: 'port', type: 'string', usage: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'protocol', type: 'string', usage: "The network protocol for the service to be created. Default is 'TCP'." },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)' },
    { name: 'target-port', type: 'string', usage: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    { name: 'type', type: 'string', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
    ...GENERATOR_FLAGS,
  ],
  run: (ctx): KubectlResult => {
    const f = ctx.flags;
    if (ctx.args.length === 0) return usageError(ctx.path, 'You must provide one or more resources by argument or filename.');
    const stdout: string[] = [];
    const stderr: string[] = [];
    let mutated = false;
    for (const { obj } of namedObjects(ctx)) {
      const o = obj as Exposable;
      let selector: Record<string, string> | string = selectorFor(o);
      const selectorFlag = f.string('selector');
      if (selectorFlag !== '') selector = Object.fromEntries(selectorFlag.split(',').map((kv) => kv.split('=', 2) as [string, string]));
      if (typeof selector === 'string') return fail(`error: ${selector}`);
      const portFlag = f.string('port');
      const protocol = f.string('protocol');
      const ports = portFlag !== '' ? portFlag.split(',').map((p) => ({ port: Number(p), protocol: protocol || 'TCP' })) : portsFor(o);
      if (ports.length === 0) return usageError(ctx.path, "couldn't find port via --port flag or introspection");
      if (ports.some((p) => !Number.isInteger(p.port))) return fail(`error: invalid port: ${portFlag}`);
      const targetFlag = f.string('target-port');
      const target = targetFlag === '' ? undefined : /^\d+$/.test(targetFlag) ? Number(targetFlag) : targetFlag;
      const labels = f.string('labels') !== '' ? Object.fromEntries(f.string('labels').split(',').map((kv) => kv.split('=', 2) as [string, string])) : { ...(obj.metadata.labels ?? {}) };
      const service: Service = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: f.string('name') || obj.metadata.name, ...(Object.keys(labels).length ? { labels } : {}) },
        spec: {
          ports: ports.map((p, i) => ({
            ...(ports.length > 1 ? { name: `port-${i + 1}` } : {}),
            port: p.port,
            protocol: protocol || p.protocol,
            targetPort: target ?? p.port,
          })),
          selector,
          ...(f.string('type') ? { type: f.string('type') } : {}),
          ...(f.string('cluster-ip') ? { clusterIP: f.string('cluster-ip') } : {}),
          ...(f.string('external-ip') ? { externalIPs: [f.string('external-ip')] } : {}),
        },
      };
      const r = createObject(ctx, service, 'exposed');
      if (r.stdout) stdout.push(r.stdout);
      if (r.stderr) stderr.push(r.stderr);
      mutated ||= r.mutated;
    }
    return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: stderr.length ? 1 : 0, mutated };
  },
};
