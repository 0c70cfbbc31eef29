import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { rolloutHistory, rolloutStatus } from '../../../src/core/controllers/rollout';
import { rollbackDeployment } from '../../../src/core/controllers/deployment/rollback';
import { isReady, TestCluster } from '../harness';

function deployment(opts: { replicas?: number; image?: string; strategy?: string; progressDeadlineSeconds?: number; revisionHistoryLimit?: number; cpu?: string } = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${opts.replicas ?? 3}
  ${opts.progressDeadlineSeconds ? `progressDeadlineSeconds: ${opts.progressDeadlineSeconds}` : ''}
  ${opts.revisionHistoryLimit !== undefined ? `revisionHistoryLimit: ${opts.revisionHistoryLimit}` : ''}
  selector: { matchLabels: { app: web } }
  ${opts.strategy ?? ''}
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: "${opts.image ?? 'nginx:1.27'}", resources: { requests: { cpu: ${opts.cpu ?? '50m'} } } }]
`;
}

const imageOf = (p: Pod) => p.spec?.containers?.[0]?.image;
const live = (c: TestCluster) => c.pods().filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded');

describe('Deployment rolling update', () => {
  it.each([
    { replicas: 4, maxSurge: 1, maxUnavailable: 0, surge: 1, unavailable: 0 },
    { replicas: 4, maxSurge: 0, maxUnavailable: 1, surge: 0, unavailable: 1 },
    { replicas: 10, maxSurge: '25%', maxUnavailable: '25%', surge: 3, unavailable: 2 },
    { replicas: 5, maxSurge: '50%', maxUnavailable: '20%', surge: 3, unavailable: 1 },
    { replicas: 3, maxSurge: 2, maxUnavailable: 2, surge: 2, unavailable: 2 },
  ])('never has more than $replicas + $surge pods or fewer than $replicas - $unavailable available, with maxSurge $maxSurge and maxUnavailable $maxUnavailable', ({ replicas, maxSurge, maxUnavailable, surge, unavailable }) => {
    const c = new TestCluster('minimal');
    const strategy = `strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: ${JSON.stringify(maxSurge)}, maxUnavailable: ${JSON.stringify(maxUnavailable)} } }`;
    c.apply(deployment({ replicas, strategy }));
    c.advance(60);
    expect(live(c).filter(isReady)).toHaveLength(replicas);
    c.apply(deployment({ replicas, strategy, image: 'nginx:1.28' }));
    let checks = 0;
    c.advanceCheckingEveryWrite(180, () => {
      checks++;
      const rsTotal = c.store.list<ReplicaSet>('ReplicaSet').reduce((s, rs) => s + (rs.spec?.replicas ?? 0), 0);
      expect(rsTotal).toBeLessThanOrEqual(replicas + surge);
      expect(live(c).length).toBeLessThanOrEqual(replicas + surge);
      expect(live(c).filter(isReady).length).toBeGreaterThanOrEqual(replicas - unavailable);
    });
    expect(checks).toBeGreaterThan(10);
    expect(live(c).map(imageOf)).toEqual(Array(replicas).fill('nginx:1.28'));
    expect(rolloutStatus(c.store, 'Deployment', 'web', 'default')).toEqual({ message: 'deployment "web" successfully rolled out', done: true });
  });

  it('reports status counters and conditions as kubectl shows them once rolled out', () => {
    const c = new TestCluster('minimal');
    c.apply(deployment());
    c.advance(60);
    const d = c.get<Deployment>('Deployment', 'web');
    const rs = c.store.list<ReplicaSet>('ReplicaSet')[0]!;
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status?.unavailableReplicas).toBeUndefined();
    expect(d.status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata.name}" has successfully progressed.`],
    ]);
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(rs.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect(rs.spec?.selector?.matchLabels?.['pod-template-hash']).toBe(rs.metadata.name.slice('web-'.length));
    expect(c.events('Deployment', 'web')).toEqual([`ScalingReplicaSet: Scaled up replica set ${rs.metadata.name} to 3 from 0`]);
  });

  it('records each step of a rollout as ScalingReplicaSet events, old and new alternating', () => {
    const c = new TestCluster('minimal');
    const strategy = 'strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }';
    c.apply(deployment({ replicas: 2, strategy }));
    c.advance(60);
    const [oldRs] = c.store.list<ReplicaSet>('ReplicaSet');
    c.apply(deployment({ replicas: 2, strategy, image: 'nginx:1.28' }));
    c.advance(120);
    const newRs = c.store.list<ReplicaSet>('ReplicaSet').find((r) => r.metadata.uid !== oldRs!.metadata.uid)!;
    expect(c.events('Deployment', 'web').slice(1)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${newRs.metadata.name} to 1 from 0`,
      `ScalingReplicaSet: Scaled down replica set ${oldRs!.metadata.name} to 1 from 2`,
      `ScalingReplicaSet: Scaled up replica set ${newRs.metadata.name} to 2 from 1`,
      `ScalingReplicaSet: Scaled down replica set ${oldRs!.metadata.name} to 0 from 1`,
    ]);
  });
});

describe('Deployment Recreate', () => {
  it('deletes every old pod, and waits until they are gone, before creating any new one', () => {
    const c = new TestCluster('minimal');
    const strategy = 'strategy: { type: Recreate }';
    c.apply(deployment({ strategy }));
    c.advance(60);
    c.apply(deployment({ strategy, image: 'nginx:1.28' }));
    let sawGap = false;
    c.advanceCheckingEveryWrite(120, () => {
      const images = c.pods().map(imageOf);
      if (images.includes('nginx:1.28')) expect(images).not.toContain('nginx:1.27');
      if (images.length === 0) sawGap = true;
    });
    expect(sawGap).toBe(true);
    expect(live(c).map(imageOf)).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28']);
  });
});

describe('Deployment rollback', () => {
  it('restores the previous template by reusing its ReplicaSet under a new revision', () => {
    const c = new TestCluster('minimal');
    c.apply(deployment());
    c.advance(60);
    const first = c.store.list<ReplicaSet>('ReplicaSet')[0]!;
    c.apply(deployment({ image: 'nginx:1.28' }));
    c.advance(120);
    expect(rollbackDeployment(c.store, 'web', 'default')).toEqual({ outcome: 'rolled back' });
    c.advance(120);
    const d = c.get<Deployment>('Deployment', 'web');
    expect(d.spec?.template?.spec?.containers[0]?.image).toBe('nginx:1.27');
    expect(d.spec?.template?.metadata?.labels).toEqual({ app: 'web' });
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    const reused = c.get<ReplicaSet>('ReplicaSet', first.metadata.name);
    expect(reused.metadata.uid).toBe(first.metadata.uid);
    expect(reused.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(reused.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(live(c).map(imageOf)).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27']);
    expect(rolloutHistory(c.store, 'Deployment', 'web', 'default').map((r) => [r.revision, r.template.spec?.containers[0]?.image, r.template.metadata?.labels])).toEqual([
      [2, 'nginx:1.28', { app: 'web' }],
      [3, 'nginx:1.27', { app: 'web' }],
    ]);
  });

  it.each([
    [5, 'unable to find specified revision 5 in history'],
    [0, 'no rollout history found for deployment "web"'],
  ])('refuses to roll back to revision %s of a fresh deployment with kubectl\'s message', (revision, message) => {
    const c = new TestCluster('minimal');
    c.apply(deployment());
    c.advance(5);
    expect(() => rollbackDeployment(c.store, 'web', 'default', revision)).toThrow(message);
  });

  it('skips a rollback to the revision already running', () => {
    const c = new TestCluster('minimal');
    c.apply(deployment());
    c.advance(30);
    c.apply(deployment({ image: 'nginx:1.28' }));
    c.advance(60);
    expect(rollbackDeployment(c.store, 'web', 'default', 2).outcome).toBe('skipped rollback (current template already matches revision 2)');
  });
});

describe('Deployment pause, progress deadline and history', () => {
  it('does not roll out template changes while paused, and does once resumed', () => {
    const c = new TestCluster('minimal');
    c.apply(deployment());
    c.advance(60);
    c.store.patch<Deployment>('Deployment', 'web', 'default', (d) => (d.spec!.paused = true));
    c.apply(deployment({ image: 'nginx:1.28' }));
    c.advance(60);
    expect(c.store.list('ReplicaSet')).toHaveLength(1);
    const progressing = c.get<Deployment>('Deployment', 'web').status?.conditions?.find((x) => x.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    c.store.patch<Deployment>('Deployment', 'web', 'default', (d) => delete d.spec!.paused);
    c.advance(120);
    expect(live(c).map(imageOf)).toEqual(['nginx:1.28', 'nginx:1.28', 'nginx:1.28']);
  });

  it('reports ProgressDeadlineExceeded when new pods cannot come up within progressDeadlineSeconds, and does not roll back', () => {
    const c = new TestCluster('minimal');
    c.apply(deployment({ progressDeadlineSeconds: 60 }));
    c.advance(30);
    c.apply(deployment({ progressDeadlineSeconds: 60, cpu: '"64"' }));
    c.advance(50);
    const cond = () => c.get<Deployment>('Deployment', 'web').status?.conditions?.find((x) => x.type === 'Progressing');
    expect(cond()?.reason).toBe('ReplicaSetUpdated');
    c.advance(30);
    const newRs = c.store.list<ReplicaSet>('ReplicaSet').find((r) => r.spec?.template?.spec?.containers[0]?.resources?.requests?.cpu === '64')!;
    expect(cond()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRs.metadata.name}" has timed out progressing.` });
    expect(() => rolloutStatus(c.store, 'Deployment', 'web', 'default')).toThrow('deployment "web" exceeded its progress deadline');
    expect(live(c).filter(isReady)).toHaveLength(3);
  });

  it('keeps a completed rollout complete when pods later become unavailable, without re-syncing until something changes', () => {
    const c = new TestCluster('minimal');
    c.apply(deployment({ progressDeadlineSeconds: 10 }));
    c.advance(60);
    const onWorker1 = c.pods().filter((p) => p.spec?.nodeName === 'worker-1');
    expect(onWorker1.length).toBeGreaterThan(0);
    c.world.machineStates.powerOff('worker-1');
    c.advance(90);
    const d = c.get<Deployment>('Deployment', 'web');
    expect(d.status?.availableReplicas).toBe(3 - onWorker1.length);
    expect(d.status?.conditions?.find((x) => x.type === 'Progressing')?.reason).toBe('NewReplicaSetAvailable');
    // The deadline of the completed rollout lies long in the past: nothing may re-sync it every millisecond.
    const tasks = c.world.ctx.clock.tasksRun;
    c.advance(60);
    expect(c.world.ctx.clock.tasksRun - tasks).toBeLessThan(2_000);
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', () => {
    const c = new TestCluster('minimal');
    for (const tag of ['1.25', '1.26', '1.27', '1.28']) {
      c.apply(deployment({ replicas: 1, revisionHistoryLimit: 1, image: `nginx:${tag}` }));
      c.advance(60);
    }
    const revisions = c.store.list<ReplicaSet>('ReplicaSet').map((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision']);
    expect(revisions.sort()).toEqual(['3', '4']);
  });

  it('scales an in-progress rollout proportionally', () => {
    const c = new TestCluster('minimal');
    const strategy = 'strategy: { rollingUpdate: { maxSurge: 3, maxUnavailable: 0 } }';
    c.apply(deployment({ replicas: 10, strategy }));
    c.advance(60);
    c.apply(deployment({ replicas: 10, strategy, image: 'nginx:1.28', cpu: '"64"' }));
    c.advance(5);
    const sizes = () => c.store.list<ReplicaSet>('ReplicaSet').map((r) => r.spec?.replicas);
    expect(sizes()).toEqual([10, 3]);
    c.apply(deployment({ replicas: 20, strategy, image: 'nginx:1.28', cpu: '"64"' }));
    c.advance(1);
    // 13 → 23 allowed: the extra 10 split 10:3 between the ReplicaSets (8 and 2).
    expect(sizes()).toEqual([18, 5]);
  });
});
