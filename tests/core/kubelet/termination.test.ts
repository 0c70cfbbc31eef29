import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../src/core';
import { applyManifests } from '../../../src/core/apply/apply';
import { rfc3339 } from '../../../src/core/engine/time';
import { World } from '../../../src/core/world';
import { events, ONE_NODE, oneNode, podYaml, stateOf } from './helpers';

/** Delete a running pod and report when it is gone and how its container ended. */
function deleteAndWatch(sim: Simulation, name: string, gracePeriodSeconds?: number): { goneAfterMs: number; lastState: string } {
  let lastState = '';
  const stop = sim.watch((e) => {
    if (e.object.kind === 'Pod' && e.object.metadata.name === name && e.type !== 'DELETED') lastState = stateOf((e.object as Pod).status?.containerStatuses?.[0]);
  });
  const from = sim.now();
  sim.delete('pod', name, undefined, gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {});
  // Jump from event to event: the pod is gone at the instant of one of them.
  while (sim.get('pod', name) && sim.now() - from < 200) sim.advance(Math.max(sim.nextEventIn() ?? 1, 0.001));
  stop();
  return { goneAfterMs: Math.round((sim.now() - from) * 1000), lastState };
}

const SLEEPER = '  - name: app\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n';
const NGINX = '  - name: nginx\n    image: nginx:1.27\n';

describe('graceful termination', () => {
  it.each([
    // name, containers, grace override, time to gone [min, max] in ms, how the container ended
    ['stops nginx within a fraction of a second: it handles its stop signal (SIGQUIT) and exits 0', NGINX, undefined, [80, 300], 'terminated:Completed/0'],
    ['waits the whole grace period for a PID 1 that ignores SIGTERM, then kills it: exit 137', SLEEPER, undefined, [30_000, 30_000], 'terminated:Error/137'],
    ['honours a shorter grace period given with the delete', SLEEPER, 5, [5000, 5000], 'terminated:Error/137'],
    ['runs a preStop hook first: the signal comes when the hook ends', `${NGINX}    lifecycle:\n      preStop:\n        sleep: { seconds: 10 }\n`, undefined, [10_080, 10_300], 'terminated:Completed/0'],
    [
      'cuts off a preStop hook at the end of the grace period and kills two seconds later',
      `${SLEEPER}    lifecycle:\n      preStop:\n        exec: { command: ["sleep", "40"] }\n`,
      undefined,
      [32_000, 32_000],
      'terminated:Error/137',
    ],
  ] as const)('%s', (_name, containers, grace, [min, max], ended) => {
    const sim = oneNode();
    sim.apply(podYaml('victim', containers));
    sim.advance(10);
    const r = deleteAndWatch(sim, 'victim', grace);
    expect(r.goneAfterMs).toBeGreaterThanOrEqual(min);
    expect(r.goneAfterMs).toBeLessThanOrEqual(max);
    expect(r.lastState).toBe(ended);
    expect(events(sim, 'victim').filter((e) => e.startsWith('Normal Killing'))).toEqual([`Normal Killing: Stopping container ${containers.includes('nginx') ? 'nginx' : 'app'}`]);
  });

  it('lets a shell that traps SIGTERM exit once its current sleep ends', () => {
    const sim = oneNode();
    sim.apply(podYaml('trapper', '  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "trap \'echo bye; exit 0\' TERM; while true; do sleep 1; done"]\n'));
    sim.advance(10.5);
    const r = deleteAndWatch(sim, 'trapper');
    expect(r.goneAfterMs).toBeLessThanOrEqual(1100);
    expect(r.lastState).toBe('terminated:Completed/0');
  });

  it('keeps a phase another component made terminal and stops the containers with the grace period', () => {
    // kubelet_pods.go: "pods are not allowed to transition out of terminal phases".
    const world = new World(1, ONE_NODE);
    const store = world.ctx.store;
    applyManifests(store, podYaml('marked', SLEEPER));
    world.ctx.clock.runUntil(10_000);
    const before = store.get<Pod>('Pod', 'marked', 'default')!;
    expect(before.status?.phase).toBe('Running');
    store.patchStatus<Pod>('Pod', 'marked', 'default', (p) => {
      p.status!.phase = 'Failed';
    });
    const phases: string[] = [];
    const stop = store.watch('Pod', (e) => phases.push(`${(e.object as Pod).status?.phase} ${stateOf((e.object as Pod).status?.containerStatuses?.[0])}`));
    world.ctx.clock.runUntil(10_000 + 31_000);
    stop();
    // Killing at once with SIGTERM, which sleep as PID 1 ignores; SIGKILL when the 30 s grace period ends.
    expect(phases).toEqual(['Failed running', 'Failed terminated:Error/137']);
    const after = store.get<Pod>('Pod', 'marked', 'default')!;
    expect(after.status?.containerStatuses?.[0]?.state?.terminated?.finishedAt).toBe(rfc3339(40_000));
  });

  it('keeps a terminating pod Ready, and probing its readiness, until its container exits', () => {
    // The endpoints tutorial "Explore Termination Behavior for Pods And Their Endpoints": while a
    // preStop hook runs, the endpoint is serving and terminating, so the pod's Ready stays True.
    const sim = oneNode();
    const probe = '    readinessProbe:\n      httpGet: { path: /, port: 80 }\n      periodSeconds: 2\n';
    sim.apply(podYaml('draining', `${NGINX}${probe}    lifecycle:\n      preStop:\n        sleep: { seconds: 20 }\n`));
    sim.advance(10);
    const ready = () => (sim.get('pod', 'draining') as Pod | undefined)?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    expect(ready()).toBe('True');
    sim.delete('pod', 'draining');
    sim.advance(5);
    expect(ready()).toBe('True');
    // The readiness probe still runs: making it fail takes the pod out of service before it stops.
    expect(sim.kubectl('annotate pod draining kubelab.dev/fail-readiness=true').stdout).toBe('pod/draining annotated');
    sim.advance(7);
    expect(ready()).toBe('False');
    expect(events(sim, 'draining').slice(-2)).toEqual(['Normal Killing: Stopping container nginx', 'Warning Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 503']);
  });
});
