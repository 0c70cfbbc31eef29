import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import { ApiRegistry } from '../../../src/core/api/registry';
import { applyManifests } from '../../../src/core/apply/apply';
import { VirtualClock } from '../../../src/core/engine/clock';
import { Rng } from '../../../src/core/engine/rng';
import { rfc3339 } from '../../../src/core/engine/time';
import type { KubectlHost } from '../../../src/core/kubectl/host';
import { runKubectl } from '../../../src/core/kubectl/kubectl';
import { ObjectStore } from '../../../src/core/store/object-store';

/**
 * A bare API server for kubectl tests: no scheduler or kubelet, so pods stay in whatever state
 * a test writes — the states the simulated kubelet does not produce yet included.
 */
export function bareCluster(files: Record<string, string> = {}) {
  const clock = new VirtualClock();
  const store = new ObjectStore(new ApiRegistry(), clock, new Rng(7));
  for (const name of ['default', 'kube-system']) store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  const host: KubectlHost = {
    store,
    nowMs: () => clock.now(),
    apply: (yaml, options) => applyManifests(store, yaml, options),
    readFile: (name) => files[name],
    listFiles: () => Object.keys(files),
    clock,
  };
  return {
    store,
    clock,
    host,
    kubectl: (line: string, stdin?: string) => runKubectl(host, line, stdin),
    /** Move the clock forward by whole seconds. */
    advance: (seconds: number) => clock.runUntil(clock.now() + seconds * 1000),
    /** A pod bound to a node nobody runs, with this status written through the status subresource. */
    pod(name: string, status: PodStatus, spec: Partial<Pod['spec']> = {}, labels: Record<string, string> = {}, namespace = 'default') {
      store.create<Pod>({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace, labels },
        spec: { nodeName: 'node-a', containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec },
      });
      return store.patchStatus<Pod>('Pod', name, namespace, (p) => {
        (p as { status: PodStatus }).status = status;
      });
    },
    at: (seconds: number) => rfc3339(seconds * 1000),
  };
}

/** The `web` Deployment most kubectl tests use: label app=web, one nginx container. */
export function webDeployment(o: { image: string; replicas: number; port?: number }): string {
  const ports = o.port !== undefined ? `, ports: [{ containerPort: ${o.port} }]` : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: ${o.replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: "${o.image}"${ports} }] }
`;
}

/** The `Pod Template:` lines kubectl describes for that deployment's template (nginx:1.27, port 80). */
export const NGINX_TEMPLATE = [
  'Pod Template:',
  '  Labels:  app=web',
  '  Containers:',
  '   nginx:',
  '    Image:         nginx:1.27',
  '    Port:          80/TCP',
  '    Host Port:     0/TCP',
  '    Environment:   <none>',
  '    Mounts:        <none>',
  '  Volumes:         <none>',
  '  Node-Selectors:  <none>',
  '  Tolerations:     <none>',
];
