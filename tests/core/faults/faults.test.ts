import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Fault } from '../../../src/core';
import { webPod } from '../kubelet/helpers';

const WEB = webPod('web', 'worker-1');

function running() {
  const sim = createSimulation({ seed: 1, cluster: 'minimal' });
  sim.apply(WEB);
  sim.advance(15);
  return sim;
}

describe('fault injection', () => {
  it.each<[string, Fault, boolean, string]>([
    ['powers a node off', { type: 'node-down', node: 'worker-1' }, true, 'node worker-1 powered off'],
    ['refuses an unknown node', { type: 'node-down', node: 'worker-9' }, false, 'node "worker-9" not found'],
    ['refuses to power on a node that is up', { type: 'node-up', node: 'worker-1' }, false, 'node worker-1 is already up'],
    ['cuts a node off the network', { type: 'network-partition', node: 'worker-2' }, true, 'node worker-2 cut off from the control plane; its containers keep running'],
    ['crashes a container with the given exit code', { type: 'container-crash', pod: 'web', exitCode: 139 }, true, 'container of default/web exited with code 139'],
    ['refuses a container the pod does not run', { type: 'container-crash', pod: 'web', container: 'sidecar' }, false, 'container "sidecar" of pod default/web is not running'],
    ['kills a pod', { type: 'pod-kill', pod: 'web' }, true, 'pod default/web killed'],
    ['takes every registry down', { type: 'registry-outage' }, true, 'every image registry is unreachable'],
  ])('%s', (_name, fault, ok, message) => {
    expect(running().inject(fault)).toEqual({ ok, message });
  });

  it('lists the supported types for one it does not know', () => {
    const r = running().inject({ type: 'solar-flare' });
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      'fault type "solar-flare" is not supported; supported types: node-down, node-up, network-partition, network-heal, memory-pressure, disk-pressure, pressure-relieved, registry-outage, registry-restore, container-crash, oom, pod-kill, gpu-xid, gpu-reset',
    );
  });

  it('crashes the container: Error with the exit code, then a restart', () => {
    const sim = running();
    sim.inject({ type: 'container-crash', pod: 'web', exitCode: 139 });
    sim.advance(0.01);
    expect(sim.get<Pod>('pod', 'web')!.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 139, reason: 'Error' });
    sim.advance(2);
    expect(sim.get<Pod>('pod', 'web')!.status?.containerStatuses?.[0]).toMatchObject({ restartCount: 1, state: { running: expect.anything() } });
  });

  it('removes a killed pod at once', () => {
    const sim = running();
    sim.inject({ type: 'pod-kill', pod: 'web' });
    expect(sim.get('pod', 'web')).toBeUndefined();
  });

  it('records faults in the command log, so a restored snapshot replays the same run byte for byte', () => {
    const sim = running();
    sim.inject({ type: 'node-down', node: 'worker-1' });
    sim.advance(100);
    const drain = sim.drain('worker-2', { force: true, ignoreDaemonsets: true });
    sim.inject({ type: 'memory-pressure', node: 'worker-2' });
    sim.advance(400);
    sim.inject({ type: 'node-up', node: 'worker-1' });
    sim.advance(100);
    expect(drain.done).toBe(true);
    const snap = sim.snapshot();
    expect(snap.log.filter((c) => c.op === 'inject').map((c) => (c as { fault: Fault }).fault.type)).toEqual(['node-down', 'memory-pressure', 'node-up']);
    const copy = createSimulation();
    copy.restore(JSON.parse(JSON.stringify(snap)));
    expect(JSON.stringify(copy.events())).toBe(JSON.stringify(sim.events()));
    expect(JSON.stringify(copy.list('nodes'))).toBe(JSON.stringify(sim.list('nodes')));
    expect(JSON.stringify(copy.list('leases'))).toBe(JSON.stringify(sim.list('leases')));
  });

  it('does not log a refused fault', () => {
    const sim = running();
    sim.inject({ type: 'node-up', node: 'worker-1' });
    expect(sim.snapshot().log.some((c) => c.op === 'inject')).toBe(false);
  });
});
