import { describe, expect, it } from 'vitest';
import { advanceUntil, bootedCluster, podRunning } from './helpers';

/** An init container and an app container that each ask for every GPU of the DGX (8). */
const POD = `apiVersion: v1
kind: Pod
metadata: { name: staged }
spec:
  nodeSelector: { kubernetes.io/hostname: dgx-1 }
  initContainers:
  - name: warm-up
    image: nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04
    command: [sh, -c, 'echo $NVIDIA_VISIBLE_DEVICES']
    resources: { limits: { nvidia.com/gpu: 8 } }
  containers:
  - name: cuda
    image: nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04
    command: [sh, -c, 'echo $NVIDIA_VISIBLE_DEVICES; sleep 3600']
    resources: { limits: { nvidia.com/gpu: 8 } }
`;

describe('devices of init containers', () => {
  it('are handed on to the app containers (kubelet devicemanager devicesToReuse), so a pod whose init and app containers each take every GPU is admitted', () => {
    const sim = bootedCluster('dgx-a100');
    sim.apply(POD);
    advanceUntil(sim, podRunning(sim, 'staged'), 120);
    const uuids = sim.gpuStatus('dgx-1')!.gpus.map((g) => g.uuid).join(',');
    const init = sim.logs('staged', { container: 'warm-up' });
    const app = sim.logs('staged', { container: 'cuda' });
    expect(init.ok && init.text).toBe(`${uuids}\n`);
    expect(app.ok && app.text).toBe(`${uuids}\n`);
    expect(sim.gpuStatus('dgx-1')!.gpus[0]!.users.map((u) => u.container)).toEqual(['warm-up', 'cuda']);
  });
});
