import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';

describe('kubectl drain', () => {
  const setup = () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.kubectl('create deployment web --image=nginx:1.27 --replicas=3');
    sim.kubectl('run solo --image=nginx:1.27');
    sim.advance(30);
    const on = (node: string) => sim.list<{ metadata: { name: string }; spec: { nodeName: string } }>('pods').filter((p) => p.spec.nodeName === node).map((p) => p.metadata.name).sort();
    return { sim, on };
  };

  it('refuses pods without a controller, cordoning first, with kubectl\'s error lines', () => {
    const { sim, on } = setup();
    const node = sim.get<{ spec: { nodeName: string } }>('pod', 'solo')!.spec.nodeName;
    const r = sim.kubectl(`drain ${node}`);
    expect(r.exitCode).toBe(1);
    const error = 'cannot delete Pods that declare no controller (use --force to override): default/solo';
    expect(r.lines).toEqual([
      { stream: 'stdout', text: `node/${node} cordoned` },
      { stream: 'stderr', text: `error: unable to drain node "${node}" due to error: ${error}, continuing command...` },
      { stream: 'stderr', text: 'There are pending nodes to be drained:' },
      { stream: 'stderr', text: ` ${node}` },
      { stream: 'stderr', text: `error: ${error}` },
    ]);
    expect(on(node)).toContain('solo');
  });

  it('evicts every pod with --force, waiting on the virtual clock until they are gone', () => {
    const { sim, on } = setup();
    const node = sim.get<{ spec: { nodeName: string } }>('pod', 'solo')!.spec.nodeName;
    const victims = on(node);
    const before = sim.now();
    const r = sim.kubectl(`drain ${node} --ignore-daemonsets --force`);
    expect(r).toMatchObject({ exitCode: 0, mutated: true });
    expect(sim.now()).toBeGreaterThan(before);
    const text = r.lines!.map((l) => `${l.stream === 'stderr' ? '! ' : ''}${l.text}`);
    expect(text[0]).toBe(`node/${node} cordoned`);
    expect(text[1]).toBe('! Warning: deleting Pods that declare no controller: default/solo');
    expect(text.slice(2, 2 + victims.length)).toEqual(victims.map((v) => `evicting pod default/${v}`));
    expect(text.slice(2 + victims.length, -1).sort()).toEqual(victims.map((v) => `pod/${v} evicted`).sort());
    expect(text.at(-1)).toBe(`node/${node} drained`);
    expect(on(node)).toEqual([]);
    expect(sim.kubectl('get nodes').stdout).toContain(`${node}        Ready,SchedulingDisabled`);
    expect(sim.kubectl(`drain`).stderr).toBe("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples");
    expect(sim.kubectl(`drain nope`).stderr).toBe('Error from server (NotFound): nodes "nope" not found');
  });

  it('gives up at --timeout when a disruption budget blocks the eviction', () => {
    const { sim } = setup();
    sim.kubectl('delete pod solo');
    sim.kubectl('create pdb web --selector=app=web --max-unavailable=0');
    sim.advance(10);
    const node = sim.list<{ spec: { nodeName: string } }>('pods', { labelSelector: 'app=web' })[0]!.spec.nodeName;
    const r = sim.kubectl(`drain ${node} --timeout=12s`);
    expect(r.exitCode).toBe(1);
    const err = r.stderr.split('\n');
    expect(err[0]).toMatch(/^error when evicting pods\/"web-[a-z0-9-]+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.$/);
    expect(err.at(-1)).toBe('error: drain did not complete within 12s');
  });
});

describe('kubectl logs and top', () => {
  const sim = createSimulation({ seed: 1, cluster: 'minimal' });
  sim.kubectl('run ticker --image=busybox -- sh -c "while true; do echo tick; sleep 5; done"');

  it('says metrics are not available before the first sample', () => {
    expect(sim.kubectl('top nodes')).toMatchObject({ stderr: 'error: metrics not available yet', exitCode: 1 });
    expect(sim.kubectl('top pods')).toMatchObject({ stderr: 'error: metrics not available yet', exitCode: 1 });
    expect(sim.kubectl('top pods -n kube-public').stderr).toBe('No resources found in kube-public namespace.');
  });

  it('prints a container\'s log, its tail and timestamps', () => {
    sim.advance(30);
    const log = sim.kubectl('logs ticker').stdout.split('\n');
    expect(log.length).toBeGreaterThan(3);
    expect(log.every((l) => l === 'tick')).toBe(true);
    expect(sim.kubectl('logs ticker --tail=2').stdout).toBe('tick\ntick');
    expect(sim.kubectl('logs pod/ticker --tail=1 --timestamps').stdout).toMatch(/^2026-01-05T09:00:\d\d\.\d{9}Z tick$/);
    expect(sim.kubectl('logs ticker -c nope').stderr).toBe('Error from server (BadRequest): container nope is not valid for pod ticker');
    expect(sim.kubectl('logs -l run=ticker --tail=1 --prefix').stdout).toBe('[pod/ticker/ticker] tick');
    expect(sim.kubectl('logs ticker -p').stderr).toBe('Error from server (BadRequest): previous terminated container "ticker" in pod "ticker" not found');
  });

  it('defaults to the first container with kubectl\'s notice, or silently to the annotated one', () => {
    const two = createSimulation({ seed: 1, cluster: 'minimal' });
    two.apply(`apiVersion: v1
kind: Pod
metadata: { name: pair }
spec:
  containers:
  - { name: first, image: busybox, command: [sh, -c, 'echo one; sleep 3600'] }
  - { name: second, image: busybox, command: [sh, -c, 'echo two; sleep 3600'] }
`);
    two.advance(30);
    expect(two.kubectl('logs pair')).toMatchObject({ stdout: 'one', stderr: 'Defaulted container "first" out of: first, second' });
    two.kubectl('annotate pod pair kubectl.kubernetes.io/default-container=second');
    expect(two.kubectl('logs pair')).toMatchObject({ stdout: 'two', stderr: '' });
  });

  it('follows a log with -f as the simulation runs, until stopped', () => {
    const chunks: string[] = [];
    const w = sim.kubectlWatch('logs -f ticker', (c) => chunks.push(c));
    expect(w.watching).toBe(true);
    sim.advance(10);
    expect(chunks.join('\n').split('\n')).toEqual(['tick', 'tick']);
    w.stop();
    sim.advance(10);
    expect(chunks.join('\n').split('\n')).toEqual(['tick', 'tick']);
  });

  it('prints node and pod usage in kubectl top\'s columns', () => {
    const nodes = sim.kubectl('top nodes').stdout.split('\n');
    expect(nodes[0]).toBe('NAME            CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)');
    expect(nodes.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(nodes.slice(1).every((l) => /^\S+\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%$/.test(l))).toBe(true);
    const pods = sim.kubectl('top pod ticker --containers').stdout.split('\n');
    expect(pods[0]).toBe('POD      NAME     CPU(cores)   MEMORY(bytes)');
    expect(pods[1]).toMatch(/^ticker   ticker   \d+m {9,}\d+Mi$/);
    expect(sim.kubectl('top pods --sort-by=disk').stderr).toBe('error: --sort-by accepts only cpu or memory');
  });
});

describe('kubectl get leases', () => {
  it('prints each node heartbeat lease with its holder', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.advance(20);
    expect(sim.kubectl('get leases -n kube-node-lease').stdout).toBe(
      ['NAME            HOLDER          AGE', 'control-plane   control-plane   20s', 'worker-1        worker-1        20s', 'worker-2        worker-2        20s'].join('\n'),
    );
  });
});
