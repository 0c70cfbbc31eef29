import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { parseTimestamp } from '../../../src/core/engine/time';
import { EVICTION_RETRY_MS } from '../../../src/core/eviction/drain';
import { WEB_DEPLOYMENT, webPod } from '../kubelet/helpers';

const web = (name: string, node: string, extra = '') => `${webPod(name, node, extra)}    readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }\n---\n`;
const PDB = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: web }\nspec:\n  minAvailable: 2\n  selector: { matchLabels: { app: web } }\n';

const DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: kube-system }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers: [{ name: agent, image: busybox:1.36, command: [sleep, infinity] }]
`;

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

  it('drains a node of a Deployment\'s pods one at a time as its PodDisruptionBudget allows, waiting for each replacement to be ready', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(`${WEB_DEPLOYMENT}---\n${PDB}---\n${DAEMONSET}`);
    sim.advance(60);
    const on = (node: string, prefix: string) => sim.list<Pod>('pod', {}).filter((p) => p.spec?.nodeName === node && p.metadata!.name!.startsWith(prefix)).map((p) => p.metadata!.name!).sort();
    const [first, second] = on('worker-1', 'web-');
    const [agent] = on('worker-1', 'agent-');
    expect([first, second, agent].every(Boolean)).toBe(true);
    // When each replacement (a pod the ReplicaSet creates on worker-2) becomes Ready.
    const readyAt: number[] = [];
    const seen = new Set<string>();
    sim.watch((e) => {
      const p = e.object as Pod;
      if (e.object.kind !== 'Pod' || seen.has(p.metadata!.name!) || p.spec?.nodeName !== 'worker-2' || !p.metadata!.name!.startsWith('web-')) return;
      if (p.metadata!.creationTimestamp && parseTimestamp(p.metadata!.creationTimestamp) >= 60_000 && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) {
        seen.add(p.metadata!.name!);
        readyAt.push(Math.round(sim.now() * 1000));
      }
    });
    const op = sim.drain('worker-1', { ignoreDaemonsets: true });
    sim.advance(60);
    expect(op.exitCode).toBe(0);
    // The budget (minAvailable 2 of 3) allows one eviction; the second is refused with 429 and
    // retried every 5 s until the first replacement is Ready; the first retry after that succeeds.
    const retryAfter = (t: number) => 60_000 + Math.ceil((t - 60_000) / EVICTION_RETRY_MS) * EVICTION_RETRY_MS;
    const secondEvicted = retryAfter(readyAt[0]!);
    const refusals = (secondEvicted - 60_000) / EVICTION_RETRY_MS;
    expect(refusals).toBeGreaterThan(0);
    const refused = (at: number) => [
      [at, `evicting pod default/${second}`],
      [at, `! error when evicting pods/"${second}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`],
    ];
    // kubectl polls every second for an evicted pod to be gone.
    const text = op.lines.map((l) => [l.atMs, `${l.stream === 'stderr' ? '! ' : ''}${l.text}`]);
    expect(text).toEqual([
      [60_000, 'node/worker-1 cordoned'],
      [60_000, `! Warning: ignoring DaemonSet-managed Pods: kube-system/${agent}`],
      [60_000, `evicting pod default/${first}`],
      ...refused(60_000),
      [61_000, `pod/${first} evicted`],
      ...Array.from({ length: refusals - 1 }, (_, k) => refused(60_000 + (k + 1) * EVICTION_RETRY_MS)).flat(),
      [secondEvicted, `evicting pod default/${second}`],
      [secondEvicted + 1000, `pod/${second} evicted`],
      [secondEvicted + 1000, 'node/worker-1 drained'],
    ]);
    // The DaemonSet's pod stays; the Deployment is back to 3 ready replicas on worker-2.
    expect(sim.get<Pod>('pod', agent!, 'kube-system')?.spec?.nodeName).toBe('worker-1');
    expect(on('worker-2', 'web-')).toHaveLength(3);
  });

  it('refuses to drain a node with a DaemonSet\'s pod unless told to ignore DaemonSets', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(DAEMONSET);
    sim.advance(30);
    const agent = sim.list<Pod>('pod', { namespace: 'kube-system' }).find((p) => p.spec?.nodeName === 'worker-1')!.metadata!.name;
    const op = sim.drain('worker-1');
    const error = `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${agent}`;
    expect(op.exitCode).toBe(1);
    expect(op.stderr().split('\n')).toEqual([`error: unable to drain node "worker-1" due to error: ${error}, continuing command...`, 'There are pending nodes to be drained:', ' worker-1', `error: ${error}`]);
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
