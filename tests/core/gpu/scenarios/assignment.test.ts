import { describe, expect, it } from 'vitest';
import { advanceUntil, bootedCluster, podRunning, runTraining } from './helpers';

/** A CUDA base image whose shell prints what the container was given, then idles. */
const SMI_POD = (name: string, gpus: number, extra = '') => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  nodeSelector: { kubernetes.io/hostname: dgx-1 }
${extra}  containers:
  - name: cuda
    image: nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04
    command: [sh, -c, 'echo $NVIDIA_VISIBLE_DEVICES; nvidia-smi -L; sleep 3600']
    resources: { limits: { nvidia.com/gpu: ${gpus} } }
`;

describe('device assignment', () => {
  it('gives a container the GPUs Allocate picked, in NVIDIA_VISIBLE_DEVICES, and nvidia-smi inside sees only those', () => {
    const sim = bootedCluster('dgx-a100');
    sim.apply(SMI_POD('two', 2));
    advanceUntil(sim, podRunning(sim, 'two'), 120);
    sim.advance(2);
    const status = sim.gpuStatus('dgx-1')!;
    const [g0, g1] = status.gpus;
    const logs = sim.logs('two');
    expect(logs.ok && logs.text).toBe(`${g0!.uuid},${g1!.uuid}\nGPU 0: NVIDIA A100-SXM4-40GB (UUID: ${g0!.uuid})\nGPU 1: NVIDIA A100-SXM4-40GB (UUID: ${g1!.uuid})\n`);
    expect(g0!.users).toEqual([{ namespace: 'default', pod: 'two', container: 'cuda', resource: 'nvidia.com/gpu', deviceId: g0!.uuid }]);
    expect(status.gpus.slice(2).every((g) => g.users.length === 0)).toBe(true);
  });

  it('hands the next pod the next free GPUs and frees them when the pod is gone', () => {
    const sim = bootedCluster('dgx-a100');
    sim.apply(SMI_POD('a', 1));
    advanceUntil(sim, podRunning(sim, 'a'), 120);
    sim.apply(SMI_POD('b', 1));
    advanceUntil(sim, podRunning(sim, 'b'), 30);
    const users = () => sim.gpuStatus('dgx-1')!.gpus.map((g) => g.users.map((u) => u.pod).join(','));
    expect(users()).toEqual(['a', 'b', '', '', '', '', '', '']);
    sim.delete('pod', 'a');
    sim.advance(40);
    sim.apply(SMI_POD('c', 1));
    advanceUntil(sim, podRunning(sim, 'c'), 30);
    expect(users()).toEqual(['c', 'b', '', '', '', '', '', '']);
  });

  it('shows the node’s GPUs, MIG state and CUDA processes in the node shell', () => {
    const sim = bootedCluster('dgx-a100');
    runTraining(sim, 'train');
    sim.advance(90);
    const screen = sim.nodeShell('dgx-1', 'nvidia-smi').stdout.split('\n');
    // GPU 0 runs the training at ~95 %; the others idle.
    expect(screen[9]).toMatch(/^\| N\/A   \d\dC    P0            3\d\dW \/  400W \|   12288MiB \/  40960MiB \|     95%      Default \|$/);
    expect(screen[13]).toBe('| N/A   32C    P0             52W /  400W |       1MiB /  40960MiB |      0%      Default |');
    expect(screen.at(-2)).toMatch(/^\|    0   N\/A  N\/A +\d+      C   python +12288MiB \|$/);
    expect(sim.gpuStatus('dgx-1')!.gpus[0]).toMatchObject({ utilisation: 0.95, health: 'healthy', memoryUsedMiB: 12288 });
  });
});
