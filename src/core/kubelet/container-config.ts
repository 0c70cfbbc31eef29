import type { Container, Pod } from 'kubernetes-types/core/v1';
import { projectVolume, resolveEnvironment } from '../api/container-env';
import type { ObjectStore } from '../store/object-store';
import { serviceEnvironment } from './service-env';

/**
 * What the kubelet reads from ConfigMaps and Secrets for a pod: the files of its configMap and
 * secret volumes (mounted before the sandbox is created; a missing source is a `FailedMount` and
 * the pod waits in ContainerCreating) and each container's environment (resolved when the
 * container is created; a missing source is `CreateContainerConfigError`).
 */

/** The volume manager's retry back-off for a failed mount (goroutinemap exponentialbackoff). */
export const MOUNT_RETRY_INITIAL_MS = 500;
export const MOUNT_RETRY_MAX_MS = 2 * 60_000 + 2_000;

/** A failed syncPod is retried after the pod worker's back-off, 10 s with up to 50 % jitter. */
export const SYNC_RETRY_MS = [10_000, 15_000] as const;

/** The first configMap or secret volume that cannot be mounted, as the FailedMount message. */
export function mountError(store: ObjectStore, pod: Pod): string | undefined {
  for (const v of pod.spec?.volumes ?? []) {
    const { error } = projectVolume(store, pod, v);
    if (error) return error;
  }
  return undefined;
}

/** The files a container sees through its configMap and secret volume mounts, by absolute path. */
export function mountedFiles(store: ObjectStore, pod: Pod, container: Container): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of container.volumeMounts ?? []) {
    const volume = pod.spec?.volumes?.find((v) => v.name === m.name);
    if (!volume || !(volume.configMap || volume.secret)) continue;
    const projected = projectVolume(store, pod, volume).files;
    const dir = m.mountPath.replace(/\/$/, '');
    if (m.subPath) {
      const content = projected[m.subPath];
      if (content !== undefined) files.set(dir, content);
      continue;
    }
    files.set(`${dir}/`, '');
    for (const [path, content] of Object.entries(projected)) files.set(`${dir}/${path}`, content);
  }
  return files;
}

/**
 * The container's environment (makeEnvironmentVariables), or the error that stops it being
 * created: its own variables, then the Service variables it does not set itself.
 * `status.podIP` and `status.hostIP` references get the kubelet's own values: the API may not
 * show them yet.
 */
export function containerEnvironment(store: ObjectStore, pod: Pod, container: Container, podIP: string, hostIP: string): { env: Record<string, string>; error?: string } {
  const view: Pod = { ...pod, status: { ...pod.status, podIP, hostIP } };
  const own = resolveEnvironment(store, view, container);
  if (own.error) return own;
  return { env: { ...own.env, ...omit(serviceEnvironment(store, pod), own.env) } };
}

function omit(vars: Record<string, string>, taken: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(vars).filter(([k]) => !(k in taken)));
}
