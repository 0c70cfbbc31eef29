import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../src/core';
import { type ProbeTarget, runProbe } from '../../../src/core/kubelet/probes';
import { condition, events, oneNode, pod, podYaml, watchContainer } from './helpers';

/** Record when the pod's Ready condition changes, in virtual ms. */
function readyLog(sim: Simulation, name: string): { atMs: number; ready: string }[] {
  const out: { atMs: number; ready: string }[] = [];
  sim.watch((e) => {
    if (e.object.kind !== 'Pod' || e.object.metadata.name !== name || e.type === 'DELETED') return;
    const ready = condition(e.object as Pod, 'Ready');
    if (ready && out.at(-1)?.ready !== ready) out.push({ atMs: Math.round(sim.now() * 1000), ready });
  });
  return out;
}

const withAnnotations = (manifest: string, annotations: Record<string, string>) =>
  manifest.replace(/(metadata:\n  name: \S+\n)/, `$1  annotations:\n${Object.entries(annotations).map(([k, v]) => `    ${k}: "${v}"\n`).join('')}`);

const WEB = podYaml('web', '  - name: nginx\n    image: nginx:1.27\n    readinessProbe:\n      httpGet: { path: /, port: 80 }\n      periodSeconds: 5\n');

describe('readiness probes', () => {
  it('make the pod Ready after the first success, and take it out and back when the app stops and starts answering', () => {
    const sim = oneNode();
    sim.apply(WEB);
    const ready = readyLog(sim, 'web');
    const container = watchContainer(sim, 'web');
    sim.advance(20);
    const started = container.find((t) => t.state === 'running')!.atMs;
    // The PLEG notices the start a second later; that pod sync finds no readiness result and has
    // the probe run at once. nginx listens by then, so the pod is Ready, with no failure.
    expect(ready).toEqual([
      { atMs: ready[0]!.atMs, ready: 'False' },
      { atMs: started + 1000, ready: 'True' },
    ]);
    expect(events(sim, 'web').filter((e) => e.includes('Unhealthy'))).toEqual([]);
    sim.apply(withAnnotations(WEB, { 'kubelab.dev/fail-readiness': 'true' }));
    const failFrom = Math.round(sim.now() * 1000);
    sim.advance(30);
    // failureThreshold 3: the third failing probe after the change, on the worker's 5 s ticks,
    // marks it not ready.
    const notReady = ready[2]!;
    expect(notReady.ready).toBe('False');
    expect(notReady.atMs - failFrom).toBeGreaterThan(10_000);
    expect(notReady.atMs - failFrom).toBeLessThanOrEqual(15_000);
    expect(events(sim, 'web')).toContain('Warning Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503');
    expect(sim.kubectl('get pod web').stdout.split('\n')[1]).toMatch(/^web\s+0\/1\s+Running/);
    sim.apply(WEB);
    const healFrom = Math.round(sim.now() * 1000);
    sim.advance(10);
    // successThreshold 1: the next tick makes it ready again.
    const back = ready[3]!;
    expect(back.ready).toBe('True');
    expect((back.atMs - notReady.atMs) % 5000).toBe(0);
    expect(back.atMs - healFrom).toBeGreaterThan(0);
    expect(back.atMs - healFrom).toBeLessThanOrEqual(5000);
  });

  it('report a refused connection when nothing listens on the port', () => {
    const sim = oneNode();
    sim.apply(podYaml('wrongport', '  - name: nginx\n    image: nginx:1.27\n    readinessProbe:\n      httpGet: { path: /, port: 8080 }\n'));
    sim.advance(30);
    const ip = pod(sim, 'wrongport').status!.podIP!;
    expect(events(sim, 'wrongport')).toContain(`Warning Unhealthy: Readiness probe failed: Get "http://${ip}:8080/": dial tcp ${ip}:8080: connect: connection refused`);
    expect(condition(pod(sim, 'wrongport'), 'Ready')).toBe('False');
  });
});

