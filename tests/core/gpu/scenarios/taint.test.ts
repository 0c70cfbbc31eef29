import type { Job } from 'kubernetes-types/batch/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation, GPU_SAMPLES, GPU_STACK_BOOT_S } from '../../../../src/core';
import { advanceUntil, trainingPod } from './helpers';

const sample = (name: string) => GPU_SAMPLES.find((s) => s.name === name)!.yaml;

describe('the optional nvidia.com/gpu taint on GPU pools', () => {
  it('taints only the GPU nodes, and only when asked', () => {
    const taints = (sim: ReturnType<typeof createSimulation>) => sim.list<Node>('nodes').map((n) => `${n.metadata!.name}:${(n.spec!.taints ?? []).map((t) => `${t.key}=${t.value}:${t.effect}`).join(',')}`);
    expect(taints(createSimulation({ seed: 1, cluster: 'dgx-a100', gpuTaint: true }))).toEqual(['dgx-1:nvidia.com/gpu=present:NoSchedule', 'dgx-2:nvidia.com/gpu=present:NoSchedule', 'cpu-1:']);
    expect(taints(createSimulation({ seed: 1, cluster: 'dgx-a100' }))).toEqual(['dgx-1:', 'dgx-2:', 'cpu-1:']);
  });

  it('keeps pods without the toleration off the GPU nodes while the operator and the samples run there', () => {
    const sim = createSimulation({ seed: 1, cluster: 'dgx-a100', gpuTaint: true });
    sim.advance(GPU_STACK_BOOT_S);
    expect(sim.list<Pod>('pods', { namespace: 'gpu-operator' }).filter((p) => p.status!.phase === 'Running').length).toBeGreaterThanOrEqual(6);
    sim.apply(trainingPod('untolerated'));
    sim.apply(sample('cuda-vectoradd'));
    sim.advance(1);
    expect(sim.get<Pod>('pod', 'untolerated')!.status!.conditions![0]!.message).toBe(
      '0/3 nodes are available: 1 Insufficient nvidia.com/gpu, 2 node(s) had untolerated taint {nvidia.com/gpu: present}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    advanceUntil(sim, () => sim.get<Pod>('pod', 'cuda-vectoradd')?.status?.phase === 'Succeeded', 120);
    const logs = sim.logs('cuda-vectoradd');
    expect(logs.ok && logs.text.endsWith('Test PASSED\nDone\n')).toBe(true);
  });

  it('parses every sample, and the training Job completes on a tainted GPU node', () => {
    const sim = createSimulation({ seed: 1, cluster: 'h200', gpuTaint: true });
    sim.advance(GPU_STACK_BOOT_S);
    for (const s of GPU_SAMPLES) expect(sim.apply(s.yaml).stderr).toBe('');
    advanceUntil(sim, () => (sim.get<Job>('job', 'pytorch-training')?.status?.succeeded ?? 0) === 1, 900);
  });
});
