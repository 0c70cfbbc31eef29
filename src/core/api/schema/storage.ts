import { any, arrayOf, bool, mapOf, object, quantity, str, stringMap } from './dsl';
import { labelSelector, statusAny, topLevel } from './meta';

/** Schemas of PersistentVolume, PersistentVolumeClaim (v1) and StorageClass (storage.k8s.io/v1). */

const accessModes = arrayOf(str('', ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']), 'How the volume may be mounted.');

export const persistentVolumeSchema = topLevel('PersistentVolume', 'A piece of storage in the cluster, provisioned by an admin or dynamically.', {
  spec: object('PersistentVolumeSpec', 'The volume.', {
    capacity: mapOf(quantity(''), 'Size, e.g. storage: 10Gi.'),
    accessModes,
    persistentVolumeReclaimPolicy: str('What happens when the claim is released: Retain, Delete or Recycle. Default Retain (Delete when provisioned).', ['Retain', 'Delete', 'Recycle']),
    storageClassName: str('The class this volume belongs to; empty means no class.'),
    volumeMode: str('Filesystem or Block. Default Filesystem.', ['Filesystem', 'Block']),
    claimRef: any('The claim bound to this volume.'),
    mountOptions: arrayOf(str(''), 'Mount options.'),
    nodeAffinity: any('Nodes the volume can be reached from.'),
    hostPath: object('HostPathVolumeSource', 'A directory on the node.', { path: str('Path.'), type: str('Type.') }, ['path']),
    local: object('LocalVolumeSource', 'A local disk.', { path: str('Path.'), fsType: str('Filesystem.') }, ['path']),
    nfs: object('NFSVolumeSource', 'An NFS export.', { server: str('Server.'), path: str('Path.'), readOnly: bool('Read-only.') }, ['server', 'path']),
    csi: any('A CSI volume.'),
  }),
  status: statusAny,
});

export const persistentVolumeClaimSchema = topLevel('PersistentVolumeClaim', "A user's request for storage, bound to a PersistentVolume.", {
  spec: object('PersistentVolumeClaimSpec', 'The storage wanted.', {
    accessModes,
    resources: object('VolumeResourceRequirements', 'Storage size.', {
      requests: mapOf(quantity(''), 'Minimum size, e.g. storage: 1Gi.'),
      limits: mapOf(quantity(''), 'Maximum size.'),
    }),
    storageClassName: str('The class to provision from; unset means the default class, "" means no class.'),
    volumeName: str('Bind to this PersistentVolume.'),
    volumeMode: str('Filesystem or Block. Default Filesystem.', ['Filesystem', 'Block']),
    selector: labelSelector,
    dataSource: any('Populate from a snapshot or another claim.'),
    dataSourceRef: any('Populate from a data source.'),
    volumeAttributesClassName: str('Volume attributes class.'),
  }),
  status: statusAny,
});

export const storageClassSchema = topLevel('StorageClass', 'A class of storage that can be provisioned dynamically.', {
  provisioner: str('The provisioner, e.g. rancher.io/local-path or kubernetes.io/no-provisioner.'),
  parameters: stringMap('Provisioner parameters.'),
  reclaimPolicy: str('Reclaim policy of provisioned volumes. Default Delete.', ['Retain', 'Delete']),
  volumeBindingMode: str('Immediate, or WaitForFirstConsumer (bind when a pod using the claim is scheduled). Default Immediate.', ['Immediate', 'WaitForFirstConsumer']),
  allowVolumeExpansion: bool('Whether claims may grow.'),
  mountOptions: arrayOf(str(''), 'Mount options of provisioned volumes.'),
  allowedTopologies: any('Where volumes may be provisioned.'),
});
