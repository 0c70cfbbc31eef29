import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { oneNode, pod, podYaml } from './helpers';

const text = (r: ReturnType<ReturnType<typeof oneNode>['logs']>) => (r.ok ? r.text : r.error);

describe('container logs', () => {
  it('keeps the previous instance of a crashed container for --previous', () => {
    const sim = oneNode();
    sim.apply(podYaml('crash', '  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "echo run $(date +%s); sleep 2; echo failing >&2; exit 1"]\n'));
    sim.advance(3);
    expect(text(sim.logs('crash', { previous: true }))).toBe('Error from server (BadRequest): previous terminated container "app" in pod "crash" not found');
    sim.advance(5);
    const previous = sim.logs('crash', { previous: true });
    const current = sim.logs('crash');
    expect(previous.ok && current.ok).toBe(true);
    expect(text(previous)).toMatch(/^run \d+\nfailing\n$/);
    expect(text(current)).not.toBe(text(previous));
  });

  it.each([
    ['a pod that does not exist', 'nope', {}, 'Error from server (NotFound): pods "nope" not found'],
    ['a container that has not started', 'slow', {}, 'Error from server (BadRequest): container "app" in pod "slow" is waiting to start: ContainerCreating'],
    ['a pod with two containers and none named', 'two', {}, 'Error from server (BadRequest): a container name must be specified for pod two, choose one of: [a b]'],
    ['a container name the pod does not have', 'two', { container: 'c' }, 'Error from server (BadRequest): container c is not valid for pod two'],
  ])('answers the API server error for %s', (_name, podName, options, error) => {
    const sim = oneNode();
    sim.apply(podYaml('slow', '  - name: app\n    image: nvcr.io/nvidia/pytorch:25.01-py3\n'));
    sim.apply(podYaml('two', '  - name: a\n    image: busybox:1.36\n    command: [sleep, "60"]\n  - name: b\n    image: busybox:1.36\n    command: [sleep, "60"]\n'));
    sim.advance(3);
    expect(sim.logs(podName, options)).toEqual({ ok: false, error });
  });

  it('tails, prefixes timestamps, and reads the counter example from the docs', () => {
    const sim = oneNode();
    sim.apply(podYaml('counter', '  - name: count\n    image: busybox:1.36\n    args: [/bin/sh, -c, \'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done\']\n'));
    sim.advance(60);
    const lines = text(sim.logs('counter', { tail: 2 })).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\d+: Mon Jan {2}5 09:00:\d\d UTC 2026$/);
    expect(Number(lines[1]!.split(':')[0])).toBe(Number(lines[0]!.split(':')[0]) + 1);
    expect(text(sim.logs('counter', { tail: 1, timestamps: true }))).toMatch(/^2026-01-05T09:00:\d\d\.\d{9}Z \d+: /);
  });

  it('shows python http.server access logs, but not its buffered banner without PYTHONUNBUFFERED', () => {
    const sim = oneNode();
    const server = (name: string, env = '') =>
      podYaml(name, `  - name: web\n    image: python:3.12\n    command: [python, -m, http.server, "8080"]\n${env}    readinessProbe:\n      httpGet: { path: /, port: 8080 }\n`);
    sim.apply(server('buffered'));
    sim.apply(server('unbuffered', '    env:\n    - { name: PYTHONUNBUFFERED, value: "1" }\n'));
    sim.advance(40);
    expect(text(sim.logs('buffered'))).not.toContain('Serving HTTP');
    expect(text(sim.logs('buffered'))).toMatch(/10\.244\.\d+\.1 - - \[05\/Jan\/2026 09:00:\d\d\] "GET \/ HTTP\/1\.1" 200 -/);
    expect(text(sim.logs('unbuffered'))).toContain('Serving HTTP on 0.0.0.0 port 8080 (http://0.0.0.0:8080/) ...');
  });

  it('cannot reach the logs of a pod whose node is down', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(podYaml('web', '  - name: nginx\n    image: nginx:1.27\n', '  nodeName: worker-1\n'));
    sim.advance(10);
    const ip = pod(sim, 'web').status!.hostIP!;
    sim.inject({ type: 'node-down', node: 'worker-1' });
    expect(sim.logs('web')).toEqual({
      ok: false,
      error: `Error from server: Get "https://${ip}:10250/containerLogs/default/web/nginx": dial tcp ${ip}:10250: connect: no route to host`,
    });
  });
});
