import type { Container, ContainerState, ContainerStatus, EnvVar, Probe, Toleration, Volume } from 'kubernetes-types/core/v1';
import { formatQuantity, parseQuantity, quantityValue } from '../../api/quantity';
import { type DescribeWriter, rfc1123z } from './writer';

/**
 * How a container list is described: in a pod (no indent, with statuses and the pod's values for
 * field references) or in a pod template (`space` of two, names one further in, no statuses).
 */
export interface ContainerContext {
  readonly space: string;
  readonly statuses?: readonly ContainerStatus[];
  /** The value of a fieldRef variable (EnvValueRetriever); templates have none. */
  readonly fieldValue?: (e: EnvVar) => string;
}

/** describeContainers: each container's image, ports, command, state, resources, probes, environment and mounts. */
export function writeContainers(w: DescribeWriter, label: string, containers: readonly Container[], cc: ContainerContext): void {
  if (containers.length === 0) {
    w.line(0, `${cc.space}${label}: <none>`);
    return;
  }
  w.line(0, `${cc.space}${label}:`);
  for (const c of containers) {
    const status = cc.statuses?.find((s) => s.name === c.name);
    w.line(1, `${cc.space ? ' ' : ''}${c.name}:`);
    if (status) w.line(2, `Container ID:\t${status.containerID ?? ''}`);
    w.line(2, `Image:\t${c.image ?? ''}`);
    if (status) w.line(2, `Image ID:\t${status.imageID ?? ''}`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.line(2, ports.includes(',') ? `Ports:\t${ports}` : `Port:\t${ports || '<none>'}`);
    w.line(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}` : `Host Port:\t${hostPorts || '<none>'}`);
    for (const [title, list] of [['Command', c.command], ['Args', c.args]] as const) {
      if (!list?.length) continue;
      w.line(2, `${title}:`);
      for (const part of list) for (const s of part.split('\n')) w.line(3, s);
    }
    if (status) {
      writeState(w, 'State', status.state);
      if (status.lastState?.terminated) writeState(w, 'Last State', status.lastState);
      w.line(2, `Ready:\t${status.ready ? 'True' : 'False'}`);
      w.line(2, `Restart Count:\t${status.restartCount ?? 0}`);
    }
    for (const [title, list] of [['Limits', c.resources?.limits], ['Requests', c.resources?.requests]] as const) {
      const names = Object.keys(list ?? {}).sort();
      if (names.length === 0) continue;
      w.line(2, `${title}:`);
      for (const n of names) w.line(3, `${n}:\t${canonical(list![n]!)}`);
    }
    for (const [title, probe] of [['Liveness', c.livenessProbe], ['Readiness', c.readinessProbe], ['Startup', c.startupProbe]] as const) {
      if (probe) w.line(2, `${title}:\t${describeProbe(probe)}`);
    }
    if (c.envFrom?.length) {
      w.line(2, 'Environment Variables from:');
      for (const e of c.envFrom) {
        const from = e.configMapRef ? 'ConfigMap' : 'Secret';
        const ref = e.configMapRef ?? e.secretRef;
        const prefix = e.prefix ? ` with prefix '${e.prefix}'` : '';
        w.line(3, `${ref?.name ?? ''}\t${from}${prefix}\tOptional: ${ref?.optional ?? false}`);
      }
    }
    writeEnv(w, c, cc.fieldValue);
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
    if (mounts.length === 0) w.line(2, 'Mounts:\t<none>');
    else {
      w.line(2, 'Mounts:');
      for (const m of mounts) w.line(3, `${m.mountPath} from ${m.name} (${[m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])].join(',')})`);
    }
  }
}

function writeState(w: DescribeWriter, title: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.line(2, `${title}:\tRunning`);
    w.line(3, `Started:\t${state.running.startedAt ? rfc1123z(state.running.startedAt) : ''}`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.line(2, `${title}:\tTerminated`);
    if (t.reason) w.line(3, `Reason:\t${t.reason}`);
    if (t.message) w.line(3, `Message:\t${t.message}`);
    w.line(3, `Exit Code:\t${t.exitCode}`);
    if (t.signal) w.line(3, `Signal:\t${t.signal}`);
    w.line(3, `Started:\t${t.startedAt ? rfc1123z(t.startedAt) : ''}`);
    w.line(3, `Finished:\t${t.finishedAt ? rfc1123z(t.finishedAt) : ''}`);
  } else {
    w.line(2, `${title}:\tWaiting`);
    if (state?.waiting?.reason) w.line(3, `Reason:\t${state.waiting.reason}`);
  }
}

function writeEnv(w: DescribeWriter, c: Container, fieldValue?: (e: EnvVar) => string): void {
  const env = c.env ?? [];
  if (env.length === 0) {
    w.line(2, 'Environment:\t<none>');
    return;
  }
  w.line(2, 'Environment:');
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((s, i) => w.line(3, i === 0 ? `${e.name}:\t${s}` : `\t${s}`));
    } else if (from.fieldRef) {
      w.line(3, `${e.name}:\t${fieldValue?.(e) ?? ''} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})`);
    } else if (from.resourceFieldRef) {
      w.line(3, `${e.name}:\t${resourceFieldValue(c, from.resourceFieldRef.resource, from.resourceFieldRef.divisor)} (${from.resourceFieldRef.resource})`);
    } else if (from.secretKeyRef) {
      w.line(3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${from.secretKeyRef.optional ?? false}`);
    } else if (from.configMapKeyRef) {
      w.line(3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${from.configMapKeyRef.optional ?? false}`);
    }
  }
}

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `http-get ${scheme}://${p.httpGet.host ?? ''}:${p.httpGet.port}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

/** describeVolumes; `space` indents the title in pod templates, and the names one further. */
export function writeVolumes(w: DescribeWriter, volumes: readonly Volume[], space = ''): void {
  if (volumes.length === 0) {
    w.line(0, `${space}Volumes:\t<none>`);
    return;
  }
  w.line(0, `${space}Volumes:`);
  for (const v of volumes) {
    w.line(1, `${space ? ' ' : ''}${v.name}:`);
    if (v.hostPath) {
      w.line(2, 'Type:\tHostPath (bare host directory volume)');
      w.line(2, `Path:\t${v.hostPath.path}`);
      w.line(2, `HostPathType:\t${v.hostPath.type || '<none>'}`);
    } else if (v.emptyDir) {
      w.line(2, 'Type:\tEmptyDir (a temporary directory that shares a pod\'s lifetime)');
      w.line(2, `Medium:\t${v.emptyDir.medium ?? ''}`);
      w.line(2, `SizeLimit:\t${v.emptyDir.sizeLimit ? canonical(v.emptyDir.sizeLimit) : '<unset>'}`);
    } else if (v.configMap) {
      w.line(2, 'Type:\tConfigMap (a volume populated by a ConfigMap)');
      w.line(2, `Name:\t${v.configMap.name ?? ''}`);
      w.line(2, `Optional:\t${v.configMap.optional ?? false}`);
    } else if (v.secret) {
      w.line(2, 'Type:\tSecret (a volume populated by a Secret)');
      w.line(2, `SecretName:\t${v.secret.secretName ?? ''}`);
      w.line(2, `Optional:\t${v.secret.optional ?? false}`);
    } else if (v.persistentVolumeClaim) {
      w.line(2, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)');
      w.line(2, `ClaimName:\t${v.persistentVolumeClaim.claimName}`);
      w.line(2, `ReadOnly:\t${v.persistentVolumeClaim.readOnly ?? false}`);
    } else if (v.projected) {
      w.line(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)');
      for (const s of v.projected.sources ?? []) {
        if (s.serviceAccountToken) w.line(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}`);
        else if (s.configMap) {
          w.line(2, `ConfigMapName:\t${s.configMap.name ?? ''}`);
          w.line(2, `Optional:\t${s.configMap.optional ?? false}`);
        } else if (s.secret) {
          w.line(2, `SecretName:\t${s.secret.name ?? ''}`);
          w.line(2, `Optional:\t${s.secret.optional ?? false}`);
        } else if (s.downwardAPI) w.line(2, 'DownwardAPI:\ttrue');
      }
    } else {
      w.line(1, '<unknown>');
    }
  }
}

/** printPodTolerationsMultiline: `key=value:Effect op=Exists for 300s`, one per line. */
export function writeTolerations(w: DescribeWriter, tolerations: readonly Toleration[], title = 'Tolerations'): void {
  w.write(0, `${title}:\t`);
  if (tolerations.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  tolerations.forEach((t, i) => {
    if (i > 0) w.write(0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/** A quantity as the API server stores it (Quantity.String()). */
export function canonical(q: string | number): string {
  const parsed = parseQuantity(q);
  return parsed ? formatQuantity(parsed.value, parsed.format) : String(q);
}

/**
 * ExtractContainerResourceValue for a resourceFieldRef: the container's request or limit divided
 * by the divisor and rounded up; a zero cpu or memory limit is "node allocatable".
 */
function resourceFieldValue(c: Container, resource: string, divisor: string | number | undefined): string {
  const [kind, name] = resource.split('.', 2) as [string, string];
  const list = kind === 'limits' ? c.resources?.limits : c.resources?.requests;
  const amount = quantityValue(list?.[name]);
  const value = Math.ceil(amount / (quantityValue(divisor ?? '1') || 1));
  if (value === 0 && (resource === 'limits.cpu' || resource === 'limits.memory')) return 'node allocatable';
  return String(value);
}
