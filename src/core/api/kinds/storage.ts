import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { persistentVolumeClaimSchema, persistentVolumeSchema, storageClassSchema } from '../schema/storage';
import type { Writable } from '../types';
import {
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validateStorageClass,
  validateStorageClassUpdate,
} from '../validation/storage';
import { keepStatus } from './status-subresource';
import type { KindStrategy } from './strategy';

/** The annotation that marks a StorageClass as the default one. */
export const DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** The protection finalizers: a bound claim or a volume in use is not removed until released. */
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

export const persistentVolumeStrategy: KindStrategy<PersistentVolume> = {
  type: { kind: 'PersistentVolume', group: '', version: 'v1', plural: 'persistentvolumes', singular: 'persistentvolume', shortNames: ['pv'], namespaced: false },
  schema: persistentVolumeSchema,
  nameRule: 'subdomain',
  prepareForCreate: (pv) => {
    const spec = (pv.spec ??= {});
    spec.persistentVolumeReclaimPolicy ??= 'Retain';
    spec.volumeMode ??= 'Filesystem';
    pv.metadata!.finalizers = [...new Set([...(pv.metadata!.finalizers ?? []), PV_PROTECTION_FINALIZER])];
    (pv as Writable<PersistentVolume>).status = { phase: 'Pending' };
  },
  prepareForUpdate: (pv, old) => keepStatus(pv, old),
  validate: validatePersistentVolume,
};

export const persistentVolumeClaimStrategy: KindStrategy<PersistentVolumeClaim> = {
  type: { kind: 'PersistentVolumeClaim', group: '', version: 'v1', plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', shortNames: ['pvc'], namespaced: true },
  schema: persistentVolumeClaimSchema,
  nameRule: 'subdomain',
  prepareForCreate: (pvc, ctx) => {
    const spec = (pvc.spec ??= {});
    spec.volumeMode ??= 'Filesystem';
    // The DefaultStorageClass admission plugin: a claim that names no class gets the default one.
    if (spec.storageClassName === undefined) {
      const def = ctx.store.list<StorageClass>('StorageClass').find((sc) => sc.metadata.annotations?.[DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true');
      if (def) spec.storageClassName = def.metadata.name;
    }
    pvc.metadata!.finalizers = [...new Set([...(pvc.metadata!.finalizers ?? []), PVC_PROTECTION_FINALIZER])];
    (pvc as Writable<PersistentVolumeClaim>).status = { phase: 'Pending' };
  },
  prepareForUpdate: (pvc, old) => keepStatus(pvc, old),
  validate: validatePersistentVolumeClaim,
  validateUpdate: validatePersistentVolumeClaimUpdate,
};

export const storageClassStrategy: KindStrategy<StorageClass> = {
  type: { kind: 'StorageClass', group: 'storage.k8s.io', version: 'v1', plural: 'storageclasses', singular: 'storageclass', shortNames: ['sc'], namespaced: false },
  schema: storageClassSchema,
  nameRule: 'subdomain',
  prepareForCreate: (sc) => {
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  prepareForUpdate: (sc) => {
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  validate: validateStorageClass,
  validateUpdate: validateStorageClassUpdate,
};

/**
 * The default StorageClass the simulated cluster ships with, like kind's and k3s's `standard` /
 * `local-path`: a local-path provisioner that provisions on demand. It binds Immediately (kind
 * uses WaitForFirstConsumer) so that claims bind without a scheduler decision.
 */
export const DEFAULT_STORAGE_CLASS: StorageClass = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'standard', annotations: { [DEFAULT_STORAGE_CLASS_ANNOTATION]: 'true' } },
  provisioner: 'rancher.io/local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'Immediate',
};
