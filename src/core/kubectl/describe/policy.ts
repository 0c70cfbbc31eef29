import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Stored } from '../../api/types';
import type { ObjectStore } from '../../store/object-store';
import { boolPtr, formatLabels, formatLabelSelector } from '../printers/kinds/table-printer';
import { eventsFor, writeEvents } from './events';
import { DescribeWriter } from './writer';

/** `kubectl describe pdb` (describePodDisruptionBudget): the budget and its status counts. */
export function describePodDisruptionBudget(store: ObjectStore, pdb: Stored<PodDisruptionBudget>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  const spec = pdb.spec ?? {};
  const st = pdb.status;
  w.line(0, `Name:\t${pdb.metadata.name}`);
  w.line(0, `Namespace:\t${pdb.metadata.namespace}`);
  if (spec.minAvailable !== undefined) w.line(0, `Min available:\t${spec.minAvailable}`);
  else if (spec.maxUnavailable !== undefined) w.line(0, `Max unavailable:\t${spec.maxUnavailable}`);
  w.line(0, `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}`);
  w.line(0, 'Status:');
  w.line(2, `Allowed disruptions:\t${st?.disruptionsAllowed ?? 0}`);
  w.line(2, `Current:\t${st?.currentHealthy ?? 0}`);
  w.line(2, `Desired:\t${st?.desiredHealthy ?? 0}`);
  w.line(2, `Total:\t${st?.expectedPods ?? 0}`);
  if (showEvents) writeEvents(w, eventsFor(store, 'PodDisruptionBudget', pdb.metadata.name, pdb.metadata.namespace, pdb.metadata.uid), nowMs);
  return w.toString();
}

/** `kubectl describe priorityclass` (describePriorityClass). */
export function describePriorityClass(store: ObjectStore, pc: Stored<PriorityClass>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  w.line(0, `Name:\t${pc.metadata.name}`);
  w.line(0, `Value:\t${pc.value}`);
  w.line(0, `GlobalDefault:\t${pc.globalDefault ?? false}`);
  w.line(0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ''}`);
  w.line(0, `Description:\t${pc.description ?? ''}`);
  w.line(0, `Annotations:\t${formatLabels(pc.metadata.annotations)}`);
  if (showEvents) writeEvents(w, eventsFor(store, 'PriorityClass', pc.metadata.name, undefined, pc.metadata.uid), nowMs);
  return w.toString();
}

const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** `kubectl describe storageclass` (describeStorageClass). */
export function describeStorageClass(store: ObjectStore, sc: Stored<StorageClass>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  w.line(0, `Name:\t${sc.metadata.name}`);
  w.line(0, `IsDefaultClass:\t${DEFAULT_CLASS_ANNOTATIONS.some((a) => sc.metadata.annotations?.[a] === 'true') ? 'Yes' : 'No'}`);
  w.line(0, `Annotations:\t${formatLabels(sc.metadata.annotations)}`);
  w.line(0, `Provisioner:\t${sc.provisioner}`);
  w.line(0, `Parameters:\t${formatLabels(sc.parameters)}`);
  w.line(0, `AllowVolumeExpansion:\t${boolPtr(sc.allowVolumeExpansion)}`);
  if (!sc.mountOptions?.length) w.line(0, 'MountOptions:\t<none>');
  else {
    w.line(0, 'MountOptions:');
    for (const o of sc.mountOptions) w.line(1, o);
  }
  if (sc.reclaimPolicy) w.line(0, `ReclaimPolicy:\t${sc.reclaimPolicy}`);
  if (sc.volumeBindingMode) w.line(0, `VolumeBindingMode:\t${sc.volumeBindingMode}`);
  if (showEvents) writeEvents(w, eventsFor(store, 'StorageClass', sc.metadata.name, undefined, sc.metadata.uid), nowMs);
  return w.toString();
}
