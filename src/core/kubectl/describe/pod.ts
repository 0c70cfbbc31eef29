import type { Container, ContainerState, ContainerStatus, Pod, Probe, Toleration, Volume } from 'kubernetes-types/core/v1';
import { formatQuantity, parseQuantity } from '../../api/quantity';
import { qosClass } from '../../api/pod-resources';
import type { Stored } from '../../api/types';
import { parseTimestamp } from '../../engine/time';
import { humanDuration } from '../../format/duration';
import type { ObjectStore } from '../../store/object-store';
import { eventsFor, writeEvents } from './events';
import { DescribeWriter, rfc1123z, writeAnnotations, writeLabels } from './writer';

/** `kubectl describe pod` (kubectl pkg/describe describe.go describePod), section by section. */
export function describePod(store: ObjectStore, pod: Stored<Pod>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  const spec = pod.spec ?? { containers: [] };
  const st = pod.status ?? {};
  w.line(0, `Name:\t${pod.metadata.name}`);
  w.line(0, `Namespace:\t${pod.metadata.namespace}`);
  if (spec.priority !== undefined) w.line(0, `Priority:\t${spec.priority}`);
  if (spec.priorityClassName) w.line(0, `Priority Class Name:\t${spec.priorityClassName}`);
  if (spec.runtimeClassName) w.line(0, `Runtime Class Name:\t${spec.runtimeClassName}`);
  w.line(0, `Service Account:\t${spec.serviceAccountName ?? ''}`);
  w.line(0, `Node:\t${spec.nodeName ? `${spec.nodeName}/${st.hostIP ?? ''}` : '<none>'}`);
  if (st.startTime) w.line(0, `Start Time:\t${rfc1123z(st.startTime)}`);
  writeLabels(w, 'Labels', pod.metadata.labels);
  writeAnnotations(w, pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    w.line(0, `Status:\tTerminating (lasts ${until(pod.metadata.deletionTimestamp, nowMs)})`);
    w.line(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s`);
  } else {
    w.line(0, `Status:\t${st.phase ?? ''}`);
  }
  if (st.reason) w.line(0, `Reason:\t${st.reason}`);
  if (st.message) w.line(0, `Message:\t${st.message}`);
  w.line(0, `IP:\t${st.podIP ?? ''}`);
  if (!st.podIPs?.length) w.line(0, 'IPs:\t<none>');
  else {
    w.line(0, 'IPs:');
    for (const ip of st.podIPs) w.line(1, `IP:\t${ip.ip}`);
  }
  const controller = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (controller) w.line(0, `Controlled By:\t${controller.kind}/${controller.name}`);
  if (st.nominatedNodeName) w.line(0, `NominatedNodeName:\t${st.nominatedNodeName}`);
  if (spec.initContainers?.length) writeContainers(w, 'Init Containers', spec.initContainers, st.initContainerStatuses ?? []);
  writeContainers(w, 'Containers', spec.containers, st.containerStatuses ?? []);
  if (spec.readinessGates?.length) {
    w.line(0, 'Readiness Gates:');
    w.line(1, 'Type\tStatus');
    for (const g of spec.readinessGates) {
      const status = st.conditions?.find((c) => c.type === g.conditionType)?.status ?? '<none>';
      w.line(1, `${g.conditionType} \t${status} `);
    }
  }
  if (st.conditions?.length) {
    w.line(0, 'Conditions:');
    w.line(1, 'Type\tStatus');
    for (const c of st.conditions) w.line(1, `${c.type} \t${c.status} `);
  }
  writeVolumes(w, spec.volumes ?? []);
  w.line(0, `QoS Class:\t${st.qosClass ?? qosClass(pod)}`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, spec.tolerations ?? []);
  if (showEvents) writeEvents(w, eventsFor(store, 'Pod', pod.metadata.name, pod.metadata.namespace, pod.metadata.uid), nowMs);
  return w.toString();
}

function until(timestamp: string, nowMs: number): string {
  return humanDuration(parseTimestamp(timestamp) - nowMs);
}

function writeContainers(w: DescribeWriter, label: string, containers: readonly Container[], statuses: readonly ContainerStatus[]): void {
  if (containers.length === 0) {
    w.line(0, `${label}: <none>`);
    return;
  }
  w.line(0, `${label}:`);
  for (const c of containers) {
    const status = statuses.find((s) => s.name === c.name);
    w.line(1, `${c.name}:`);
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
    writeEnv(w, c);
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

function writeEnv(w: DescribeWriter, c: Container): void {
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
      w.line(3, `${e.name}:\t (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})`);
    } else if (from.resourceFieldRef) {
      w.line(3, `${e.name}:\t (${from.resourceFieldRef.resource})`);
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

function writeVolumes(w: DescribeWriter, volumes: readonly Volume[]): void {
  if (volumes.length === 0) {
    w.line(0, 'Volumes:\t<none>');
    return;
  }
  w.line(0, 'Volumes:');
  for (const v of volumes) {
    w.line(1, `${v.name}:`);
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
function writeTolerations(w: DescribeWriter, tolerations: readonly Toleration[]): void {
  w.write(0, 'Tolerations:\t');
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
