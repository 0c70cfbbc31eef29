import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../../src/core';
import { parseTimestamp } from '../../../src/core/engine/time';
import { WEB_DEPLOYMENT } from './helpers';

const ms = (sim: Simulation) => Math.round(sim.now() * 1000);

/** The first instant each pod satisfied `test`, in virtual ms, in the order it happened. */
function firstTimes(sim: Simulation, test: (p: Pod) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  sim.watch((e) => {
    if (e.object.kind !== 'Pod') return;
    const p = e.object as Pod;
    if (!out.has(p.metadata!.name!) && test(p)) out.set(p.metadata!.name!, ms(sim));
  });
  return out;
}

describe('the kubelet under the workload controllers', () => {
  it('runs a Job whose container keeps failing until the Job fails with BackoffLimitExceeded, retrying 10, 20 and 40 s after each failure', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    const created = firstTimes(sim, () => true);
    const failed = firstTimes(sim, (p) => p.status?.phase === 'Failed');
    sim.apply(`apiVersion: batch/v1
kind: Job
metadata: { name: flaky }
spec:
  backoffLimit: 3
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "echo starting; sleep 2; echo boom >&2; exit 3"]
`);
    sim.advance(200);
    // backoffLimit 3: the first pod and three retries, each failing.
    const pods = [...created.keys()];
    expect(pods).toHaveLength(4);
    expect(pods.map((p) => failed.has(p))).toEqual([true, true, true, true]);
    // Each retry waits the Job's pod failure back-off (10 s doubling) from the failed container's
    // finishedAt, which the API keeps to the second.
    const finished = pods.map((p) => parseTimestamp(sim.get<Pod>('pod', p)!.status!.containerStatuses![0]!.state!.terminated!.finishedAt!));
    expect(finished.map((f, i) => f - Math.floor(failed.get(pods[i]!)! / 1000) * 1000)).toEqual([0, 0, 0, 0]);
    expect(pods.slice(1).map((p, i) => created.get(p)! - finished[i]!)).toEqual([10_000, 20_000, 40_000]);
    // The fourth failure is one more than the limit: the Job fails in that instant.
    const job = sim.get<Job>('job', 'flaky')!;
    expect(job.status?.failed).toBe(4);
    expect(job.status?.conditions?.find((c) => c.type === 'Failed')).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(parseTimestamp(job.status!.conditions!.find((c) => c.type === 'Failed')!.lastTransitionTime!)).toBe(Math.floor(failed.get(pods[3]!)! / 1000) * 1000);
    expect(sim.kubectl('get pods').stdout.split('\n').slice(1).map((l) => l.split(/\s+/).slice(1, 4).join(' '))).toEqual(Array(4).fill('0/1 Error 0'));
    expect(sim.logs(pods[3]!)).toMatchObject({ ok: true, text: 'starting\nboom\n' });
    expect(sim.events().filter((e) => e.involvedObject.kind === 'Job').map((e) => `${e.type} ${e.reason}: ${e.message}`)).toEqual([
      ...pods.map((p) => `Normal SuccessfulCreate: Created pod: ${p}`),
      'Warning BackoffLimitExceeded: Job has reached the specified backoff limit',
    ]);
  });

  it('takes a pod out of its Service\'s ready endpoints at its third failed readiness probe, and back at the next passing one', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    const running = firstTimes(sim, (p) => !!p.status?.containerStatuses?.[0]?.state?.running);
    sim.apply(`${WEB_DEPLOYMENT}---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: http }]
`);
    sim.advance(60);
    const victim = [...running.keys()].sort()[0]!;
    const ip = sim.get<Pod>('pod', victim)!.status!.podIP!;
    const changes: [number, unknown][] = [];
    sim.watch((e) => {
      if (e.object.kind !== 'EndpointSlice') return;
      const conditions = (e.object as EndpointSlice).endpoints?.find((x) => x.addresses[0] === ip)?.conditions;
      if (JSON.stringify(conditions) !== JSON.stringify(changes.at(-1)?.[1])) changes.push([ms(sim), conditions]);
    });
    sim.kubectl(`annotate pod ${victim} kubelab.dev/fail-readiness=true`);
    sim.advance(30);
    sim.kubectl(`annotate pod ${victim} kubelab.dev/fail-readiness-`);
    sim.advance(30);
    // The probe worker ticks every 5 s; failureThreshold 3, successThreshold 1. The endpoint
    // follows the pod's Ready condition in the same instant.
    expect(changes.map(([, c]) => c)).toEqual([
      { ready: false, serving: false, terminating: false },
      { ready: true, serving: true, terminating: false },
    ]);
    const [out, back] = changes.map(([at]) => at) as [number, number];
    expect(out - 60_000).toBeGreaterThan(10_000);
    expect(out - 60_000).toBeLessThanOrEqual(15_000);
    expect((back - out) % 5000).toBe(0);
    expect(back - 90_000).toBeGreaterThan(0);
    expect(back - 90_000).toBeLessThanOrEqual(5000);
    const unhealthy = sim.events().find((e) => e.involvedObject.name === victim && e.reason === 'Unhealthy' && e.message!.includes('503'));
    expect(unhealthy).toMatchObject({ type: 'Warning', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 6 });
  });
});
