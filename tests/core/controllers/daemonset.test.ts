import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../harness';

const DS = (extra = '', image = 'fluentd:v1.16') => `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: logs }
spec:
  selector: { matchLabels: { app: logs } }
  template:
    metadata: { labels: { app: logs } }
    spec:
${extra}
      containers: [{ name: f, image: "${image}" }]
`;

const nodesOf = (c: TestCluster) =>
  c
    .pods()
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.spec?.nodeName)
    .sort();

describe('DaemonSet controller', () => {
  it.each([
    ['runs one pod per schedulable worker, not on the tainted control plane', '', ['worker-1', 'worker-2']],
    ['also runs on the control plane when its taint is tolerated', '      tolerations: [{ key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule }]', ['control-plane', 'worker-1', 'worker-2']],
    ['runs only on nodes its nodeSelector selects', '      nodeSelector: { kubernetes.io/hostname: worker-2 }', ['worker-2']],
  ])('%s', (_name, extra, expected) => {
    const c = new TestCluster();
    c.apply(DS(extra));
    c.advance(30);
    expect(nodesOf(c)).toEqual(expected);
    expect(c.get<DaemonSet>('DaemonSet', 'logs').status).toMatchObject({ desiredNumberScheduled: expected.length, currentNumberScheduled: expected.length, numberReady: expected.length });
  });

  it('pins each pod to its node with node affinity and adds the daemon tolerations', () => {
    const c = new TestCluster();
    c.apply(DS());
    c.advance(10);
    const pod = c.pods().find((p) => p.spec?.nodeName === 'worker-1')!;
    expect(pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] }]);
    expect(pod.spec?.tolerations?.map((t) => `${t.key}:${t.effect}`)).toEqual(
      expect.arrayContaining(['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unschedulable:NoSchedule', 'node.kubernetes.io/memory-pressure:NoSchedule']),
    );
  });

  it('gives a node that joins the cluster its pod, and takes it away when the node stops qualifying', () => {
    const c = new TestCluster();
    c.apply(DS('      nodeSelector: { role: logging }'));
    c.advance(10);
    expect(nodesOf(c)).toEqual([]);
    c.store.patch<Node>('Node', 'worker-1', undefined, (n) => (n.metadata!.labels = { ...n.metadata!.labels, role: 'logging' }));
    c.advance(20);
    expect(nodesOf(c)).toEqual(['worker-1']);
    c.store.patch<Node>('Node', 'worker-1', undefined, (n) => {
      delete n.metadata!.labels!.role;
    });
    c.advance(20);
    expect(nodesOf(c)).toEqual([]);
  });

  it('replaces pods node by node on a template change, never more than maxUnavailable at once', () => {
    const c = new TestCluster('gpu-lab');
    c.apply(DS());
    c.advance(60);
    const total = nodesOf(c).length;
    c.apply(DS('', 'fluentd:v1.17'));
    c.advanceCheckingEveryWrite(200, () => {
      const down = c.pods().filter((p) => p.metadata.deletionTimestamp || p.status?.phase !== 'Running').length;
      expect(down).toBeLessThanOrEqual(1);
    });
    expect(c.pods().filter((p) => !p.metadata.deletionTimestamp).map((p: Pod) => p.spec?.containers[0]?.image)).toEqual(Array(total).fill('fluentd:v1.17'));
  });
});
