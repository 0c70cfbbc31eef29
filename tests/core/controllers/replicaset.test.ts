import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { podsToDelete } from '../../../src/core/controllers/replicaset';
import { isReady, TestCluster } from '../harness';

const RS = (replicas: number) => `apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: front }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: front } }
  template:
    metadata: { labels: { app: front } }
    spec:
      containers: [{ name: c, image: "nginx:1.27" }]
`;

const active = (c: TestCluster) => c.pods().filter((p) => !p.metadata.deletionTimestamp);

describe('ReplicaSet controller', () => {
  it('creates the wanted pods from the template, owned by the ReplicaSet, and reports them Ready', () => {
    const c = new TestCluster();
    c.apply(RS(3));
    c.advance(30);
    const rs = c.get<ReplicaSet>('ReplicaSet', 'front');
    expect(active(c)).toHaveLength(3);
    for (const p of active(c)) {
      expect(p.metadata.name).toMatch(/^front-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'front', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(c.events('ReplicaSet', 'front').filter((e) => e.startsWith('SuccessfulCreate: Created pod: front-'))).toHaveLength(3);
  });

  it('replaces a pod that is deleted', () => {
    const c = new TestCluster();
    c.apply(RS(2));
    c.advance(30);
    const victim = active(c)[0]!;
    c.store.delete('Pod', victim.metadata.name, 'default');
    c.advance(30);
    expect(active(c)).toHaveLength(2);
    expect(active(c).map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
  });

  it('scales down by deleting the least valuable pods first', () => {
    const c = new TestCluster();
    c.apply(RS(3));
    c.advance(30);
    const [a] = active(c);
    c.setReady(a!.metadata.name, false);
    c.apply(RS(2));
    c.advance(0.01);
    expect(c.events('ReplicaSet', 'front')).toContain(`SuccessfulDelete: Deleted pod: ${a!.metadata.name}`);
  });

  it('adopts an orphan pod its selector selects instead of creating another', () => {
    const c = new TestCluster();
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: stray, labels: { app: front } }\nspec:\n  containers: [{ name: c, image: "nginx:1.27" }]\n');
    c.apply(RS(2));
    c.advance(30);
    const stray = c.get<Pod>('Pod', 'stray');
    expect(stray.metadata.ownerReferences?.[0]?.name).toBe('front');
    expect(active(c)).toHaveLength(2);
  });

  it('releases a pod whose labels no longer match, and replaces it', () => {
    const c = new TestCluster();
    c.apply(RS(1));
    c.advance(30);
    const p = active(c)[0]!;
    c.store.patch<Pod>('Pod', p.metadata.name, 'default', (d) => (d.metadata!.labels = { app: 'debug' }));
    c.advance(30);
    expect(c.get<Pod>('Pod', p.metadata.name).metadata.ownerReferences).toBeUndefined();
    expect(active(c).filter((x) => x.metadata.labels?.app === 'front')).toHaveLength(1);
  });

  it.each([
    ['an unscheduled pod before a scheduled one', (p: Pod) => ({ ...p, spec: { ...p.spec!, nodeName: undefined } })],
    ['a not-ready pod before a ready one', (p: Pod) => ({ ...p, status: { ...p.status, conditions: [{ type: 'Ready', status: 'False' }] } })],
    ['a pod with restarts before one without', (p: Pod) => ({ ...p, status: { ...p.status, containerStatuses: [{ name: 'c', image: '', imageID: '', ready: true, restartCount: 4 }] } })],
  ])('ranks %s for deletion', (_name, worsen) => {
    const c = new TestCluster();
    c.apply(RS(2));
    c.advance(30);
    const [started, y] = active(c) as [Pod, Pod];
    // The pods differ only in what the case changes: x became ready at the same instant as y.
    const x = { ...started, status: { ...started.status, conditions: y.status?.conditions } };
    const worse = worsen(x) as typeof x & { metadata: { name: string; uid: string; resourceVersion: string; creationTimestamp: string } };
    expect(isReady(y)).toBe(true);
    const chosen = podsToDelete([y as never, worse as never], 1);
    expect(chosen[0]!.metadata.name).toBe(x.metadata!.name);
  });
});