describe('liveness probes', () => {
  it('restart the container of the Kubernetes docs exec example once /tmp/healthy is gone', () => {
    const sim = oneNode();
    sim.apply(
      podYaml(
        'liveness-exec',
        '  - name: liveness\n    image: registry.k8s.io/busybox\n    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]\n    livenessProbe:\n      exec: { command: [cat, /tmp/healthy] }\n      initialDelaySeconds: 5\n      periodSeconds: 5\n',
      ),
    );
    const log = watchContainer(sim, 'liveness-exec');
    sim.advance(120);
    const started = log.find((t) => t.state === 'running')!.atMs;
    const evs = events(sim, 'liveness-exec');
    expect(evs).toContain("Warning Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(evs).toContain('Normal Killing: Container liveness failed liveness probe, will be restarted');
    // The file goes 30 s after the start; the worker's next three 5 s ticks fail; the shell is
    // PID 1 and ignores SIGTERM, so it is killed when the 30 s grace period ends: exit 137.
    const killed = log.find((t) => t.state === 'terminated:Error/137')!;
    const firstFailure = killed.atMs - 30_000 - 2 * 5000;
    expect(firstFailure - started).toBeGreaterThan(30_000);
    expect(firstFailure - started).toBeLessThanOrEqual(35_000);
    expect(log.some((t) => t.state === 'running' && t.restarts === 1)).toBe(true);
  });

  it('hold off while a startup probe has not succeeded, and restart a container that never starts', () => {
    const sim = oneNode();
    sim.apply(
      withAnnotations(
        podYaml('slowstart', '  - name: app\n    image: nginx:1.27\n    startupProbe:\n      httpGet: { path: /, port: 80 }\n      periodSeconds: 5\n      failureThreshold: 4\n    livenessProbe:\n      httpGet: { path: /, port: 80 }\n'),
        { 'kubelab.dev/startup-delay': '60s' },
      ),
    );
    sim.advance(40);
    const evs = events(sim, 'slowstart');
    expect(evs.filter((e) => e.startsWith('Warning Unhealthy: Startup probe failed')).length).toBe(1);
    expect(evs.some((e) => e.includes('Liveness probe failed'))).toBe(false);
    expect(evs).toContain('Normal Killing: Container app failed startup probe, will be restarted');
    expect(pod(sim, 'slowstart').status?.containerStatuses?.[0]?.started).toBe(false);
  });
});

describe('probe workers', () => {
  it('tick on their own rhythm from the pod\'s admission, which container restarts do not reset', () => {
    const sim = oneNode();
    sim.advance(60);
    sim.apply(
      podYaml(
        'doomed',
        '  - name: app\n    image: busybox:1.36\n    command: [sleep, "3600"]\n    livenessProbe:\n      exec: { command: [cat, /tmp/never] }\n      periodSeconds: 10\n      failureThreshold: 1\n',
        '  terminationGracePeriodSeconds: 1\n',
      ),
    );
    const log = watchContainer(sim, 'doomed');
    sim.advance(200);
    const starts = log.filter((t) => t.state === 'running').map((t) => t.atMs);
    // sleep ignores SIGTERM: each instance is killed two seconds (the minimum grace) after the
    // tick whose probe failed.
    const ticks = log.filter((t) => t.state === 'terminated:Error/137').map((t) => t.atMs - 2000);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < ticks.length; i++) {
      expect(ticks[i]! - starts[i]!).toBeGreaterThan(0);
      expect(ticks[i]! - starts[i]!).toBeLessThanOrEqual(10_000);
      expect((ticks[i]! - ticks[0]!) % 10_000).toBe(0);
    }
  });
});

describe('one probe run', () => {
  const target = (over: Partial<ProbeTarget>): ProbeTarget =>
    ({
      podIP: '10.244.1.5',
      clientIp: '10.244.1.1',
      ports: [{ name: 'http', containerPort: 8080 }],
      process: { http: () => 200, listening: () => true } as never,
      exec: () => ({ exitCode: 0, output: '', chunks: [], durationMs: 1, timedOut: false }),
      live: () => ({ failReadiness: false, failLiveness: false, cpuMillis: undefined }),
      ...over,
    }) as ProbeTarget;

  it.each([
    ['an HTTP probe answered 200 succeeds', { httpGet: { port: 'http' as never, path: '/healthz' } }, {}, { success: true, message: '' }],
    ['an HTTP probe answered 500 fails with the status code', { httpGet: { port: 8080 as never, path: '/healthz' } }, { process: { http: () => 500 } as never }, { success: false, message: 'HTTP probe failed with statuscode: 500' }],
    ['a TCP probe on a closed port is refused', { tcpSocket: { port: 6379 as never } }, { process: { listening: () => false } as never }, { success: false, message: 'dial tcp 10.244.1.5:6379: connect: connection refused' }],
    ['an exec probe that times out says so', { exec: { command: ['sleep', '5'] }, timeoutSeconds: 1 }, { exec: () => ({ exitCode: -1, output: '', chunks: [], durationMs: 1000, timedOut: true }) }, { success: false, message: 'command "sleep 5" timed out' }],
  ])('%s', (_name, probe, over, expected) => {
    expect(runProbe('Liveness', probe, target(over))).toEqual(expected);
  });
});
