import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import { describe, expect, it } from 'vitest';
import { nextCronTime, parseCron } from '../../../src/core/api/cron';
import { TestCluster } from '../harness';

const CJ = (schedule: string, extra = '') => `apiVersion: batch/v1
kind: CronJob
metadata: { name: report }
spec:
  schedule: "${schedule}"
${extra}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{ name: r, image: "busybox:1.36", command: ["sleep", "3600"] }]
`;

const jobs = (c: TestCluster) => c.store.list<Job>('Job').map((j) => j.metadata.name);

describe('cron schedules', () => {
  it.each([
    ['*/15 * * * *', '2026-01-05T09:07:00Z', '2026-01-05T09:15:00Z'],
    ['0 * * * *', '2026-01-05T09:07:00Z', '2026-01-05T10:00:00Z'],
    ['@daily', '2026-01-05T09:07:00Z', '2026-01-06T00:00:00Z'],
    ['30 2 * * 1-5', '2026-01-09T03:00:00Z', '2026-01-12T02:30:00Z'],
    ['0 0 1 jan *', '2026-01-05T09:07:00Z', '2027-01-01T00:00:00Z'],
  ])('%s after %s is %s', (spec, after, next) => {
    const s = parseCron(spec);
    if (typeof s === 'string') throw new Error(s);
    expect(new Date(nextCronTime(s, Date.parse(after))!).toISOString()).toBe(next.replace('Z', '.000Z'));
  });

  it.each([
    ['* * *', 'expected exactly 5 fields, found 3: * * *'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
  ])('refuses %s', (spec, message) => {
    expect(parseCron(spec)).toBe(message);
  });
});

describe('CronJob controller', () => {
  it('creates a Job named after the scheduled minute at each scheduled time', () => {
    const c = new TestCluster();
    c.apply(CJ('*/5 * * * *'));
    c.advance(60 * 11);
    const epochMinutes = Date.UTC(2026, 0, 5, 9, 0, 0) / 60000;
    expect(jobs(c)).toEqual([`report-${epochMinutes + 5}`, `report-${epochMinutes + 10}`]);
    expect(c.events('CronJob', 'report').filter((e) => e.startsWith('SuccessfulCreate'))).toEqual([`SuccessfulCreate: Created job report-${epochMinutes + 5}`, `SuccessfulCreate: Created job report-${epochMinutes + 10}`]);
    expect(c.get<CronJob>('CronJob', 'report').status?.lastScheduleTime).toBe('2026-01-05T09:10:00Z');
  });

  it('skips a run while the last one is active with concurrencyPolicy Forbid', () => {
    const c = new TestCluster();
    c.apply(CJ('* * * * *', '  concurrencyPolicy: Forbid'));
    c.advance(60 * 3 + 5);
    expect(jobs(c)).toHaveLength(1);
    expect(c.events('CronJob', 'report')).toContain('JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid');
  });

  it('replaces the running Job with concurrencyPolicy Replace', () => {
    const c = new TestCluster();
    c.apply(CJ('* * * * *', '  concurrencyPolicy: Replace'));
    c.advance(60 * 3 + 5);
    expect(jobs(c)).toHaveLength(1);
    expect(c.events('CronJob', 'report').filter((e) => e.startsWith('SuccessfulDelete'))).toHaveLength(2);
  });

  it('runs nothing while suspended', () => {
    const c = new TestCluster();
    c.apply(CJ('* * * * *', '  suspend: true'));
    c.advance(60 * 5);
    expect(jobs(c)).toEqual([]);
  });

  it('keeps successfulJobsHistoryLimit finished Jobs', () => {
    const c = new TestCluster();
    c.apply(CJ('* * * * *', '  successfulJobsHistoryLimit: 2'));
    for (let i = 0; i < 6; i++) {
      c.advance(60);
      for (const p of c.pods()) if (p.status?.phase === 'Running') c.finishPod(p.metadata.name, 0);
      c.advance(1);
    }
    c.advance(2);
    const finished = c.store.list<Job>('Job').filter((j) => j.status?.conditions?.some((x) => x.type === 'Complete'));
    expect(finished.length).toBeLessThanOrEqual(2);
    expect(c.events('CronJob', 'report').some((e) => e.startsWith('SawCompletedJob: Saw completed job: report-'))).toBe(true);
  });

  it('refuses an unparseable schedule with the field path', () => {
    const c = new TestCluster();
    expect(c.applyError(CJ('every minute'))).toBe('The CronJob "report" is invalid: spec.schedule: Invalid value: "every minute": expected exactly 5 fields, found 2: every minute');
  });
});
