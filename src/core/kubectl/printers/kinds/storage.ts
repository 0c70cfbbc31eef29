import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { canonicalQuantity } from '../../../api/quantity';
import { age, columns, type TablePrinter } from './table-printer';

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, comma-joined. */
export function accessModesText(modes: readonly string[] | undefined): string {
  const short: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return short
    .filter(([mode]) => modes?.includes(mode))
    .map(([, s]) => s)
    .join(',');
}

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** GetPersistentVolume(Claim)Class: the beta annotation wins over storageClassName. */
export const storageClassOf = (o: PersistentVolume | PersistentVolumeClaim): string => o.metadata?.annotations?.[BETA_CLASS_ANNOTATION] ?? o.spec?.storageClassName ?? '';

type Deletable = { metadata: { deletionTimestamp?: string } };

/** printPersistentVolume: CLAIM as namespace/name; STATUS Terminating while deleted. */
export const persistentVolumePrinter: TablePrinter<PersistentVolume> = {
  columns: columns(['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'], ['VOLUMEMODE']),
  cells: (pv, now) => {
    const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ''}/${pv.spec.claimRef.name ?? ''}` : '';
    const storage = pv.spec?.capacity?.storage;
    return [
      pv.metadata.name,
      storage !== undefined ? canonicalQuantity(storage) : '0',
      accessModesText(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      (pv as Deletable).metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      claim,
      storageClassOf(pv),
      pv.spec?.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      age(pv, now),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};

/** printPersistentVolumeClaim: VOLUME, CAPACITY and ACCESS MODES stay empty until the claim is bound to a volume. */
export const persistentVolumeClaimPrinter: TablePrinter<PersistentVolumeClaim> = {
  columns: columns(['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'], ['VOLUMEMODE']),
  cells: (pvc, now) => {
    const bound = !!pvc.spec?.volumeName;
    const storage = pvc.status?.capacity?.storage;
    return [
      pvc.metadata.name,
      (pvc as Deletable).metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec?.volumeName ?? '',
      bound ? (storage !== undefined ? canonicalQuantity(storage) : '0') : '',
      bound ? accessModesText(pvc.status?.accessModes) : '',
      storageClassOf(pvc),
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      age(pvc, now),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};

const DEFAULT_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** printStorageClass: `(default)` after the default class's name; Delete and Immediate when unset. */
export const storageClassPrinter: TablePrinter<StorageClass> = {
  columns: columns(['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE']),
  cells: (sc, now) => [
    DEFAULT_ANNOTATIONS.some((a) => sc.metadata.annotations?.[a] === 'true') ? `${sc.metadata.name} (default)` : sc.metadata.name,
    sc.provisioner,
    sc.reclaimPolicy ?? 'Delete',
    sc.volumeBindingMode ?? 'Immediate',
    String(sc.allowVolumeExpansion ?? false),
    age(sc, now),
  ],
};
