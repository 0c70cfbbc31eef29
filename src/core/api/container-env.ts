import type { ConfigMap, Container, Pod, Secret, Volume } from 'kubernetes-types/core/v1';
import { decodeBase64Text } from './base64';
import type { ObjectStore } from '../store/object-store';

/**
 * How ConfigMaps and Secrets reach a container: environment variables (`env[].valueFrom`,
 * `envFrom`) and files in configMap / secret volumes. `resolveEnvironment` and `projectVolume`
 * give the kubelet the values, or the error it reports (CreateContainerConfigError, FailedMount);
 * `describeEnvironment` gives the lines `kubectl describe pod` prints under Environment.
 */
export interface ResolvedEnv {
  readonly env: Record<string, string>;
  /** The kubelet's message when a required source is missing, e.g. `configmap "app" not found`. */
  readonly error?: string;
}

export function resolveEnvironment(store: ObjectStore, pod: Pod, container: Container): ResolvedEnv {
  const ns = pod.metadata?.namespace ?? 'default';
  const env: Record<string, string> = {};
  for (const src of container.envFrom ?? []) {
    if (src.configMapRef) {
      const cm = store.get<ConfigMap>('ConfigMap', src.configMapRef.name ?? '', ns);
      if (!cm) {
        if (src.configMapRef.optional) continue;
        return { env, error: `configmap ${JSON.stringify(src.configMapRef.name)} not found` };
      }
      for (const [k, v] of Object.entries(cm.data ?? {})) env[(src.prefix ?? '') + k] = v;
    }
    if (src.secretRef) {
      const s = store.get<Secret>('Secret', src.secretRef.name ?? '', ns);
      if (!s) {
        if (src.secretRef.optional) continue;
        return { env, error: `secret ${JSON.stringify(src.secretRef.name)} not found` };
      }
      for (const [k, v] of Object.entries(s.data ?? {})) env[(src.prefix ?? '') + k] = decodeBase64Text(v) ?? '';
    }
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined) {
      env[e.name] = expand(e.value, env);
      continue;
    }
    const cmRef = e.valueFrom?.configMapKeyRef;
    if (cmRef) {
      const cm = store.get<ConfigMap>('ConfigMap', cmRef.name ?? '', ns);
      if (!cm) {
        if (cmRef.optional) continue;
        return { env, error: `configmap ${JSON.stringify(cmRef.name)} not found` };
      }
      const v = cm.data?.[cmRef.key];
      if (v === undefined) {
        if (cmRef.optional) continue;
        return { env, error: `couldn't find key ${cmRef.key} in ConfigMap ${ns}/${cmRef.name}` };
      }
      env[e.name] = v;
      continue;
    }
    const sRef = e.valueFrom?.secretKeyRef;
    if (sRef) {
      const s = store.get<Secret>('Secret', sRef.name ?? '', ns);
      if (!s) {
        if (sRef.optional) continue;
        return { env, error: `secret ${JSON.stringify(sRef.name)} not found` };
      }
      const v = s.data?.[sRef.key];
      if (v === undefined) {
        if (sRef.optional) continue;
        return { env, error: `couldn't find key ${sRef.key} in Secret ${ns}/${sRef.name}` };
      }
      env[e.name] = decodeBase64Text(v) ?? '';
      continue;
    }
    const field = e.valueFrom?.fieldRef?.fieldPath;
    if (field) env[e.name] = fieldValue(pod, field);
  }
  return { env };
}

/** `$(VAR)` references to variables defined earlier are expanded; `$$` escapes. */
function expand(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => (m === '$$' ? '$' : name !== undefined && env[name] !== undefined ? env[name]! : m));
}

function fieldValue(pod: Pod, path: string): string {
  switch (path) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    default: {
      const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
      return m ? (pod.metadata?.[m[1] as 'labels' | 'annotations']?.[m[2]!] ?? '') : '';
    }
  }
}

/** The files a configMap or secret volume shows, or the kubelet's FailedMount message. */
export function projectVolume(store: ObjectStore, pod: Pod, volume: Volume): { files: Record<string, string>; error?: string } {
  const ns = pod.metadata?.namespace ?? 'default';
  const source = volume.configMap ?? volume.secret;
  if (!source) return { files: {} };
  const isSecret = !!volume.secret;
  const name = volume.configMap?.name ?? volume.secret?.secretName ?? '';
  const obj = isSecret ? store.get<Secret>('Secret', name, ns) : store.get<ConfigMap>('ConfigMap', name, ns);
  if (!obj) {
    if (source.optional) return { files: {} };
    return { files: {}, error: `MountVolume.SetUp failed for volume ${JSON.stringify(volume.name)} : ${isSecret ? 'secret' : 'configmap'} ${JSON.stringify(name)} not found` };
  }
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries((obj as { data?: Record<string, string> }).data ?? {})) data[k] = isSecret ? (decodeBase64Text(v) ?? '') : v;
  if (!source.items) return { files: data };
  const files: Record<string, string> = {};
  for (const item of source.items) {
    if (data[item.key] === undefined) {
      if (source.optional) continue;
      return { files, error: `MountVolume.SetUp failed for volume ${JSON.stringify(volume.name)} : configmap references non-existent config key: ${item.key}` };
    }
    files[item.path] = data[item.key]!;
  }
  return { files };
}

/** kubectl describe's Environment lines for a container (values of secrets are never shown). */
export function describeEnvironment(container: Container): string[] {
  const lines: string[] = [];
  for (const e of container.env ?? []) {
    const from = e.valueFrom;
    if (e.value !== undefined) lines.push(`${e.name}:  ${e.value}`);
    else if (from?.configMapKeyRef) lines.push(`${e.name}:  <set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>  Optional: ${from.configMapKeyRef.optional ?? false}`);
    else if (from?.secretKeyRef) lines.push(`${e.name}:  <set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>  Optional: ${from.secretKeyRef.optional ?? false}`);
    else if (from?.fieldRef) lines.push(`${e.name}:   (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})`);
    else if (from?.resourceFieldRef) lines.push(`${e.name}:  ${from.resourceFieldRef.resource}`);
  }
  return lines;
}

/** kubectl describe's `Environment Variables from:` lines. */
export function describeEnvFrom(container: Container): string[] {
  return (container.envFrom ?? []).map((s) => {
    const prefix = s.prefix ? ` with prefix '${s.prefix}'` : '';
    if (s.configMapRef) return `${s.configMapRef.name}  ConfigMap${prefix}  Optional: ${s.configMapRef.optional ?? false}`;
    return `${s.secretRef?.name ?? ''}  Secret${prefix}  Optional: ${s.secretRef?.optional ?? false}`;
  });
}
