import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    resources:
      requests: { cpu: 500m, memory: 256Mi }
`;

function podEvents(sim: ReturnType<typeof createSimulation>, name: string): string[] {
  return sim
    .events()
    .filter((e) => e.involvedObject.kind === 'Pod' && e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.source?.component}: ${e.message}`);
}

describe('a pod from manifest to Running', () => {
  it('is scheduled to a worker, pulls its image, and runs, with the real events', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(POD);
    expect(sim.get<Pod>('pod', 'web')?.status?.phase).toBe('Pending');
    sim.advance(1);
    const pending = sim.get<Pod>('pod', 'web')!;
    expect(pending.spec?.nodeName).toMatch(/^worker-[12]$/);
    expect(pending.status?.containerStatuses?.[0]?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(sim.kubectl('get pod web').stdout).toContain('ContainerCreating');

    sim.advance(10);
    const running = sim.get<Pod>('pod', 'web')!;
    expect(running.status?.phase).toBe('Running');
    expect(running.status?.podIP).toMatch(/^10\.244\.\d+\.\d+$/);
    expect(running.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const node = running.spec!.nodeName!;
    const events = podEvents(sim, 'web');
    expect(events.map((e) => e.split(':')[0])).toEqual([
      'Normal Scheduled default-scheduler',
      'Normal Pulling kubelet',
      'Normal Pulled kubelet',
      'Normal Created kubelet',
      'Normal Started kubelet',
    ]);
    expect(events[0]).toBe(`Normal Scheduled default-scheduler: Successfully assigned default/web to ${node}`);
    expect(events[1]).toBe('Normal Pulling kubelet: Pulling image "nginx:1.27"');
    expect(events[2]).toMatch(/^Normal Pulled kubelet: Successfully pulled image "nginx:1\.27" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 192385289 bytes\.$/);
    expect(events[3]).toBe('Normal Created kubelet: Created container: nginx');
    expect(events[4]).toBe('Normal Started kubelet: Started container nginx');
  });

  it('is never scheduled onto the tainted control-plane node', () => {
    const sim = createSimulation({ seed: 3, cluster: 'minimal' });
    for (let i = 0; i < 6; i++) sim.apply(POD.replace('name: web', `name: web-${i}`));
    sim.advance(30);
    const nodes = sim.list<Pod>('pods').map((p) => p.spec?.nodeName);
    expect(nodes).toHaveLength(6);
    expect(nodes).not.toContain('control-plane');
  });

  it('stays Pending with the exact FailedScheduling message when no node has room', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(POD.replace('cpu: 500m', 'cpu: "8"'));
    sim.advance(5);
    const pod = sim.get<Pod>('pod', 'web')!;
    expect(pod.spec?.nodeName).toBeUndefined();
    // 8 CPUs is more than a worker has at all, so preemption cannot help either.
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. ' +
      'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    expect(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
    expect(podEvents(sim, 'web')).toContain(`Warning FailedScheduling default-scheduler: ${message}`);
    expect(sim.schedulingExplanation('web')?.rejectedNodes.find((r) => r.node === 'worker-1')).toEqual({
      node: 'worker-1',
      plugin: 'NodeResourcesFit',
      code: 'UnschedulableAndUnresolvable',
      reasons: ['Insufficient cpu'],
    });
  });

  it('is rescheduled when room appears', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(POD.replace('name: web', 'name: big').replace('cpu: 500m', 'cpu: "3"'));
    sim.apply(POD.replace('name: web', 'name: big-2').replace('cpu: 500m', 'cpu: "3"'));
    sim.apply(POD.replace('name: web', 'name: waiting').replace('cpu: 500m', 'cpu: "3"'));
    sim.advance(20);
    expect(sim.get<Pod>('pod', 'waiting')?.spec?.nodeName).toBeUndefined();
    sim.delete('pod', 'big');
    sim.advance(20);
    expect(sim.get<Pod>('pod', 'big')).toBeUndefined();
    expect(sim.get<Pod>('pod', 'waiting')?.status?.phase).toBe('Running');
  });

  it('terminates gracefully: Terminating, then gone', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(POD);
    sim.advance(15);
    expect(sim.delete('pod', 'web')).toEqual({ ok: true, message: 'pod "web" deleted' });
    expect(sim.kubectl('get pods').stdout).toContain('Terminating');
    sim.advance(2);
    expect(sim.get('pod', 'web')).toBeUndefined();
    expect(podEvents(sim, 'web').at(-1)).toBe('Normal Killing kubelet: Stopping container nginx');
  });

  it('pulls an image once per node: the second pod finds it already present', () => {
    const sim = createSimulation({ seed: 1, cluster: { name: 'one', pools: [{ name: 'w', count: 1, machine: 'cpu-small' }] } });
    sim.apply(POD);
    sim.advance(15);
    sim.apply(POD.replace('name: web', 'name: web-2'));
    sim.advance(5);
    expect(podEvents(sim, 'web-2')).toContain('Normal Pulled kubelet: Container image "nginx:1.27" already present on machine');
  });
});

