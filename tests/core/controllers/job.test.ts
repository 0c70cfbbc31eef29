import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../src/core/engine/time';
import { TestCluster } from '../harness';

const JOB = (spec: string) => `apiVersion: batch/v1
kind: Job
metadata: { name: train }
spec:
${spec}
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: main, image: "busybox:1.36", command: ["sleep", "3600"] }]
`;

const running = (c: TestCluster) => c.pods().filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
const condTypes = (j: Job) => (j.status?.conditions ?? []).filter((x) => x.status === 'True').map((x) => x.type);

/** Fail every running pod of the job the instant it runs, recording when each new pod was created. */
function failEverything(c: TestCluster, seconds: number): number[] {
  const created: number[] = [];
  const seen = new Set<string>();
  for (let t = 0; t < seconds * 10; t++) {
    c.advance(0.1);
    for (const p of c.pods()) {
      if (!seen.has(p.metadata.uid)) {
        seen.add(p.metadata.uid);
        created.push(Math.round(parseTimestamp(p.metadata.creationTimestamp) / 1000));
      }
      if (p.status?.phase === 'Running') c.finishPod(p.metadata.name, 1);
    }
  }
  return created;
}

describe('Job controller', () => {
  it('retries a failing pod with back-off of 10 s doubling, then fails with BackoffLimitExceeded', () => {
    const c = new TestCluster();
    c.apply(JOB('  backoffLimit: 3'));
    const created = failEverything(c, 200);
    const gaps = created.slice(1).map((t, i) => t - created[i]!);
    // Each retry waits the back-off after the previous failure (10, 20, 40 s), plus the few seconds the pod took to start.
    expect(created).toHaveLength(4);
    expect(gaps[0]).toBeGreaterThanOrEqual(10);
    expect(gaps[1]! - gaps[0]!).toBeGreaterThanOrEqual(9);
    expect(gaps[2]! - gaps[1]!).toBeGreaterThanOrEqual(19);
    const job = c.get<Job>('Job', 'train');
    expect(condTypes(job)).toEqual(['FailureTarget', 'Failed']);
    expect(job.status?.conditions?.find((x) => x.type === 'Failed')).toMatchObject({ reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(job.status).toMatchObject({ failed: 4 });
    expect(c.events('Job', 'train')).toContain('BackoffLimitExceeded: Job has reached the specified backoff limit');
    // Counted pods lose the tracking finalizer so they can be deleted.
    expect(c.pods().every((p) => !p.metadata.finalizers?.includes('batch.kubernetes.io/job-tracking'))).toBe(true);
  });

  it('runs completions pods, at most parallelism at once, and completes', () => {
    const c = new TestCluster();
    c.apply(JOB('  completions: 5\n  parallelism: 2'));
    let maxActive = 0;
    for (let i = 0; i < 60 && !condTypes(c.get<Job>('Job', 'train')).includes('Complete'); i++) {
      c.advance(2);
      maxActive = Math.max(maxActive, c.pods().filter((p) => p.status?.phase !== 'Succeeded').length);
      for (const p of running(c)) c.finishPod(p.metadata.name, 0);
    }
    c.advance(1);
    const job = c.get<Job>('Job', 'train');
    expect(maxActive).toBe(2);
    expect(condTypes(job)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(job.status).toMatchObject({ succeeded: 5 });
    expect(job.status?.completionTime).toBeDefined();
    expect(c.events('Job', 'train').at(-1)).toBe('Completed: Job completed');
  });

  it('fails with DeadlineExceeded when activeDeadlineSeconds passes, deleting its running pods', () => {
    const c = new TestCluster();
    c.apply(JOB('  activeDeadlineSeconds: 30'));
    c.advance(29);
    expect(running(c)).toHaveLength(1);
    c.advance(5);
    const job = c.get<Job>('Job', 'train');
    expect(job.status?.conditions?.find((x) => x.type === 'FailureTarget')).toMatchObject({ reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
    c.advance(5);
    expect(condTypes(c.get<Job>('Job', 'train'))).toContain('Failed');
    expect(c.pods().filter((p) => !p.metadata.deletionTimestamp && p.status?.phase === 'Running')).toHaveLength(0);
  });

  it('counts container restarts against backoffLimit with restartPolicy OnFailure', () => {
    const c = new TestCluster();
    c.apply(JOB('  backoffLimit: 2').replace('restartPolicy: Never', 'restartPolicy: OnFailure'));
    c.advance(20);
    const pod = c.pods()[0]!;
    c.store.patchStatus<Pod>('Pod', pod.metadata.name, 'default', (p) => {
      p.status!.containerStatuses![0]!.restartCount = 2;
    });
    c.advance(1);
    expect(c.get<Job>('Job', 'train').status?.conditions?.find((x) => x.type === 'FailureTarget')?.reason).toBe('BackoffLimitExceeded');
  });

  it('generates its selector from its uid and labels its pods with it', () => {
    const c = new TestCluster();
    c.apply(JOB('  completions: 1'));
    c.advance(1);
    const job = c.get<Job>('Job', 'train');
    const uid = job.metadata.uid;
    expect(job.spec?.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(c.pods()[0]!.metadata.labels).toEqual({ 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'train', 'controller-uid': uid, 'job-name': 'train' });
  });

  it('refuses a Job whose pods would restart Always', () => {
    const c = new TestCluster();
    expect(c.applyError(JOB('  completions: 1').replace('restartPolicy: Never', 'restartPolicy: Always'))).toBe(
      'The Job "train" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    );
  });

  it('runs indexed completions with one pod per index', () => {
    const c = new TestCluster();
    c.apply(JOB('  completions: 3\n  parallelism: 3\n  completionMode: Indexed'));
    c.advance(20);
    const indexes = c.pods().map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).sort();
    expect(indexes).toEqual(['0', '1', '2']);
    for (const p of running(c)) c.finishPod(p.metadata.name, 0);
    c.advance(1);
    expect(c.get<Job>('Job', 'train').status?.completedIndexes).toBe('0-2');
  });
});
