import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { ENDPOINT_STOP_GRACE_MS } from '../../../../src/core/gpu/device-plugin/device-manager';
import { bootedCluster, gpuResources, nvidiaLabels, operandPod, reconfigure, trainingPod } from './helpers';

/** The labels GFD writes that the strategy decides (the rest describe the driver and machine). */
const STRATEGY_LABELS = ['nvidia.com/gpu.count', 'nvidia.com/gpu.product', 'nvidia.com/gpu.memory', 'nvidia.com/gpu.replicas', 'nvidia.com/gpu.sharing-strategy', 'nvidia.com/mig.strategy', 'nvidia.com/mig.config.state'];

function strategyLabels(sim: ReturnType<typeof bootedCluster>, node: string) {
  const all = nvidiaLabels(sim, node);
  return Object.fromEntries(STRATEGY_LABELS.map((k) => [k, all[k]]));
}

/** A booted DGX A100 with dgx-1 reconfigured to a MIG config and device-plugin config, and what it then advertises and labels. */
function dgxAfter(migConfig: string, pluginConfig: string) {
  const sim = bootedCluster('dgx-a100');
  reconfigure(sim, 'dgx-1', migConfig, pluginConfig);
  return { sim, resources: gpuResources(sim, 'dgx-1'), labels: strategyLabels(sim, 'dgx-1') };
}

describe('MIG strategies on a DGX A100', () => {
  it('none: every GPU is nvidia.com/gpu, its MIG devices are not listed', () => {
    const { sim, resources, labels } = dgxAfter('all-1g.5gb', 'none');
    expect(resources).toEqual({ 'nvidia.com/gpu': '8/8' });
    // The whole GPUs are what is served, so they are healthy; their MIG devices are not advertised.
    const gpus = sim.gpuStatus('dgx-1')!.gpus;
    expect(gpus.map((g) => g.health)).toEqual(Array(8).fill('healthy'));
    expect(new Set(gpus.flatMap((g) => g.migDevices.map((d) => d.health)))).toEqual(new Set(['unadvertised']));
    expect(labels).toEqual({
      'nvidia.com/gpu.count': '8',
      'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB',
      'nvidia.com/gpu.memory': '40960',
      // GFD labels MIG-enabled GPUs without sharing (replicas 0), and writes no mig.strategy under none.
      'nvidia.com/gpu.replicas': '0',
      'nvidia.com/gpu.sharing-strategy': 'none',
      'nvidia.com/mig.strategy': undefined,
      'nvidia.com/mig.config.state': 'success',
    });
  });

  it('single: each of the 56 1g.5gb devices is an nvidia.com/gpu, and GFD describes the MIG device', () => {
    const { resources, labels } = dgxAfter('all-1g.5gb', 'default');
    expect(resources).toEqual({ 'nvidia.com/gpu': '56/56' });
    expect(labels).toEqual({
      'nvidia.com/gpu.count': '56',
      'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB-MIG-1g.5gb',
      'nvidia.com/gpu.memory': '4864',
      'nvidia.com/gpu.replicas': '1',
      'nvidia.com/gpu.sharing-strategy': 'none',
      'nvidia.com/mig.strategy': 'single',
      'nvidia.com/mig.config.state': 'success',
    });
  });

  it('mixed: one resource per profile, with per-profile GFD labels', () => {
    const sim = bootedCluster('dgx-a100');
    reconfigure(sim, 'dgx-1', 'all-balanced', 'mixed');
    // nvidia.com/gpu is no longer served: its devices are unhealthy at once, its capacity goes after the endpoint's grace period.
    expect(gpuResources(sim, 'dgx-1')['nvidia.com/gpu']).toBe('8/0');
    sim.advance(ENDPOINT_STOP_GRACE_MS / 1000);
    expect(gpuResources(sim, 'dgx-1')).toEqual({
      'nvidia.com/gpu': '0/0',
      'nvidia.com/mig-1g.5gb': '16/16',
      'nvidia.com/mig-2g.10gb': '8/8',
      'nvidia.com/mig-3g.20gb': '8/8',
    });
    const labels = nvidiaLabels(sim, 'dgx-1');
    expect(labels['nvidia.com/mig.strategy']).toBe('mixed');
    expect(['1g.5gb', '2g.10gb', '3g.20gb'].map((p) => labels[`nvidia.com/mig-${p}.count`])).toEqual(['16', '8', '8']);
    expect(labels['nvidia.com/mig-3g.20gb.memory']).toBe('19968');
  });

  it('single over mixed profiles: the plugin exits with the upstream error and advertises nothing allocatable', () => {
    const sim = bootedCluster('dgx-a100');
    reconfigure(sim, 'dgx-1', 'all-balanced', 'default');
    expect(gpuResources(sim, 'dgx-1')).toEqual({ 'nvidia.com/gpu': '8/0' });
    const plugin = operandPod(sim, 'nvidia-device-plugin-daemonset', 'dgx-1')!;
    expect(plugin.status!.containerStatuses![0]!.state!.waiting?.reason ?? plugin.status!.containerStatuses![0]!.lastState?.terminated?.reason).toMatch(/CrashLoopBackOff|Error/);
    const logs = sim.logs(plugin.metadata!.name!, { namespace: 'gpu-operator', previous: true });
    expect(logs.ok && logs.text.trimEnd().split('\n').at(-1)).toMatch(
      /^E\d{4} [\d:.]+ +1 main\.go:177\] error starting plugins: error getting plugins: failed to construct NVML resource managers: error building device map: error building device map from config\.resources: invalid MIG configuration: more than one MIG device type present on node$/,
    );
    expect(nvidiaLabels(sim, 'dgx-1')['nvidia.com/gpu.product']).toBe('NVIDIA-A100-SXM4-40GB-MIG-INVALID');
  });
});

