import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { EVICTION_RETRY_MS } from '../../../src/core/eviction/drain';
import { webPod } from '../kubelet/helpers';

const web = (name: string, node: string, extra = '') => `${webPod(name, node, extra)}    readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }\n---\n`;
const PDB = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: web }\nspec:\n  minAvailable: 2\n  selector: { matchLabels: { app: web } }\n';

describe('kubectl drain', () => {
  it('is held by a PodDisruptionBudget until a replacement is ready, retrying every 5 s', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(web('web-1', 'worker-1') + web('web-2', 'worker-2') + PDB);
    sim.advance(30);
    const op = sim.drain('worker-1', { force: true });
    sim.advance(20);
    expect(op.done).toBe(false);
    // The replacement (here created by hand; a ReplicaSet would create it) becomes Ready…
    let replacementReady: number | undefined;
    sim.watch((e) => {
      const p = e.object as Pod;
      if (replacementReady === undefined && p.metadata?.name === 'web-3' && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) replacementReady = Math.round(sim.now() * 1000);
    });
    sim.apply(web('web-3', 'worker-2'));
    sim.advance(30);
    expect(op.done).toBe(true);
    expect(op.exitCode).toBe(0);
    // …and the first retry after that succeeds.
    const start = 30_000;
    const attempts = op.lines.filter((l) => l.text === 'evicting pod default/web-1').map((l) => l.atMs);
    expect(attempts.every((t, i) => t === start + i * EVICTION_RETRY_MS)).toBe(true);
    expect(attempts.at(-1)).toBe(start + Math.ceil((replacementReady! - start) / EVICTION_RETRY_MS) * EVICTION_RETRY_MS);
    const text = op.lines.map((l) => `${l.stream === 'stderr' ? '! ' : ''}${l.text}`);
    expect(text.slice(0, 4)).toEqual([
      'node/worker-1 cordoned',
      '! Warning: deleting Pods that declare no controller: default/web-1',
      'evicting pod default/web-1',
      '! error when evicting pods/"web-1" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod\'s disruption budget.',
    ]);
    expect(text.slice(-2)).toEqual(['pod/web-1 evicted', 'node/worker-1 drained']);
    expect(sim.kubectl('get nodes').stdout).toMatch(/worker-1\s+Ready,SchedulingDisabled/);
  });

  it.each([
    ['a bare pod, without --force', '', {}, 'cannot delete Pods that declare no controller (use --force to override): default/web-1'],
    ['a pod with emptyDir data, without --delete-emptydir-data', '  volumes:\n  - name: scratch\n    emptyDir: {}\n', { force: true }, 'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/web-1'],
  ])('refuses to drain %s, with kubectl\'s error lines', (_name, extra, options, error) => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(web('web-1', 'worker-1', extra));
    sim.advance(10);
    const op = sim.drain('worker-1', options);
    expect(op.done).toBe(true);
    expect(op.exitCode).toBe(1);
    expect(op.stdout()).toBe('node/worker-1 cordoned');
    expect(op.stderr().split('\n')).toEqual([`error: unable to drain node "worker-1" due to error: ${error}, continuing command...`, 'There are pending nodes to be drained:', ' worker-1', `error: ${error}`]);
  });

  it('treats a pod of a DaemonSet that no longer exists as an orphan: an error, or a deletion with --force', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    const ds =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent-x7k2p\n  namespace: kube-system\n  ownerReferences: [{ apiVersion: apps/v1, kind: DaemonSet, name: agent, uid: 0d1e2f3a-0000-4000-8000-000000000001, controller: true }]\nspec:\n  nodeName: worker-1\n  containers:\n  - { name: agent, image: busybox:1.36, command: [sleep, infinity] }\n';
    sim.apply(ds);
    sim.advance(10);
    const refused = sim.drain('worker-1', { ignoreDaemonsets: true });
    expect(refused.stderr().split('\n').at(-1)).toBe('error: cannot delete daemonsets.apps "agent" not found: kube-system/agent-x7k2p');
    const forced = sim.drain('worker-1', { force: true });
    // The orphan warning is lost: later filters overwrite it, as in kubectl (pkg/drain/filters.go's TODO).
    expect(forced.stderr()).toBe('');
    sim.advance(40);
    expect(forced.stdout().split('\n')).toEqual(['node/worker-1 already cordoned', 'evicting pod kube-system/agent-x7k2p', 'pod/agent-x7k2p evicted', 'node/worker-1 drained']);
  });

  it('cordons and uncordons, printing kubectl\'s lines, and the node gets the unschedulable taint', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    expect(sim.cordon('worker-2')).toEqual({ ok: true, message: 'node/worker-2 cordoned' });
    expect(sim.cordon('worker-2')).toEqual({ ok: true, message: 'node/worker-2 already cordoned' });
    sim.advance(1);
    expect(sim.get<Node>('node', 'worker-2')!.spec?.taints).toEqual([expect.objectContaining({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })]);
    expect(sim.uncordon('worker-2')).toEqual({ ok: true, message: 'node/worker-2 uncordoned' });
    sim.advance(1);
    expect(sim.get<Node>('node', 'worker-2')!.spec?.taints).toBeUndefined();
    expect(sim.cordon('nope')).toEqual({ ok: false, message: 'Error from server (NotFound): nodes "nope" not found' });
  });

  it('gives up after --timeout with the pods still pending', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(web('web-1', 'worker-1') + web('web-2', 'worker-2') + PDB);
    sim.advance(30);
    const op = sim.drain('worker-1', { force: true, timeoutSeconds: 60 });
    sim.advance(61);
    expect(op.exitCode).toBe(1);
    expect(op.stderr().split('\n').slice(-6)).toEqual([
      'There are pending pods in node "worker-1" when an error occurred: drain did not complete within 1m0s',
      'pod/web-1',
      'error: unable to drain node "worker-1" due to error: drain did not complete within 1m0s, continuing command...',
      'There are pending nodes to be drained:',
      ' worker-1',
      'error: drain did not complete within 1m0s',
    ]);
  });
});
