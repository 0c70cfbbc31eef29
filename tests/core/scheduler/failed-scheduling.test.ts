import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { fitErrorMessage } from '../../../src/core/scheduler/fit-error';
import { NodeToStatus, unresolvable, unschedulable } from '../../../src/core/scheduler/framework';
import { podManifest, world } from './world';

describe('The FailedScheduling message', () => {
  it('Counts each reason over the nodes and sorts the "<count> <reason>" strings.', () => {
    const s = new NodeToStatus();
    s.set('a', { status: unschedulable('Insufficient nvidia.com/gpu'), plugin: 'NodeResourcesFit' });
    s.set('b', { status: unresolvable('node(s) had untolerated taint {nvidia.com/gpu: present}'), plugin: 'TaintToleration' });
    s.set('c', { status: unresolvable('node(s) had untolerated taint {nvidia.com/gpu: present}'), plugin: 'TaintToleration' });
    expect(fitErrorMessage(3, s)).toBe('0/3 nodes are available: 1 Insufficient nvidia.com/gpu, 2 node(s) had untolerated taint {nvidia.com/gpu: present}.');
  });

  it('Sorts as strings, so 10 comes before 2.', () => {
    const s = new NodeToStatus();
    for (let i = 0; i < 10; i++) s.set(`a${i}`, { status: unschedulable('Insufficient cpu'), plugin: 'NodeResourcesFit' });
    for (let i = 0; i < 2; i++) s.set(`b${i}`, { status: unresolvable("node(s) didn't match Pod's node affinity/selector"), plugin: 'NodeAffinity' });
    expect(fitErrorMessage(12, s)).toBe("0/12 nodes are available: 10 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector.");
  });

  it('Counts every reason of a node that failed several resources.', () => {
    const s = new NodeToStatus();
    s.set('a', { status: unschedulable('Insufficient cpu', 'Insufficient memory'), plugin: 'NodeResourcesFit' });
    expect(fitErrorMessage(1, s)).toBe('0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.');
  });

  it('Nodes not named count with the shared status, and the preemption part follows.', () => {
    const s = new NodeToStatus();
    s.absent = { status: unresolvable('Preemption is not helpful for scheduling'), plugin: 'DefaultPreemption' };
    s.set('a', { status: unresolvable('No preemption victims found for incoming pod'), plugin: 'DefaultPreemption' });
    expect(fitErrorMessage(3, s, '', 'x')).toBe('0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling. x');
  });

  it('A GPU pod on a cluster of tainted GPU nodes and CPU nodes gets the message a real cluster prints.', () => {
    const w = world([
      { name: 'cpu', count: 2, machine: 'cpu-small' },
      { name: 'gpu', count: 1, machine: 'dgx-a100', taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] },
    ]);
    w.advertise('gpu-1', { 'nvidia.com/gpu': '8' });
    w.create(podManifest('cuda', { 'nvidia.com/gpu': '1' }));
    w.run(1);
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint {nvidia.com/gpu: present}, 2 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    expect(w.events('FailedScheduling')).toEqual([`cuda: ${message}`]);
    expect(w.pod('cuda')?.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
  });

  it('The same pod tolerating the taint is scheduled with a Scheduled event.', () => {
    const w = world([
      { name: 'cpu', count: 2, machine: 'cpu-small' },
      { name: 'gpu', count: 1, machine: 'dgx-a100', taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] },
    ]);
    w.advertise('gpu-1', { 'nvidia.com/gpu': '8' });
    w.create(podManifest('cuda', { 'nvidia.com/gpu': '1' }, { tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] }));
    w.run(1);
    expect(w.events('Scheduled')).toEqual(['cuda: Successfully assigned default/cuda to gpu-1']);
    expect(w.pod('cuda')?.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
  });

  it('A DaemonSet-style pod pinned to a full node names the other nodes as filtered by NodeAffinity.', () => {
    const w = world([{ name: 'w', count: 3, machine: 'cpu-small' }]);
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w-2'] }] }] } } };
    w.create(podManifest('agent', { cpu: '8' }, { affinity }));
    w.run(1);
    expect(w.events('FailedScheduling')[0]).toBe(
      "agent: 0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it('A cluster without nodes says so.', () => {
    const w = world([]);
    w.create(podManifest('lonely', {}));
    w.run(1);
    expect(w.events('FailedScheduling')).toEqual(['lonely: no nodes available to schedule pods']);
    expect((w.pod('lonely') as Pod).spec?.nodeName).toBeUndefined();
  });
});