describe('determinism', () => {
  function run(seed: number): string {
    const sim = createSimulation({ seed, cluster: 'minimal' });
    for (let i = 0; i < 5; i++) sim.apply(POD.replace('name: web', `name: web-${i}`));
    sim.advance(3);
    sim.delete('pod', 'web-2');
    sim.advance(30);
    return JSON.stringify(sim.events());
  }

  it('gives the same event log, byte for byte, for the same seed and commands', () => {
    expect(run(7)).toBe(run(7));
    expect(run(7)).not.toBe(run(8));
  });

  it('round-trips a snapshot exactly', () => {
    const sim = createSimulation({ seed: 5, cluster: 'dgx-a100' });
    sim.apply(POD);
    sim.advance(2.5);
    sim.apply(POD.replace('name: web', 'name: other'));
    sim.advance(0.25);
    const snap = sim.snapshot();
    const copy = createSimulation();
    copy.restore(JSON.parse(JSON.stringify(snap)));
    expect(copy.now()).toBe(sim.now());
    expect(JSON.stringify(copy.list('pods'))).toBe(JSON.stringify(sim.list('pods')));
    expect(JSON.stringify(copy.events())).toBe(JSON.stringify(sim.events()));
    sim.advance(20);
    copy.advance(20);
    expect(JSON.stringify(copy.events())).toBe(JSON.stringify(sim.events()));
  });

  it('merges consecutive advances in the command log', () => {
    const sim = createSimulation();
    sim.advance(1);
    sim.advance(0.5);
    expect(sim.snapshot().log).toEqual([{ op: 'advance', ms: 1500 }]);
  });
});

describe('cluster presets', () => {
  it.each([
    ['minimal', ['control-plane', 'worker-1', 'worker-2']],
    ['dgx-a100', ['dgx-1', 'dgx-2', 'cpu-1']],
    ['gpu-lab', ['cpu-1', 't4-1', 'a100-1', 'h100-1']],
    ['h200', ['hgx-h200-1', 'cpu-1']],
  ])('%s registers its nodes', (preset, names) => {
    const sim = createSimulation({ cluster: preset });
    expect(sim.list('nodes').map((n) => n.metadata?.name)).toEqual(names);
  });

  it('gives DGX A100 nodes eight A100-SXM4-40GB GPUs', () => {
    const sim = createSimulation({ cluster: 'dgx-a100' });
    const gpus = sim.machines().get('dgx-1')!.gpus;
    expect(gpus.map((g) => g.model.name)).toEqual(Array(8).fill('NVIDIA A100-SXM4-40GB'));
  });

  it('accepts a cluster YAML document and explains a bad one', () => {
    const yaml = 'apiVersion: kubelab.dev/v1alpha1\nkind: Cluster\nmetadata: { name: mine }\nspec:\n  pools:\n  - { name: gpu, count: 2, machine: l4-inference }\n';
    expect(createSimulation({ cluster: yaml }).list('nodes').map((n) => n.metadata?.name)).toEqual(['gpu-1', 'gpu-2']);
    expect(() => createSimulation({ cluster: 'nope' })).toThrow(/unknown cluster preset "nope"/);
    expect(() => createSimulation({ cluster: yaml.replace('l4-inference', 'toaster') })).toThrow(/unknown machine type "toaster"/);
  });
});
