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