describe('time-slicing on a DGX A100', () => {
  it('advertises 4 replicas of each of the 8 GPUs as 32, with the sharing labels', () => {
    const { sim, resources, labels } = dgxAfter('all-disabled', 'time-sliced');
    expect(resources).toEqual({ 'nvidia.com/gpu': '32/32' });
    expect(labels).toMatchObject({
      'nvidia.com/gpu.count': '8',
      'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB-SHARED',
      'nvidia.com/gpu.replicas': '4',
      'nvidia.com/gpu.sharing-strategy': 'time-slicing',
    });
    expect(sim.gpuStatus('dgx-1')!.resources).toEqual([{ name: 'nvidia.com/gpu', capacity: 32, allocatable: 32, replicas: 4 }]);
  });

  it('spreads one-replica pods over the GPUs, and with failRequestsGreaterThanOne refuses a request for 2 at admission', () => {
    const sim = bootedCluster('dgx-a100');
    reconfigure(sim, 'dgx-1', 'all-disabled', 'time-sliced-strict');
    sim.apply(trainingPod('a', 'nvidia.com/gpu', 'dgx-1') + '---\n' + trainingPod('b', 'nvidia.com/gpu', 'dgx-1'));
    sim.advance(5);
    const holders = sim.gpuStatus('dgx-1')!.gpus.map((g) => g.users.map((u) => `${u.pod}:${u.deviceId.slice(-3)}`).join(','));
    expect(holders.filter(Boolean)).toHaveLength(2);
    sim.apply(trainingPod('two', 'nvidia.com/gpu', 'dgx-1').replace('nvidia.com/gpu: 1', 'nvidia.com/gpu: 2'));
    sim.advance(5);
    expect(sim.get<Pod>('pod', 'two')!.status).toMatchObject({
      phase: 'Failed',
      reason: 'UnexpectedAdmissionError',
      message: "Pod was rejected: Allocate failed due to rpc error: code = Unknown desc = request for 'nvidia.com/gpu: 2' too large: maximum request size for shared resources is 1, which is unexpected",
    });
  });
});
