import type { ConfigMap, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../harness';

const pod = (name: string, labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } }) as Pod;

describe('the object store', () => {
  it('assigns uid, resourceVersion, generation and creationTimestamp from the virtual clock', () => {
    const c = new TestCluster();
    c.advance(65);
    const cm = c.store.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: '1' } });
    expect(cm.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cm.metadata.creationTimestamp).toBe('2026-01-05T09:01:05Z');
    expect(cm.metadata.generation).toBeUndefined();
    const p = c.store.create(pod('p', {}));
    expect(p.metadata.generation).toBe(1);
    const rv = Number(p.metadata.resourceVersion);
    const updated = c.store.patch<Pod>('Pod', 'p', 'default', (d) => (d.spec!.containers[0]!.image = 'nginx:1.28'));
    expect(updated.metadata.generation).toBe(2);
    expect(Number(updated.metadata.resourceVersion)).toBeGreaterThan(rv);
  });

  it('treats a write that changes nothing as a no-op that keeps the resourceVersion', () => {
    const c = new TestCluster();
    const p = c.store.create(pod('p', {}));
    expect(c.store.patch('Pod', 'p', 'default', () => {})).toBe(p);
  });

  it('shares the unchanged spec between versions after a status write, and freezes what it hands out', () => {
    const c = new TestCluster();
    const p = c.store.create(pod('p', {}));
    const after = c.store.patchStatus<Pod>('Pod', 'p', 'default', (d) => ((d as { status: Pod['status'] }).status = { ...d.status, phase: 'Running' }));
    expect(after.spec).toBe(p.spec);
    expect(Object.isFrozen(after.status)).toBe(true);
    expect(() => {
      (after.spec as { nodeName?: string }).nodeName = 'x';
    }).toThrow(TypeError);
  });

  it('refuses a stale resourceVersion with a Conflict', () => {
    const c = new TestCluster();
    const p = c.store.create(pod('p', {}));
    c.store.patch<Pod>('Pod', 'p', 'default', (d) => (d.metadata!.labels = { a: 'b' }));
    expect(() => c.store.update({ ...p, metadata: { ...p.metadata, labels: { a: 'c' } } })).toThrow(
      'Operation cannot be fulfilled on pods "p": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('finds objects by label selector through its index, with matchExpressions too', () => {
    const c = new TestCluster();
    c.store.create(pod('a', { app: 'web', tier: 'front' }));
    c.store.create(pod('b', { app: 'web', tier: 'back' }));
    c.store.create(pod('c', { app: 'db' }));
    const names = (sel: Parameters<typeof c.store.select>[2]) => c.store.select('Pod', 'default', sel).map((p) => p.metadata.name).sort();
    expect(names({ matchLabels: { app: 'web' } })).toEqual(['a', 'b']);
    expect(names({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['back'] }] })).toEqual(['a']);
    expect(names({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] })).toEqual(['c']);
    expect(names({})).toEqual(['a', 'b', 'c']);
    expect(names(undefined)).toEqual([]);
    c.store.patch<Pod>('Pod', 'a', 'default', (d) => (d.metadata!.labels = { app: 'db' }));
    expect(names({ matchLabels: { app: 'web' } })).toEqual(['b']);
  });

  it('finds dependents by owner uid and pods by node', () => {
    const c = new TestCluster();
    const owner = c.store.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner' } });
    const p = pod('dep', {});
    p.metadata!.ownerReferences = [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid }];
    c.store.create(p);
    expect(c.store.dependentsOf(owner.metadata.uid).map((o) => o.metadata.name)).toEqual(['dep']);
    c.store.bindPod('dep', 'default', 'worker-1', () => {});
    expect(c.store.podsOnNode('worker-1').map((o) => o.metadata.name)).toEqual(['dep']);
  });

  it.each([
    ['two controller references', [{ apiVersion: 'v1', kind: 'A', name: 'a', uid: '1', controller: true }, { apiVersion: 'v1', kind: 'B', name: 'b', uid: '2', controller: true }], 'Only one reference can have Controller set to true. Found "true" in references for A/a and B/b'],
    ['an owner reference without uid', [{ apiVersion: 'v1', kind: 'A', name: 'a', uid: '' }], 'metadata.ownerReferences.uid: Invalid value: "": uid must not be empty'],
  ])('refuses %s', (_name, refs, message) => {
    const c = new TestCluster();
    const p = pod('x', {});
    p.metadata!.ownerReferences = refs;
    expect(() => c.store.create(p)).toThrow(message);
  });
});

describe('delete options', () => {
  it('refuses an unknown propagation policy with the API server\'s wording and deletes nothing', () => {
    const c = new TestCluster();
    c.store.create(pod('p', {}));
    expect(() => c.store.delete('Pod', 'p', 'default', { propagationPolicy: 'Sometimes' as never })).toThrow(
      'The DeleteOptions "" is invalid: propagationPolicy: Unsupported value: "Sometimes": supported values: "Foreground", "Background", "Orphan", "nil"',
    );
    expect(c.store.get('Pod', 'p', 'default')).toBeDefined();
  });
});
