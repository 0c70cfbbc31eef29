import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../../src/core';
import { advanceUntil, bootedCluster, label, PLUGIN_CONFIGS, podRunning, runTraining } from './helpers';

/** An inference server whose request load keeps its GPU 40 % busy. */
const INFERENCE = `apiVersion: v1
kind: Pod
metadata: { name: infer, annotations: { kubelab.dev/gpu-utilisation: 40% } }
spec:
  nodeSelector: { kubernetes.io/hostname: dgx-1 }
  containers:
  - name: server
    image: nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04
    command: [sleep, infinity]
    resources: { limits: { nvidia.com/gpu: 1 } }
`;

const latest = (sim: Simulation, name: string, match: Record<string, string>) => sim.metrics().latest(name, { Hostname: 'dgx-1', ...match });
const value = (sim: Simulation, name: string, match: Record<string, string>) => latest(sim, name, match).map((s) => s.value);

describe('the DCGM exporter', () => {
  it('exports per-GPU series with the exporter’s labels, values following what runs on each GPU', () => {
    const sim = bootedCluster('dgx-a100');
    runTraining(sim, 'train');
    sim.apply(INFERENCE);
    sim.advance(600);
    const gpu0 = sim.gpuStatus('dgx-1')!.gpus[0]!;
    expect(latest(sim, 'DCGM_FI_DEV_GPU_UTIL', { gpu: '0' }).map((s) => s.labels)).toEqual([
      { gpu: '0', UUID: gpu0.uuid, device: 'nvidia0', modelName: 'NVIDIA A100-SXM4-40GB', Hostname: 'dgx-1', namespace: 'default', pod: 'train', container: 'pytorch' },
    ]);
    expect(value(sim, 'DCGM_FI_DEV_GPU_UTIL', { gpu: '0' })).toEqual([95]);
    expect(value(sim, 'DCGM_FI_DEV_GPU_UTIL', { gpu: '1', pod: 'infer' })).toEqual([40]);
    expect(value(sim, 'DCGM_FI_DEV_GPU_UTIL', { gpu: '2', pod: '' })).toEqual([0]);
    expect(value(sim, 'DCGM_FI_DEV_FB_USED', { gpu: '0' })).toEqual([12288]);
    expect(value(sim, 'DCGM_FI_DEV_FB_FREE', { gpu: '0' })).toEqual([40960 - 12288]);
    expect(value(sim, 'DCGM_FI_PROF_GR_ENGINE_ACTIVE', { gpu: '0' })).toEqual([0.95]);
    expect(value(sim, 'DCGM_FI_DEV_SM_CLOCK', { gpu: '0' })).toEqual([1410]);
    expect(value(sim, 'DCGM_FI_DEV_SM_CLOCK', { gpu: '2' })).toEqual([210]);
    // Temperature and power follow utilisation: busiest hottest, idle at rest.
    const per = (name: string) => [0, 1, 2].map((g) => value(sim, name, { gpu: String(g) })[0]!);
    const [t0, t1, t2] = per('DCGM_FI_DEV_GPU_TEMP') as [number, number, number];
    const [p0, p1, p2] = per('DCGM_FI_DEV_POWER_USAGE') as [number, number, number];
    expect(t0 > t1 && t1 > t2 && t2 === 32).toBe(true);
    expect(p0 > p1 && p1 > p2 && p2 === 52).toBe(true);
    expect(value(sim, 'DCGM_FI_DEV_XID_ERRORS', { gpu: '0' })).toEqual([0]);
  });

  it('follows a changed inference load at the next collection', () => {
    const sim = bootedCluster('dgx-a100');
    sim.apply(INFERENCE);
    advanceUntil(sim, podRunning(sim, 'infer'), 300);
    sim.advance(60);
    expect(value(sim, 'DCGM_FI_DEV_GPU_UTIL', { pod: 'infer' })).toEqual([40]);
    sim.kubectl('annotate pod infer kubelab.dev/gpu-utilisation=85% --overwrite');
    sim.advance(30);
    expect(value(sim, 'DCGM_FI_DEV_GPU_UTIL', { pod: 'infer' })).toEqual([85]);
  });

  it('reports MIG instances with GPU_I_PROFILE and GPU_I_ID, their utilisation through PROF_GR_ENGINE_ACTIVE only', () => {
    const sim = bootedCluster('dgx-a100');
    sim.apply(PLUGIN_CONFIGS);
    label(sim, 'dgx-1', 'nvidia.com/device-plugin.config=mixed nvidia.com/mig.config=all-balanced');
    sim.advance(150);
    runTraining(sim, 'mig-train', 'nvidia.com/mig-3g.20gb');
    sim.advance(120);
    const used = sim.gpuStatus('dgx-1')!.gpus.flatMap((g) => g.migDevices.filter((d) => d.users.length).map((d) => ({ gpu: g.index, d })));
    expect(used.map(({ gpu, d }) => `${gpu}/${d.profile}/${d.gpuInstanceId}`)).toEqual(['0/3g.20gb/1']);
    expect(latest(sim, 'DCGM_FI_PROF_GR_ENGINE_ACTIVE', { pod: 'mig-train' }).map((s) => [s.labels.GPU_I_PROFILE, s.labels.GPU_I_ID, s.value])).toEqual([['3g.20gb', '1', 0.95]]);
    // DEV_*_UTIL is not reported on MIG GPUs, neither per instance nor for the GPU.
    expect(latest(sim, 'DCGM_FI_DEV_GPU_UTIL', { gpu: '0' })).toEqual([]);
    // Four instances on GPU 0: the busy 3g.20gb and three idle ones.
    expect(latest(sim, 'DCGM_FI_PROF_GR_ENGINE_ACTIVE', { gpu: '0' }).map((s) => `${s.labels.GPU_I_PROFILE}=${s.value}`).sort()).toEqual(['1g.5gb=0', '1g.5gb=0', '2g.10gb=0', '3g.20gb=0.95']);
    expect(value(sim, 'DCGM_FI_DEV_FB_FREE', { pod: 'mig-train' })).toEqual([19968 - 12288]);
  });
});
