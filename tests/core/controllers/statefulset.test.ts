import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { rolloutHistory } from '../../../src/core/controllers/rollout';
import { isReady, TestCluster } from '../harness';

const STS = (replicas: number, image = 'nginx:1.27', extra = '') => `apiVersion: v1
kind: Service
metadata: { name: db }
spec: { clusterIP: None, selector: { app: db }, ports: [{ port: 5432 }] }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  replicas: ${replicas}
  selector: { matchLabels: { app: db } }
${extra}
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: pg, image: "${image}" }]
  volumeClaimTemplates:
  - metadata: { name: data }
    spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`;

const names = (c: TestCluster) => c.pods().filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort();

describe('StatefulSet controller', () => {
  it('creates db-0, db-1, db-2 one at a time, each after the previous is Running and Ready', () => {
    const c = new TestCluster();
    c.apply(STS(3));
    const order: string[] = [];
    c.advanceCheckingEveryWrite(90, () => {
      for (const p of c.pods()) {
        if (order.includes(p.metadata.name)) continue;
        // A new pod appears only when every lower ordinal is Running and Ready.
        for (const lower of order) expect(isReady(c.get<Pod>('Pod', lower))).toBe(true);
        order.push(p.metadata.name);
      }
    });
    expect(order).toEqual(['db-0', 'db-1', 'db-2']);
    expect(c.get<StatefulSet>('StatefulSet', 'db').status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3 });
  });

  it('gives each pod a stable hostname under the governing Service and its own claim', () => {
    const c = new TestCluster();
    c.apply(STS(2));
    c.advance(60);
    const pod = c.get<Pod>('Pod', 'db-1');
    expect(pod.spec).toMatchObject({ hostname: 'db-1', subdomain: 'db' });
    expect(pod.metadata.labels).toMatchObject({ 'statefulset.kubernetes.io/pod-name': 'db-1', 'apps.kubernetes.io/pod-index': '1' });
    expect(pod.spec?.volumes?.find((v) => v.name === 'data')?.persistentVolumeClaim?.claimName).toBe('data-db-1');
    expect(c.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'data-db-1').status?.phase).toBe('Bound');
  });

  it('brings a deleted pod back with the same name, claim and hostname', () => {
    const c = new TestCluster();
    c.apply(STS(3));
    c.advance(90);
    const before = c.get<Pod>('Pod', 'db-1');
    const claimUid = c.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'data-db-1').metadata.uid;
    c.store.delete('Pod', 'db-1', 'default');
    c.advance(60);
    const after = c.get<Pod>('Pod', 'db-1');
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.spec?.hostname).toBe('db-1');
    expect(c.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'data-db-1').metadata.uid).toBe(claimUid);
    expect(names(c)).toEqual(['db-0', 'db-1', 'db-2']);
  });

  it('scales down from the highest ordinal and keeps the claims', () => {
    const c = new TestCluster();
    c.apply(STS(3));
    c.advance(90);
    c.apply(STS(1));
    c.advance(60);
    expect(names(c)).toEqual(['db-0']);
    expect(c.store.list('PersistentVolumeClaim').map((x) => x.metadata.name).sort()).toEqual(['data-db-0', 'data-db-1', 'data-db-2']);
    const deletions = c.events('StatefulSet', 'db').filter((e) => e.includes('delete Pod'));
    expect(deletions).toEqual(['SuccessfulDelete: delete Pod db-2 in StatefulSet db successful', 'SuccessfulDelete: delete Pod db-1 in StatefulSet db successful']);
  });

  it('rolls out a new template from the highest ordinal down, one pod at a time', () => {
    const c = new TestCluster();
    c.apply(STS(3));
    c.advance(90);
    c.apply(STS(3, 'nginx:1.28'));
    const updatedOrder: string[] = [];
    c.advanceCheckingEveryWrite(120, () => {
      for (const p of c.pods()) if (p.spec?.containers[0]?.image === 'nginx:1.28' && !updatedOrder.includes(p.metadata.name)) updatedOrder.push(p.metadata.name);
      expect(c.pods().filter((p) => p.metadata.deletionTimestamp).length).toBeLessThanOrEqual(1);
    });
    expect(updatedOrder).toEqual(['db-2', 'db-1', 'db-0']);
    const st = c.get<StatefulSet>('StatefulSet', 'db').status!;
    expect(st.currentRevision).toBe(st.updateRevision);
    expect(st.updatedReplicas).toBe(3);
    expect(rolloutHistory(c.store, 'StatefulSet', 'db', 'default').map((r) => [r.revision, r.template.spec?.containers[0]?.image])).toEqual([
      [1, 'nginx:1.27'],
      [2, 'nginx:1.28'],
    ]);
  });

  it('updates only ordinals at or above the partition', () => {
    const c = new TestCluster();
    c.apply(STS(3));
    c.advance(90);
    c.apply(STS(3, 'nginx:1.28', '  updateStrategy: { type: RollingUpdate, rollingUpdate: { partition: 2 } }'));
    c.advance(90);
    expect(c.pods().map((p) => `${p.metadata.name}=${p.spec?.containers[0]?.image}`).sort()).toEqual(['db-0=nginx:1.27', 'db-1=nginx:1.27', 'db-2=nginx:1.28']);
  });
});
