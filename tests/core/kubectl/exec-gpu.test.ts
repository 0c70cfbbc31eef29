import { describe, expect, it } from 'vitest';
import { createSimulation, GPU_STACK_BOOT_S } from '../../../src/core';

const twoGpuPod = `apiVersion: v1
kind: Pod
metadata: { name: cuda }
spec:
  restartPolicy: Never
  containers:
  - name: cuda
    image: nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04
    command: ["sleep", "infinity"]
    resources:
      limits: { nvidia.com/gpu: 2 }
`;

describe('kubectl exec into a GPU container', () => {
  it('shows only the devices the device plugin gave the container', () => {
    const sim = createSimulation({ seed: 1, cluster: 'dgx-a100' });
    sim.advance(GPU_STACK_BOOT_S);
    sim.apply(twoGpuPod);
    sim.advance(60);
    const env = sim.kubectl('exec cuda -- env').stdout;
    const visible = /NVIDIA_VISIBLE_DEVICES=(.*)/.exec(env)?.[1] ?? '';
    const uuids = visible.split(',');
    expect(uuids).toHaveLength(2);
    expect(uuids.every((u) => u.startsWith('GPU-'))).toBe(true);
    // Inside the container the driver numbers the visible GPUs from 0, whatever their index on the node.
    expect(sim.kubectl('exec cuda -- nvidia-smi -L').stdout).toBe(
      uuids.map((u, i) => `GPU ${i}: NVIDIA A100-SXM4-40GB (UUID: ${u})`).join('\n'),
    );
  });
});
