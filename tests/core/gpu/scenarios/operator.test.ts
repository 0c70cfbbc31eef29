import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createSimulation, GPU_STACK_BOOT_S } from '../../../../src/core';
import { ENDPOINT_STOP_GRACE_MS } from '../../../../src/core/gpu/device-plugin/device-manager';
import { advanceUntil, bootedCluster, gpuResources, label, nvidiaLabels, operandPod, trainingPod } from './helpers';

describe('the GPU operator on a DGX A100 cluster', () => {
  it('runs its operands as DaemonSet pods on the GPU nodes only, the MIG manager where GFD found MIG-capable GPUs', () => {
    const sim = bootedCluster('dgx-a100');
    sim.advance(30);
    expect(sim.kubectl('get ds -n gpu-operator').stdout).toBe(
      [
        'NAME                             DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR                                      AGE',
        'gpu-feature-discovery            2         2         2       2            2           nvidia.com/gpu.deploy.gpu-feature-discovery=true   60s',
        'nvidia-dcgm-exporter             2         2         2       2            2           nvidia.com/gpu.deploy.dcgm-exporter=true           60s',
        'nvidia-device-plugin-daemonset   2         2         2       2            2           nvidia.com/gpu.deploy.device-plugin=true           60s',
        'nvidia-mig-manager               2         2         2       2            2           nvidia.com/gpu.deploy.mig-manager=true             60s',
      ].join('\n'),
    );
    const pods = sim.list<Pod>('pods', { namespace: 'gpu-operator' });
    expect(pods.map((p) => `${p.metadata!.labels!.app}@${p.spec!.nodeName}:${p.status!.phase}`).sort()).toEqual([
      'gpu-feature-discovery@dgx-1:Running',
      'gpu-feature-discovery@dgx-2:Running',
      'nvidia-dcgm-exporter@dgx-1:Running',
      'nvidia-dcgm-exporter@dgx-2:Running',
      'nvidia-device-plugin-daemonset@dgx-1:Running',
      'nvidia-device-plugin-daemonset@dgx-2:Running',
      'nvidia-mig-manager@dgx-1:Running',
      'nvidia-mig-manager@dgx-2:Running',
    ]);
    expect(sim.kubectl('get cm -n gpu-operator -o name').stdout).toBe('configmap/default-mig-parted-config\nconfigmap/device-plugin-config');
  });

  it('advertises the GPUs once the device plugin registers, and GFD labels the node', () => {
    const sim = bootedCluster('dgx-a100');
    expect(gpuResources(sim, 'dgx-1')).toEqual({ 'nvidia.com/gpu': '8/8' });
    expect(gpuResources(sim, 'dgx-2')).toEqual({ 'nvidia.com/gpu': '8/8' });
    expect(gpuResources(sim, 'cpu-1')).toEqual({});
    sim.advance(30);
    expect(nvidiaLabels(sim, 'dgx-1')).toMatchObject({
      'nvidia.com/gpu.present': 'true',
      'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB',
      'nvidia.com/gpu.count': '8',
      'nvidia.com/gpu.memory': '40960',
      'nvidia.com/gpu.family': 'ampere',
      'nvidia.com/gpu.compute.major': '8',
      'nvidia.com/gpu.compute.minor': '0',
      'nvidia.com/mig.capable': 'true',
      'nvidia.com/mig.strategy': 'single',
      'nvidia.com/mig.config': 'all-disabled',
      'nvidia.com/mig.config.state': 'success',
      'nvidia.com/gpu.deploy.mig-manager': 'true',
    });
    expect(nvidiaLabels(sim, 'cpu-1')).toEqual({});
  });

  it('takes the GPUs off allocatable when the device plugin pod is deleted, and back when the DaemonSet replaces it', () => {
    const sim = bootedCluster('dgx-a100');
    const old = operandPod(sim, 'nvidia-device-plugin-daemonset', 'dgx-1')!;
    sim.delete('pod', old.metadata!.name!, 'gpu-operator');
    // The plugin's endpoint stops: its devices turn unhealthy (allocatable 0), capacity stays for the grace period.
    advanceUntil(sim, () => gpuResources(sim, 'dgx-1')['nvidia.com/gpu'] === '8/0', 12);
    // The new pod registers within seconds (its image is cached); the kubelet posts it with its next status (every 10 s).
    advanceUntil(sim, () => gpuResources(sim, 'dgx-1')['nvidia.com/gpu'] === '8/8', 12);
    expect(operandPod(sim, 'nvidia-device-plugin-daemonset', 'dgx-1')!.metadata!.name).not.toBe(old.metadata!.name);
  });

  it('reports capacity 0 once a plugin has been gone for the endpoint grace period, and the GPUs again when it returns', () => {
    const sim = bootedCluster('dgx-a100');
    label(sim, 'dgx-1', 'nvidia.com/gpu.deploy.device-plugin=false');
    sim.advance(15);
    expect(operandPod(sim, 'nvidia-device-plugin-daemonset', 'dgx-1')).toBeUndefined();
    expect(gpuResources(sim, 'dgx-1')).toEqual({ 'nvidia.com/gpu': '8/0' });
    sim.advance(ENDPOINT_STOP_GRACE_MS / 1000);
    expect(gpuResources(sim, 'dgx-1')).toEqual({ 'nvidia.com/gpu': '0/0' });
    sim.apply(trainingPod('train', 'nvidia.com/gpu', 'dgx-1'));
    sim.advance(1);
    expect(sim.get<Pod>('pod', 'train')!.status!.conditions![0]!.message).toBe(
      "0/3 nodes are available: 1 Insufficient nvidia.com/gpu, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    label(sim, 'dgx-1', 'nvidia.com/gpu.deploy.device-plugin=true');
    advanceUntil(sim, () => sim.get<Pod>('pod', 'train')!.spec!.nodeName === 'dgx-1', 30);
    expect(gpuResources(sim, 'dgx-1')).toEqual({ 'nvidia.com/gpu': '8/8' });
  });

  it('puts back an operand DaemonSet that is deleted, as the operator reconciles its ClusterPolicy', () => {
    const sim = bootedCluster('dgx-a100');
    const before = sim.get('daemonset', 'nvidia-device-plugin-daemonset', 'gpu-operator')!.metadata!.uid;
    expect(sim.delete('daemonset', 'nvidia-device-plugin-daemonset', 'gpu-operator').ok).toBe(true);
    sim.advance(60);
    const after = sim.get('daemonset', 'nvidia-device-plugin-daemonset', 'gpu-operator');
    expect(after && after.metadata!.uid !== before).toBe(true);
    expect(gpuResources(sim, 'dgx-1')).toEqual({ 'nvidia.com/gpu': '8/8' });
  });

  it('schedules a GPU pod applied at start-up once the GPUs are advertised', () => {
    const sim = createSimulation({ seed: 1, cluster: 'dgx-a100' });
    sim.apply(trainingPod('early'));
    sim.advance(1);
    expect(sim.get<Pod>('pod', 'early')!.status!.conditions![0]!.message).toBe(
      '0/3 nodes are available: 3 Insufficient nvidia.com/gpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    const t = advanceUntil(sim, () => sim.get<Pod>('pod', 'early')!.spec!.nodeName !== undefined, GPU_STACK_BOOT_S);
    expect(t).toBe(11);
  });

  it.each(['minimal'] as const)('is not installed on the %s cluster, which has no GPUs', (cluster) => {
    const sim = createSimulation({ seed: 1, cluster });
    sim.advance(60);
    expect(sim.get('namespace', 'gpu-operator')).toBeUndefined();
  });

  it('puts the operands on every GPU node of the heterogeneous lab, without the MIG manager on the T4 node', () => {
    const sim = bootedCluster('gpu-lab');
    sim.advance(30);
    const on = (node: string) => sim.list<Pod>('pods', { namespace: 'gpu-operator' }).filter((p) => p.spec!.nodeName === node).map((p) => p.metadata!.labels!.app).sort();
    expect(on('t4-1')).toEqual(['gpu-feature-discovery', 'nvidia-dcgm-exporter', 'nvidia-device-plugin-daemonset']);
    expect(on('a100-1')).toEqual(['gpu-feature-discovery', 'nvidia-dcgm-exporter', 'nvidia-device-plugin-daemonset', 'nvidia-mig-manager']);
    expect(on('cpu-1')).toEqual([]);
    expect(gpuResources(sim, 't4-1')).toEqual({ 'nvidia.com/gpu': '4/4' });
    expect(nvidiaLabels(sim, 't4-1')['nvidia.com/gpu.product']).toBe('Tesla-T4');
    expect(nvidiaLabels(sim, 'h100-1')['nvidia.com/gpu.product']).toBe('NVIDIA-H100-80GB-HBM3');
  });

  it('boots the same way, byte for byte, for the same seed', () => {
    const run = () => {
      const sim = createSimulation({ seed: 7, cluster: 'gpu-lab' });
      sim.advance(120);
      sim.inject({ type: 'gpu-xid', node: 'a100-1', gpu: 1, xid: 48 });
      sim.advance(60);
      return JSON.stringify([sim.list('pods', { namespace: 'gpu-operator' }), sim.list('nodes'), sim.events(), sim.metrics().latest('DCGM_FI_DEV_GPU_TEMP')]);
    };
    expect(run()).toBe(run());
  });
});
