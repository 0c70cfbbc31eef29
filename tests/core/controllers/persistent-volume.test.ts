import type { PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../harness';

const PV = (name: string, size: string, cls = '""') => `apiVersion: v1
kind: PersistentVolume
metadata: { name: ${name} }
spec: { capacity: { storage: ${size} }, accessModes: [ReadWriteOnce], storageClassName: ${cls}, hostPath: { path: /data/${name} } }
`;
const PVC = (name: string, size: string, cls = '""') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: ${name} }
spec: { accessModes: [ReadWriteOnce], storageClassName: ${cls}, resources: { requests: { storage: ${size} } } }
`;

const phase = (c: TestCluster, kind: string, name: string) => (c.store.get(kind, name, kind === 'PersistentVolume' ? undefined : 'default')?.status as { phase?: string } | undefined)?.phase;

describe('PersistentVolume controller', () => {
  it('binds a claim to the smallest available volume that fits', () => {
    const c = new TestCluster();
    c.apply([PV('big', '100Gi'), PV('small', '5Gi'), PV('tiny', '1Gi'), PVC('data', '2Gi')].join('---\n'));
    c.advance(1);
    const claim = c.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'data');
    expect(claim.spec?.volumeName).toBe('small');
    expect(claim.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '5Gi' } });
    expect(c.get<PersistentVolume>('PersistentVolume', 'small', undefined as never).spec?.claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: claim.metadata.uid });
    expect(['big', 'tiny'].map((n) => phase(c, 'PersistentVolume', n))).toEqual(['Available', 'Available']);
  });

  it('leaves a claim Pending while no volume fits, and binds it when one appears', () => {
    const c = new TestCluster();
    c.apply(PVC('data', '10Gi'));
    c.advance(5);
    expect(phase(c, 'PersistentVolumeClaim', 'data')).toBe('Pending');
    expect(c.events('PersistentVolumeClaim', 'data')).toContain('FailedBinding: no persistent volumes available for this claim and no storage class is set');
    c.apply(PV('later', '20Gi'));
    c.advance(1);
    expect(phase(c, 'PersistentVolumeClaim', 'data')).toBe('Bound');
  });

  it('provisions a volume from the default StorageClass for a claim that names no class', () => {
    const c = new TestCluster();
    c.apply('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: dyn }\nspec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 3Gi } } }\n');
    const claim = c.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'dyn');
    expect(claim.spec?.storageClassName).toBe('standard');
    c.advance(0.5);
    expect(phase(c, 'PersistentVolumeClaim', 'dyn')).toBe('Pending');
    c.advance(3);
    const pvName = `pvc-${claim.metadata.uid}`;
    expect(c.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'dyn').spec?.volumeName).toBe(pvName);
    expect(c.store.get<PersistentVolume>('PersistentVolume', pvName)?.spec).toMatchObject({ capacity: { storage: '3Gi' }, persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard' });
    expect(c.events('PersistentVolumeClaim', 'dyn').map((e) => e.split(':')[0])).toEqual(['ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']);
  });

  it('releases a Retain volume and deletes a Delete volume when the claim goes', () => {
    const c = new TestCluster();
    c.apply([PV('keep', '5Gi'), PVC('a', '1Gi')].join('---\n'));
    c.apply('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: b }\nspec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }\n');
    c.advance(5);
    const dynamic = c.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'b').spec!.volumeName!;
    c.store.delete('PersistentVolumeClaim', 'a', 'default');
    c.store.delete('PersistentVolumeClaim', 'b', 'default');
    c.advance(1);
    expect(phase(c, 'PersistentVolume', 'keep')).toBe('Released');
    expect(c.store.get('PersistentVolume', dynamic)).toBeUndefined();
  });

  it('keeps a claim in use by a pod until the pod is gone (pvc-protection)', () => {
    const c = new TestCluster();
    c.apply('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: used }\nspec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }\n');
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: user }\nspec:\n  volumes: [{ name: d, persistentVolumeClaim: { claimName: used } }]\n  containers: [{ name: c, image: "nginx:1.27", volumeMounts: [{ name: d, mountPath: /data }] }]\n');
    c.advance(20);
    c.store.delete('PersistentVolumeClaim', 'used', 'default');
    c.advance(1);
    expect(c.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'used').metadata.deletionTimestamp).toBeDefined();
    c.store.delete('Pod', 'user', 'default');
    c.advance(5);
    expect(c.store.get('PersistentVolumeClaim', 'used', 'default')).toBeUndefined();
  });

  it('keeps a pod Pending while its claim is unbound, and runs it once a volume binds', () => {
    const c = new TestCluster();
    c.apply(PVC('data', '1Gi'));
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: user }\nspec:\n  volumes: [{ name: d, persistentVolumeClaim: { claimName: data } }]\n  containers: [{ name: c, image: "nginx:1.27", volumeMounts: [{ name: d, mountPath: /data }] }]\n');
    c.advance(10);
    const waiting = c.get<Pod>('Pod', 'user');
    expect(waiting.spec?.nodeName).toBeUndefined();
    expect(waiting.status?.conditions?.find((x) => x.type === 'PodScheduled')?.message).toMatch(/^0\/3 nodes are available: pod has unbound immediate PersistentVolumeClaims\./);
    c.apply(PV('arrives', '5Gi'));
    c.advance(30);
    expect(c.get<Pod>('Pod', 'user').status?.phase).toBe('Running');
  });
});
