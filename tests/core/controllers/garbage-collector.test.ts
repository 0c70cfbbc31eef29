import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../harness';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: "nginx:1.27" }]
`;

describe('garbage collector and deletion propagation', () => {
  it('deletes the owner at once and its ReplicaSets and pods after it, with Background propagation', () => {
    const c = new TestCluster();
    c.apply(DEPLOY);
    c.advance(30);
    c.store.delete('Deployment', 'web', 'default', { propagationPolicy: 'Background' });
    expect(c.store.get('Deployment', 'web', 'default')).toBeUndefined();
    c.advance(0.01);
    expect(c.store.list('ReplicaSet')).toHaveLength(0);
    expect(c.pods().every((p) => p.metadata.deletionTimestamp)).toBe(true);
    c.advance(5);
    expect(c.pods()).toHaveLength(0);
  });

  it('keeps the owner, with the foregroundDeletion finalizer, until its dependents are gone, with Foreground propagation', () => {
    const c = new TestCluster();
    c.apply(DEPLOY);
    c.advance(30);
    c.store.delete('Deployment', 'web', 'default', { propagationPolicy: 'Foreground' });
    c.advance(0.01);
    const d = c.store.get('Deployment', 'web', 'default');
    expect(d?.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(d?.metadata.deletionTimestamp).toBeDefined();
    expect(c.store.list<ReplicaSet>('ReplicaSet')[0]?.metadata.finalizers).toEqual(['foregroundDeletion']);
    c.advance(5);
    expect(c.pods()).toHaveLength(0);
    expect(c.store.list('ReplicaSet')).toHaveLength(0);
    expect(c.store.get('Deployment', 'web', 'default')).toBeUndefined();
  });

  it('leaves the dependents running without the owner reference, with Orphan propagation', () => {
    const c = new TestCluster();
    c.apply(DEPLOY);
    c.advance(30);
    c.store.delete('Deployment', 'web', 'default', { propagationPolicy: 'Orphan' });
    c.advance(1);
    expect(c.store.get('Deployment', 'web', 'default')).toBeUndefined();
    const rs = c.store.list<ReplicaSet>('ReplicaSet');
    expect(rs).toHaveLength(1);
    expect(rs[0]!.metadata.ownerReferences).toBeUndefined();
    expect(c.pods().filter((p: Pod) => p.status?.phase === 'Running')).toHaveLength(2);
  });

  it('collects an object created with an owner reference to an owner that does not exist', () => {
    const c = new TestCluster();
    c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: leftover\n  ownerReferences: [{ apiVersion: v1, kind: ConfigMap, name: gone, uid: 00000000-0000-4000-8000-000000000000 }]\ndata: { a: b }\n');
    c.advance(0.01);
    expect(c.store.get('ConfigMap', 'leftover', 'default')).toBeUndefined();
  });

  it('holds an object with a finalizer in Terminating until the finalizer is removed', () => {
    const c = new TestCluster();
    c.apply('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: held, finalizers: [example.com/cleanup] }\ndata: { a: b }\n');
    c.store.delete('ConfigMap', 'held', 'default');
    expect(c.store.get('ConfigMap', 'held', 'default')?.metadata.deletionTimestamp).toBeDefined();
    c.store.patch('ConfigMap', 'held', 'default', (d) => delete d.metadata!.finalizers);
    expect(c.store.get('ConfigMap', 'held', 'default')).toBeUndefined();
  });
});

describe('namespace deletion', () => {
  it('is Terminating while its content is deleted, and goes once empty', () => {
    const c = new TestCluster();
    c.apply('apiVersion: v1\nkind: Namespace\nmetadata: { name: team }\n');
    c.apply(DEPLOY, 'team');
    c.advance(30);
    c.store.delete('Namespace', 'team');
    c.advance(0.01);
    const ns = c.store.get<Namespace>('Namespace', 'team');
    expect(ns?.status?.phase).toBe('Terminating');
    expect(ns?.status?.conditions?.find((x) => x.type === 'NamespaceContentRemaining')?.message).toBe('Some resources are remaining: pods. has 2 resource instances');
    expect(c.applyError('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: late, namespace: team }\n')).toBe(
      'Error from server (Forbidden): error when creating "manifest.yaml": configmaps "late" is forbidden: unable to create new content in namespace team because it is being terminated',
    );
    c.advance(5);
    expect(c.store.get('Namespace', 'team')).toBeUndefined();
    expect(c.store.list('Pod', 'team')).toHaveLength(0);
  });
});
