import type { EnvVar, Pod } from 'kubernetes-types/core/v1';
import { resolveEnvironment } from '../../api/container-env';
import { qosClass } from '../../api/pod-resources';
import type { Stored } from '../../api/types';
import { parseTimestamp } from '../../engine/time';
import { humanDuration } from '../../format/duration';
import type { ObjectStore } from '../../store/object-store';
import { writeContainers, writeTolerations, writeVolumes } from './containers';
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
  const fieldValue = (e: EnvVar) => resolveEnvironment(store, pod, { name: '', env: [e] }).env[e.name] ?? '';
  if (spec.initContainers?.length) writeContainers(w, 'Init Containers', spec.initContainers, { space: '', statuses: st.initContainerStatuses ?? [], fieldValue });
  writeContainers(w, 'Containers', spec.containers, { space: '', statuses: st.containerStatuses ?? [], fieldValue });
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
