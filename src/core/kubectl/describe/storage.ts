import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/types';
import { parseTimestamp } from '../../engine/time';
import { humanDuration } from '../../format/duration';
import type { ObjectStore } from '../../store/object-store';
import { accessModesText, storageClassOf } from '../printers/kinds/storage';
import { canonical } from './containers';
import { eventsFor, writeEvents } from './events';
import { DescribeWriter, writeAnnotations, writeLabels } from './writer';

/** `kubectl describe pvc` (describePersistentVolumeClaim): Used By lists the pods mounting the claim. */
export function describePersistentVolumeClaim(store: ObjectStore, pvc: Stored<PersistentVolumeClaim>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  const spec = pvc.spec ?? {};
  w.line(0, `Name:\t${pvc.metadata.name}`);
  w.line(0, `Namespace:\t${pvc.metadata.namespace}`);
  w.line(0, `StorageClass:\t${storageClassOf(pvc)}`);
  const deleting = (pvc.metadata as { deletionTimestamp?: string }).deletionTimestamp;
  w.line(0, deleting ? `Status:\tTerminating (lasts ${humanDuration(nowMs - parseTimestamp(deleting))})` : `Status:\t${pvc.status?.phase ?? ''}`);
  w.line(0, `Volume:\t${spec.volumeName ?? ''}`);
  writeLabels(w, 'Labels', pvc.metadata.labels);
  writeAnnotations(w, pvc.metadata.annotations);
  w.line(0, `Finalizers:\t[${(pvc.metadata.finalizers ?? []).join(' ')}]`);
  const bound = !!spec.volumeName;
  const storage = pvc.status?.capacity?.storage;
  w.line(0, `Capacity:\t${bound && storage !== undefined ? canonical(storage) : ''}`);
  w.line(0, `Access Modes:\t${bound ? accessModesText(pvc.status?.accessModes) : ''}`);
  if (spec.volumeMode) w.line(0, `VolumeMode:\t${spec.volumeMode}`);
  const users = store
    .list<Pod>('Pod', pvc.metadata.namespace)
    .filter((p) => p.spec?.volumes?.some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
    .map((p) => p.metadata!.name!)
    .sort();
  w.write(0, 'Used By:\t');
  if (users.length === 0) w.write(0, '<none>\n');
  users.forEach((u, i) => w.write(0, `${i > 0 ? '\t' : ''}${u}\n`));
  if (showEvents) writeEvents(w, eventsFor(store, 'PersistentVolumeClaim', pvc.metadata.name, pvc.metadata.namespace, pvc.metadata.uid), nowMs);
  return w.toString();
}
