import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Stored } from '../../api/types';
import { claim } from '../../controllers/claim';
import { equalIgnoreHash } from '../../controllers/deployment/util';
import type { ObjectStore } from '../../store/object-store';
import { formatLabels, formatLabelSelector, selectorString } from '../printers/kinds/table-printer';
import { sortForListing } from '../resources/builder';
import { storageClassOf } from '../printers/kinds/storage';
import { controllerOf, podsStatusLine } from './controller-pods';
import { eventsFor, writeEvents } from './events';
import { writePodTemplate } from './pod-template';
import { DescribeWriter, rfc1123z, writeAnnotations, writeLabels } from './writer';
import { canonical } from './containers';

/** The `Conditions:` table of workloads: Type (with a trailing space), Status, Reason. */
function writeConditions(w: DescribeWriter, conditions: readonly { type: string; status: string; reason?: string }[] | undefined): void {
  if (!conditions?.length) return;
  w.line(0, 'Conditions:');
  w.line(1, 'Type\tStatus\tReason');
  w.line(1, '----\t------\t------');
  for (const c of conditions) w.line(1, `${c.type} \t${c.status}\t${c.reason ?? ''}`);
}

const events = (store: ObjectStore, kind: string, obj: Stored<{ metadata: { name: string; namespace?: string; uid: string } } & object>) =>
  eventsFor(store, kind, obj.metadata.name, obj.metadata.namespace, obj.metadata.uid);

/** printReplicaSetsByLabels: `web-abc (3/3 replicas created)`, comma-joined, or `<none>`. */
function replicaSetsText(sets: readonly ReplicaSet[]): string {
  return sets.map((rs) => `${rs.metadata!.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ') || '<none>';
}

/** `kubectl describe deployment` (describe.go DeploymentDescriber). */
export function describeDeployment(store: ObjectStore, d: Stored<Deployment>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  const spec = d.spec!;
  const st = d.status ?? {};
  w.line(0, `Name:\t${d.metadata.name}`);
  w.line(0, `Namespace:\t${d.metadata.namespace}`);
  w.line(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, d.metadata.annotations);
  w.line(0, `Selector:\t${selectorString(spec.selector)}`);
  w.line(0, `Replicas:\t${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable`);
  w.line(0, `StrategyType:\t${spec.strategy?.type ?? ''}`);
  w.line(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.line(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? '<nil>'} max unavailable, ${ru.maxSurge ?? '<nil>'} max surge`);
  writePodTemplate(w, spec.template);
  writeConditions(w, st.conditions);
  // GetAllReplicaSetsInChunks: the new one has the deployment's template (FindNewReplicaSet); every other one it owns is old
  // (scaled-down ones included), in listing order. The two lines appear once there is a replica set.
  const owned = sortForListing(claim<ReplicaSet>(store, d, 'ReplicaSet', spec.selector));
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, spec.template));
  const old = owned.filter((rs) => rs !== newRS);
  if (owned.length > 0) {
    w.line(0, `OldReplicaSets:\t${replicaSetsText(old)}`);
    w.line(0, `NewReplicaSet:\t${replicaSetsText(newRS ? [newRS] : [])}`);
  }
  if (showEvents) writeEvents(w, events(store, 'Deployment', d), nowMs);
  return w.toString();
}

/** `kubectl describe replicaset` (describeReplicaSet). */
export function describeReplicaSet(store: ObjectStore, rs: Stored<ReplicaSet>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  w.line(0, `Name:\t${rs.metadata.name}`);
  w.line(0, `Namespace:\t${rs.metadata.namespace}`);
  w.line(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, rs.metadata.annotations);
  const controller = controllerOf(rs);
  if (controller) w.line(0, `Controlled By:\t${controller}`);
  w.line(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired`);
  w.line(0, `Pods Status:\t${podsStatusLine(store, rs)}`);
  writePodTemplate(w, rs.spec?.template);
  writeConditions(w, rs.status?.conditions);
  if (showEvents) writeEvents(w, events(store, 'ReplicaSet', rs), nowMs);
  return w.toString();
}

/** `kubectl describe daemonset` (describeDaemonSet): the scheduling counts are not tab-aligned upstream either. */
export function describeDaemonSet(store: ObjectStore, ds: Stored<DaemonSet>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  const st = ds.status;
  w.line(0, `Name:\t${ds.metadata.name}`);
  w.line(0, `Namespace:\t${ds.metadata.namespace}`);
  w.line(0, `Selector:\t${selectorString(ds.spec?.selector)}`);
  w.line(0, `Node-Selector:\t${formatLabels(ds.spec?.template.spec?.nodeSelector)}`);
  writeLabels(w, 'Labels', ds.metadata.labels);
  writeAnnotations(w, ds.metadata.annotations);
  w.line(0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}`);
  w.line(0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}`);
  w.line(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}`);
  w.line(0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}`);
  w.line(0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}`);
  w.line(0, `Pods Status:\t${podsStatusLine(store, ds)}`);
  writePodTemplate(w, ds.spec?.template);
  if (showEvents) writeEvents(w, events(store, 'DaemonSet', ds), nowMs);
  return w.toString();
}

/** `kubectl describe statefulset` (describeStatefulSet), with its volume claim templates. */
export function describeStatefulSet(store: ObjectStore, sts: Stored<StatefulSet>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  const spec = sts.spec!;
  w.line(0, `Name:\t${sts.metadata.name}`);
  w.line(0, `Namespace:\t${sts.metadata.namespace}`);
  w.line(0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}`);
  w.line(0, `Selector:\t${selectorString(spec.selector)}`);
  writeLabels(w, 'Labels', sts.metadata.labels);
  writeAnnotations(w, sts.metadata.annotations);
  w.line(0, `Replicas:\t${spec.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total`);
  w.line(0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}`);
  const ru = spec.updateStrategy?.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.line(1, `Partition:\t${ru.partition}`);
    if (ru.maxUnavailable !== undefined) w.line(1, `MaxUnavailable:\t${ru.maxUnavailable}`);
  }
  w.line(0, `Pods Status:\t${podsStatusLine(store, sts)}`);
  writePodTemplate(w, spec.template);
  const templates = spec.volumeClaimTemplates ?? [];
  if (templates.length === 0) w.line(0, 'Volume Claims:\t<none>');
  else {
    w.line(0, 'Volume Claims:');
    for (const pvc of templates) {
      w.line(1, `Name:\t${pvc.metadata?.name ?? ''}`);
      w.line(1, `StorageClass:\t${storageClassOf(pvc)}`);
      writeLabels(w, '  Labels', pvc.metadata?.labels);
      writeLabels(w, '  Annotations', pvc.metadata?.annotations);
      const storage = pvc.spec?.resources?.requests?.storage;
      w.line(1, `Capacity:\t${storage !== undefined ? canonical(storage) : '<default>'}`);
      w.line(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]`);
    }
  }
  if (showEvents) writeEvents(w, events(store, 'StatefulSet', sts), nowMs);
  return w.toString();
}
