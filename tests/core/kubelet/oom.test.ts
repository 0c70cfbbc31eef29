import { describe, expect, it } from 'vitest';
import { events, oneNode, pod, podYaml, watchContainer } from './helpers';

const MiB = 1024 * 1024;

describe('OOMKilled', () => {
  it('kills the docs stress example (150M in a 100Mi limit) the instant its memory crosses the limit', () => {
    const sim = oneNode();
    sim.apply(
      podYaml(
        'memory-demo',
        '  - name: memory-demo-ctr\n    image: polinux/stress\n    resources:\n      requests: { memory: 50Mi }\n      limits: { memory: 100Mi }\n    command: ["stress"]\n    args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"]\n',
      ),
    );
    const log = watchContainer(sim, 'memory-demo');
    sim.advance(10);
    const started = log.find((t) => t.state === 'running')!.atMs;
    const killed = log.find((t) => t.state === 'terminated:OOMKilled/137')!;
    // stress allocates 150 MiB (+1 MiB of its own) linearly over a second from 2 ms after start:
    // it passes 100 MiB after 100/151 of that second.
    expect(killed.atMs - started).toBe(2 + Math.ceil((1000 * 100 * MiB) / (151 * MiB)));
    expect(sim.kubectl('get pod memory-demo').stdout.split('\n')[1]).toMatch(/^memory-demo\s+0\/1\s+(OOMKilled|CrashLoopBackOff)/);
  });

  it('kills a leaking container when its growth reaches the limit (kubelab.dev/memory-growth)', () => {
    const sim = oneNode();
    sim.apply(
      podYaml('leaky', '  - name: web\n    image: nginx:1.27\n    resources:\n      limits: { memory: 64Mi }\n').replace('  name: leaky\n', '  name: leaky\n  annotations:\n    kubelab.dev/memory-growth: 10Mi/s\n'),
    );
    const log = watchContainer(sim, 'leaky');
    sim.advance(20);
    const started = log.find((t) => t.state === 'running')!.atMs;
    const killed = log.find((t) => t.state === 'terminated:OOMKilled/137')!;
    // nginx holds 8 MiB; 56 MiB more at 10 MiB/s takes 5.6 s.
    expect(killed.atMs - started).toBe(5600);
    const p = pod(sim, 'leaky');
    expect(p.status?.containerStatuses?.[0]?.lastState?.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    expect(p.status?.containerStatuses?.[0]?.restartCount).toBeGreaterThan(0);
  });

  it('OOM-kills a running container on the oom fault', () => {
    const sim = oneNode();
    sim.apply(podYaml('victim', '  - name: web\n    image: nginx:1.27\n'));
    sim.advance(10);
    expect(sim.inject({ type: 'oom', pod: 'victim' })).toEqual({ ok: true, message: 'container of default/victim OOM-killed' });
    sim.advance(0.5);
    expect(pod(sim, 'victim').status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    sim.advance(5);
    expect(events(sim, 'victim').filter((e) => e === 'Normal Started: Started container web').length).toBe(1);
  });
});
