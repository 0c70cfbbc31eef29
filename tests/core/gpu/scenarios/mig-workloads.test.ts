import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../../src/core';
import { advanceUntil, bootedCluster, gpuResources, label, PLUGIN_CONFIGS, podRunning } from './helpers';

/** A custom mig-parted config: GPU 0 cut into seven 1g.5gb devices, the other seven left whole. */
const ONE_GPU_SLICED = `apiVersion: v1
kind: ConfigMap
metadata: { name: custom-mig-parted-config, namespace: gpu-operator }
data:
  config.yaml: |
    version: v1
    mig-configs:
      all-disabled:
      - devices: all
        mig-enabled: false
      gpu0-1g.5gb:
      - devices: [0]
        mig-enabled: true
        mig-devices: { "1g.5gb": 7 }
      - devices: [1, 2, 3, 4, 5, 6, 7]
        mig-enabled: false
`;

const slicePod = (name: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  containers:
  - name: cuda
    image: nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04
    command: [sh, -c, 'nvidia-smi -L; sleep 3600']
    resources: { limits: { nvidia.com/mig-1g.5gb: 1 } }
`;

/** dgx-1 with GPU 0 in seven 1g.5gb slices, served by the plugin's mixed strategy. */
function slicedCluster(): Simulation {
  const sim = bootedCluster('dgx-a100');
  sim.apply(ONE_GPU_SLICED + '---\n' + PLUGIN_CONFIGS);
  label(sim, 'dgx-1', 'nvidia.com/device-plugin.config=mixed nvidia.com/mig.config=gpu0-1g.5gb');
  sim.advance(120);
  return sim;
}

describe('MIG devices as Kubernetes resources (mixed strategy)', () => {
  it('runs a pod asking for nvidia.com/mig-1g.5gb on the node, on one MIG device it alone sees', () => {
    const sim = slicedCluster();
    expect(gpuResources(sim, 'dgx-1')).toMatchObject({ 'nvidia.com/gpu': '7/7', 'nvidia.com/mig-1g.5gb': '7/7' });
    sim.apply(slicePod('slice-1'));
    advanceUntil(sim, podRunning(sim, 'slice-1'), 120);
    sim.advance(2);
    const gpu0 = sim.gpuStatus('dgx-1')!.gpus[0]!;
    const used = gpu0.migDevices.filter((d) => d.users.length);
    expect(used.map((d) => d.users.map((u) => `${u.pod}/${u.resource}`))).toEqual([['slice-1/nvidia.com/mig-1g.5gb']]);
    const logs = sim.logs('slice-1');
    expect(logs.ok && logs.text).toBe(`GPU 0: NVIDIA A100-SXM4-40GB (UUID: ${gpu0.uuid})\n  MIG 1g.5gb      Device  0: (UUID: ${used[0]!.uuid})\n`);
  });

  it('leaves the eighth such pod Pending with the scheduler’s Insufficient message', () => {
    const sim = slicedCluster();
    for (let i = 1; i <= 8; i++) sim.apply(slicePod(`slice-${i}`));
    sim.advance(5);
    const pending = sim.list<Pod>('pods', { namespace: 'default' }).filter((p) => !p.spec!.nodeName);
    expect(pending.map((p) => p.metadata!.name)).toEqual(['slice-8']);
    expect(sim.kubectl('get events --field-selector involvedObject.name=slice-8 -o custom-columns=REASON:.reason,MESSAGE:.message --no-headers').stdout).toBe(
      'FailedScheduling   0/3 nodes are available: 3 Insufficient nvidia.com/mig-1g.5gb. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    );
    expect(sim.gpuStatus('dgx-1')!.gpus[0]!.migDevices.every((d) => d.users.length === 1)).toBe(true);
  });

  it('shows the cluster view which MIG device each pod holds', () => {
    const sim = slicedCluster();
    const view = sim.createViewTracker();
    sim.apply(slicePod('slice-1') + '---\n' + slicePod('slice-2'));
    sim.advance(5);
    const dgx1 = view.flush(sim.now() * 1000).nodes.find((n) => n.name === 'dgx-1')!;
    const gpu0 = dgx1.gpus[0]!;
    expect(gpu0.pods).toEqual([]);
    // MIG devices come in nvidia-smi's order (GPU instance ID); the plugin hands them out in that order.
    expect(gpu0.mig!.instances.map((d) => `${d.profile}#${d.id}@${d.start}:${d.pods.join(',')}`)).toEqual([
      '1g.5gb#7@4:default/slice-2',
      '1g.5gb#8@5:default/slice-1',
      '1g.5gb#9@6:',
      '1g.5gb#11@0:',
      '1g.5gb#12@1:',
      '1g.5gb#13@2:',
      '1g.5gb#14@3:',
    ]);
    expect(dgx1.gpus.slice(1).map((g) => `${g.health}:${g.mig?.instances.length ?? 0}`)).toEqual(Array(7).fill('healthy:0'));
    view.dispose();
  });
});
