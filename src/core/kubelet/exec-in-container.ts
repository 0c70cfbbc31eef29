import type { Pod } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../store/object-store';
import type { KubeletFleet } from './kubelets';
import { runExec } from './workloads/exec';
import type { OutputChunk } from './workloads/shell/interpreter';

/**
 * The pods/exec subresource. The API server checks the container against the pod's spec and
 * finds its node (streamLocation, pkg/registry/core/pod/strategy.go), then dials that node's
 * kubelet, which looks for the container among the ones running (kubelet GetExec/findContainer)
 * and runs the command in it through the runtime — the same path exec probes and hooks take, in
 * the environment the container's current instance was started with, so every program its image
 * carries is there. Errors are worded as `kubectl exec` prints them.
 */
export type ExecResponse =
  | {
      readonly ok: true;
      readonly exitCode: number;
      readonly chunks: readonly OutputChunk[];
      /** The command was still running after the longest exec Kubelab runs (it cannot stream). */
      readonly timedOut: boolean;
    }
  | { readonly ok: false; readonly error: string };

const badRequest = (message: string): ExecResponse => ({ ok: false, error: `Error from server (BadRequest): ${message}` });

export function execInContainer(store: ObjectStore, fleet: KubeletFleet, namespace: string, name: string, container: string, command: readonly string[]): ExecResponse {
  const pod = store.get<Pod>('Pod', name, namespace);
  if (!pod) return { ok: false, error: `Error from server (NotFound): pods ${JSON.stringify(name)} not found` };
  const names = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c) => c.name);
  if (!names.includes(container)) return badRequest(`container ${container} is not valid for pod ${name}`);
  const node = pod.spec?.nodeName;
  if (!node) return badRequest(`pod ${name} does not have a host assigned`);
  const kubelet = fleet.get(node);
  // A node that is down or cut off: the API server's dial to the kubelet's port fails.
  if (!kubelet?.reachable()) {
    const ip = kubelet?.hostIP ?? node;
    return { ok: false, error: `Error from server: error dialing backend: dial tcp ${ip}:10250: connect: no route to host` };
  }
  // The kubelet only finds running containers: one waiting, crashed or completed is "not found",
  // which the failed stream upgrade reports to kubectl.
  const env = kubelet.worker(pod.metadata.uid)?.runningEnv(container);
  if (!env) return { ok: false, error: `error: unable to upgrade connection: container not found (${JSON.stringify(container)})` };
  const r = runExec(command, env);
  // runc's message when the program cannot be started reaches the client on the error stream.
  const chunks = r.startError ? [{ stream: 'stderr' as const, text: `${r.startError}\n` }] : r.chunks;
  return { ok: true, exitCode: r.exitCode, chunks, timedOut: r.timedOut };
}
