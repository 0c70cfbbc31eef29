import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../../../../src/core/api/types';
import { createVolumeBinding } from '../../../../src/core/scheduler/plugins/volume-binding';
import { cluster, filterAll, nodeWithLabels, pod, verdict } from '../builders';

const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}), uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '' });
const claim = (name: string, spec: PersistentVolumeClaim['spec']): Stored<PersistentVolumeClaim> => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta(name, 'default'), spec });
const zonalPv = (name: string, zone: string, size = '10Gi'): Stored<PersistentVolume> => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: meta(name),
  spec: {
    capacity: { storage: size },
    accessModes: ['ReadWriteOnce'],
    storageClassName: 'local',
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: [zone] }] }] } },
  },
});
const sc = (name: string, mode: string, provisioner = 'kubernetes.io/no-provisioner'): Stored<StorageClass> => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: meta(name),
  provisioner,
  volumeBindingMode: mode,
});
const withClaim = (name: string) => {
  const p = pod('p');
  return { ...p, spec: { ...p.spec!, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: name } }] } };
};
const nodes = () => [nodeWithLabels('a', { zone: 'z1' }), nodeWithLabels('b', { zone: 'z2' })];

describe('VolumeBinding', () => {
  it('A pod whose claim does not exist is unresolvable.', () => {
    const cl = cluster(nodes());
    expect(verdict(filterAll(createVolumeBinding(cl.handle), withClaim('data'), cl).a!)).toBe('UnschedulableAndUnresolvable: persistentvolumeclaim "data" not found');
  });

  it('A claim bound to a zonal volume keeps the pod in that zone.', () => {
    const objects = { PersistentVolumeClaim: [claim('data', { volumeName: 'pv-1', storageClassName: 'local' })], PersistentVolume: [zonalPv('pv-1', 'z2')] };
    const cl = cluster(nodes(), [], objects);
    const out = filterAll(createVolumeBinding(cl.handle), withClaim('data'), cl);
    expect([verdict(out.a!), verdict(out.b!)]).toEqual(['UnschedulableAndUnresolvable: node(s) had volume node affinity conflict', 'fits']);
  });

  it('An unbound claim of an Immediate class waits for the PV controller.', () => {
    const objects = { PersistentVolumeClaim: [claim('data', { storageClassName: 'fast' })], StorageClass: [sc('fast', 'Immediate', 'csi.example.com')] };
    const cl = cluster(nodes(), [], objects);
    expect(verdict(filterAll(createVolumeBinding(cl.handle), withClaim('data'), cl).a!)).toBe('UnschedulableAndUnresolvable: pod has unbound immediate PersistentVolumeClaims');
  });

  it('A WaitForFirstConsumer claim fits only where a free matching volume can be reached.', () => {
    const objects = {
      PersistentVolumeClaim: [claim('data', { storageClassName: 'local', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } })],
      PersistentVolume: [zonalPv('pv-z1', 'z1')],
      StorageClass: [sc('local', 'WaitForFirstConsumer')],
    };
    const cl = cluster(nodes(), [], objects);
    const out = filterAll(createVolumeBinding(cl.handle), withClaim('data'), cl);
    expect([verdict(out.a!), verdict(out.b!)]).toEqual(['fits', "UnschedulableAndUnresolvable: node(s) didn't find available persistent volumes to bind"]);
  });

  it('A WaitForFirstConsumer claim of a provisioning class fits anywhere its topology allows.', () => {
    const objects = { PersistentVolumeClaim: [claim('data', { storageClassName: 'csi' })], StorageClass: [sc('csi', 'WaitForFirstConsumer', 'csi.example.com')] };
    const cl = cluster(nodes(), [], objects);
    expect(Object.values(filterAll(createVolumeBinding(cl.handle), withClaim('data'), cl)).map(verdict)).toEqual(['fits', 'fits']);
  });
});
