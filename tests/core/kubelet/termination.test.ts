import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../src/core';
import { events, oneNode, podYaml, stateOf } from './helpers';

/** Delete a running pod and report when it is gone and how its container ended. */
function deleteAndWatch(sim: Simulation, name: string, gracePeriodSeconds?: number): { goneAfterMs: number; lastState: string } {
  let lastState = '';
  const stop = sim.watch((e) => {
    if (e.object.kind === 'Pod' && e.object.metadata.name === name && e.type !== 'DELETED') lastState = stateOf((e.object as Pod).status?.containerStatuses?.[0]);
  });
  const from = sim.now();
  sim.delete('pod', name, undefined, gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {});
  let t = 0;
  while (sim.get('pod', name) && t < 200_000) {
    sim.advance(0.001);
    t++;
  }
  stop();
  return { goneAfterMs: Math.round((sim.now() - from) * 1000), lastState };
}

describe('graceful termination', () => {
  it('stops nginx within a fraction of a second: it handles its stop signal (SIGQUIT) and exits 0', () => {
    const sim = oneNode();
    sim.apply(podYaml('web', '  - name: nginx\n    image: nginx:1.27\n'));
    sim.advance(10);
    const r = deleteAndWatch(sim, 'web');
    expect(r.goneAfterMs).toBeLessThan(300);
    expect(r.lastState).toBe('terminated:Completed/0');
    expect(events(sim, 'web')).toContain('Normal Killing: Stopping container nginx');
  });

  it('waits the whole grace period for a PID 1 that ignores SIGTERM, then kills it: exit 137', () => {
    const sim = oneNode();
    sim.apply(podYaml('sleeper', '  - name: app\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n'));
    sim.advance(10);
    const r = deleteAndWatch(sim, 'sleeper');
    expect(r.goneAfterMs).toBe(30_000);
    expect(r.lastState).toBe('terminated:Error/137');
  });

  it('honours a shorter grace period given with the delete', () => {
    const sim = oneNode();
    sim.apply(podYaml('sleeper', '  - name: app\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n'));
    sim.advance(10);
    expect(deleteAndWatch(sim, 'sleeper', 5).goneAfterMs).toBe(5000);
  });

  it('runs a preStop hook first: the signal comes when the hook ends', () => {
    const sim = oneNode();
    sim.apply(podYaml('hooked', '  - name: nginx\n    image: nginx:1.27\n    lifecycle:\n      preStop:\n        sleep: { seconds: 10 }\n'));
    sim.advance(10);
    const r = deleteAndWatch(sim, 'hooked');
    expect(r.goneAfterMs).toBeGreaterThanOrEqual(10_080);
    expect(r.goneAfterMs).toBeLessThan(10_300);
  });

  it('cuts off a preStop hook at the end of the grace period and kills two seconds later', () => {
    const sim = oneNode();
    sim.apply(podYaml('longhook', '  - name: app\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n    lifecycle:\n      preStop:\n        exec: { command: ["sleep", "40"] }\n'));
    sim.advance(10);
    expect(deleteAndWatch(sim, 'longhook').goneAfterMs).toBe(32_000);
  });

  it('lets a shell that traps SIGTERM exit once its current sleep ends', () => {
    const sim = oneNode();
    sim.apply(podYaml('trapper', '  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "trap \'echo bye; exit 0\' TERM; while true; do sleep 1; done"]\n'));
    sim.advance(10.5);
    const r = deleteAndWatch(sim, 'trapper');
    expect(r.goneAfterMs).toBeLessThanOrEqual(1100);
    expect(r.lastState).toBe('terminated:Completed/0');
  });
});
