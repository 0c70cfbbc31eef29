import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { deepEqual } from '../clone';
import { type FieldError, forbidden, notSupported, required } from '../field-errors';
import { validateObjectMeta } from './metadata';

/** PersistentVolume, PersistentVolumeClaim and StorageClass validation. */

const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const RECLAIM = ['Retain', 'Delete', 'Recycle'];

function validateAccessModes(modes: readonly string[] | undefined, path: string, detail: string): FieldError[] {
  if (!modes || modes.length === 0) return [required(path, detail)];
  return modes.filter((m) => !ACCESS_MODES.includes(m)).map((m) => notSupported(path, m, ACCESS_MODES));
}

const VOLUME_SOURCES = ['hostPath', 'local', 'nfs', 'csi'];

export function validatePersistentVolume(pv: PersistentVolume): FieldError[] {
  const errs = validateObjectMeta(pv.metadata, false, 'subdomain');
  const spec = pv.spec ?? {};
  errs.push(...validateAccessModes(spec.accessModes, 'spec.accessModes', ''));
  if (!spec.capacity?.storage) errs.push(required('spec.capacity', ''));
  if (spec.persistentVolumeReclaimPolicy && !RECLAIM.includes(spec.persistentVolumeReclaimPolicy)) {
    errs.push(notSupported('spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy, RECLAIM));
  }
  if (!VOLUME_SOURCES.some((k) => (spec as Record<string, unknown>)[k] !== undefined)) errs.push(required('spec', 'must specify a volume type'));
  return errs;
}

export function validatePersistentVolumeClaim(pvc: PersistentVolumeClaim): FieldError[] {
  const errs = validateObjectMeta(pvc.metadata, true, 'subdomain');
  const spec = pvc.spec ?? {};
  errs.push(...validateAccessModes(spec.accessModes, 'spec.accessModes', 'at least 1 access mode is required'));
  if (!spec.resources?.requests?.storage) errs.push(required('spec.resources[storage]', ''));
  return errs;
}

/**
 * ValidatePersistentVolumeClaimUpdate: the spec is immutable except a larger storage request and
 * the binding fields the controller fills in (volumeName, storageClassName when unset).
 */
export function validatePersistentVolumeClaimUpdate(pvc: PersistentVolumeClaim, old: PersistentVolumeClaim): FieldError[] {
  const errs = validatePersistentVolumeClaim(pvc);
  const strip = (c: PersistentVolumeClaim, fill: PersistentVolumeClaim) => ({
    ...c.spec,
    resources: undefined,
    volumeName: c.spec?.volumeName ?? fill.spec?.volumeName,
    storageClassName: c.spec?.storageClassName ?? fill.spec?.storageClassName,
  });
  if (!deepEqual(strip(pvc, old), strip(old, pvc))) {
    errs.push(forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  }
  return errs;
}

export function validateStorageClass(sc: StorageClass): FieldError[] {
  const errs = validateObjectMeta(sc.metadata, false, 'subdomain');
  if (!sc.provisioner) errs.push(required('provisioner', ''));
  const modes = ['Immediate', 'WaitForFirstConsumer'];
  if (sc.volumeBindingMode && !modes.includes(sc.volumeBindingMode)) errs.push(notSupported('volumeBindingMode', sc.volumeBindingMode, modes));
  if (sc.reclaimPolicy && !['Retain', 'Delete'].includes(sc.reclaimPolicy)) errs.push(notSupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']));
  return errs;
}

export function validateStorageClassUpdate(sc: StorageClass, old: StorageClass): FieldError[] {
  const errs = validateStorageClass(sc);
  if (!deepEqual(sc.parameters, old.parameters)) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (sc.volumeBindingMode !== old.volumeBindingMode) errs.push(forbidden('volumeBindingMode', 'field is immutable'));
  return errs;
}
