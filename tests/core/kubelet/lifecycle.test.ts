import { describe, expect, it } from 'vitest';
import { condition, events, oneNode, pod, podYaml, watchContainer } from './helpers';

const status = (sim: ReturnType<typeof oneNode>, name: string) => sim.kubectl(`get pod ${name}`).stdout.split('\n')[1]!.split(/\s{2,}/);

describe('container lifecycle and restartPolicy', () => {
  it.each([
    ['a command that exits 0 under restartPolicy Never ends Completed and Succeeded', 'Never', 'exit 0', 'Completed', 'Succeeded', 0],
    ['a command that exits 1 under restartPolicy Never ends Error and Failed', 'Never', 'exit 1', 'Error', 'Failed', 0],
    ['a command that exits 0 under restartPolicy OnFailure is not restarted', 'OnFailure', 'exit 0', 'Completed', 'Succeeded', 0],
    ['a command that exits 2 under restartPolicy OnFailure is restarted and backs off', 'OnFailure', 'exit 2', 'CrashLoopBackOff', 'Running', 2],
    ['a command that exits 0 under restartPolicy Always is restarted', 'Always', 'exit 0', 'CrashLoopBackOff', 'Running', 2],
  ])('%s', (_name, policy, script, text, phase, restarts) => {
    const sim = oneNode();
    sim.apply(podYaml('job', `  - name: main\n    image: busybox:1.36\n    command: ["sh", "-c", "echo hi; ${script}"]\n`, `  restartPolicy: ${policy}\n`));
    sim.advance(25);
    const p = pod(sim, 'job');
    expect(p.status?.phase).toBe(phase);
    expect(status(sim, 'job')[2]).toBe(text);
    expect(p.status?.containerStatuses?.[0]?.restartCount).toBe(restarts);
  });

  it('runs a busybox without a command as an interactive shell that exits at once: Completed, then CrashLoopBackOff', () => {
    const sim = oneNode();
    sim.apply(podYaml('shell', '  - name: bb\n    image: busybox:1.36\n'));
    sim.advance(3);
    expect(status(sim, 'shell')[2]).toBe('Completed');
    sim.advance(10);
    expect(status(sim, 'shell')[2]).toBe('CrashLoopBackOff');
  });

  it('runs init containers in order before the app, showing Init:N/M, then Running', () => {
    const sim = oneNode();
    sim.apply(
      podYaml(
        'initd',
        '  - name: app\n    image: nginx:1.27\n',
        '  initContainers:\n  - name: first\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 4"]\n  - name: second\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 4"]\n',
      ),
    );
    const seen: string[] = [];
    for (let t = 0; t < 30; t++) {
      sim.advance(1);
      const s = status(sim, 'initd')[2]!;
      if (seen.at(-1) !== s) seen.push(s);
    }
    expect(seen).toEqual(['Init:0/2', 'Init:1/2', 'PodInitializing', 'Running']);
    const p = pod(sim, 'initd');
    expect(p.status?.initContainerStatuses?.map((s) => s.state?.terminated?.reason)).toEqual(['Completed', 'Completed']);
    expect(condition(p, 'Initialized')).toBe('True');
  });

  it('fails the pod when an init container fails under restartPolicy Never', () => {
    const sim = oneNode();
    sim.apply(podYaml('badinit', '  - name: app\n    image: nginx:1.27\n', '  restartPolicy: Never\n  initContainers:\n  - name: check\n    image: busybox:1.36\n    command: ["sh", "-c", "exit 3"]\n'));
    sim.advance(10);
    expect(status(sim, 'badinit')[2]).toBe('Init:Error');
    expect(pod(sim, 'badinit').status?.phase).toBe('Failed');
  });

  it('retries a failing init container with back-off under restartPolicy Always: Init:CrashLoopBackOff', () => {
    const sim = oneNode();
    sim.apply(podYaml('retry', '  - name: app\n    image: nginx:1.27\n', '  initContainers:\n  - name: check\n    image: busybox:1.36\n    command: ["sh", "-c", "exit 3"]\n'));
    sim.advance(12);
    expect(status(sim, 'retry')[2]).toBe('Init:CrashLoopBackOff');
    expect(pod(sim, 'retry').status?.phase).toBe('Pending');
  });

  it('keeps a sidecar (an init container with restartPolicy Always) running alongside the app and counts it in READY', () => {
    const sim = oneNode();
    sim.apply(
      podYaml(
        'withsidecar',
        '  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "while true; do sleep 5; done"]\n',
        '  initContainers:\n  - name: proxy\n    image: nginx:1.27\n    restartPolicy: Always\n',
      ),
    );
    sim.advance(20);
    expect(status(sim, 'withsidecar').slice(1, 3)).toEqual(['2/2', 'Running']);
    expect(pod(sim, 'withsidecar').status?.initContainerStatuses?.[0]).toMatchObject({ name: 'proxy', started: true, ready: true });
  });

  it('stops sidecars once the main containers of a finished pod are done, and the pod Succeeds', () => {
    const sim = oneNode();
    sim.apply(
      podYaml('batch', '  - name: work\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 3"]\n', '  restartPolicy: Never\n  initContainers:\n  - name: logger\n    image: nginx:1.27\n    restartPolicy: Always\n'),
    );
    sim.advance(30);
    const p = pod(sim, 'batch');
    expect(p.status?.phase).toBe('Succeeded');
    expect(p.status?.initContainerStatuses?.[0]?.state?.terminated?.reason).toBe('Completed');
    expect(events(sim, 'batch')).toContain('Normal Killing: Stopping container logger');
  });

  it('restarts a container from its new image when the image is changed, and it recovers from ErrImagePull', () => {
    const sim = oneNode();
    sim.apply(podYaml('fixme', '  - name: web\n    image: ngnix:1.27\n'));
    const log = watchContainer(sim, 'fixme');
    sim.advance(30);
    expect(log.map((t) => t.state)).toEqual([
      'waiting:ContainerCreating',
      'waiting:ErrImagePull',
      'waiting:ImagePullBackOff',
      'waiting:ErrImagePull',
      'waiting:ImagePullBackOff',
    ]);
    expect(status(sim, 'fixme')[2]).toBe('ImagePullBackOff');
    sim.apply(podYaml('fixme', '  - name: web\n    image: nginx:1.27\n'));
    sim.advance(10);
    expect(status(sim, 'fixme').slice(1, 3)).toEqual(['1/1', 'Running']);
  });
});
