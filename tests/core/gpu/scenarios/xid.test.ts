import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../../src/core';
import { advanceUntil, bootedCluster, gpuResources, operandPod, runTraining } from './helpers';

const xidSeries = (sim: Simulation, gpu: number) => sim.metrics().latest('DCGM_FI_DEV_XID_ERRORS', { Hostname: 'dgx-1', gpu: String(gpu) }).map((s) => s.value);

describe('Xid faults on a DGX A100', () => {
  it('Xid 79 takes the GPU off the bus: allocatable 7 of 8, health lost, an event, XID_ERRORS 79; only a reboot brings it back', () => {
    const sim = bootedCluster('dgx-a100');
    expect(sim.inject({ type: 'gpu-xid', node: 'dgx-1', gpu: 3, xid: 79 })).toEqual({ ok: true, message: 'Xid 79 (GPU has fallen off the bus) on GPU 3 of dgx-1' });
    // The plugin's health check (every 5 s) marks it Unhealthy; the kubelet posts it with its next status.
    advanceUntil(sim, () => gpuResources(sim, 'dgx-1')['nvidia.com/gpu'] === '8/7', 15);
    const gpu3 = sim.gpuStatus('dgx-1')!.gpus[3]!;
    expect(gpu3).toMatchObject({ health: 'lost', lastXid: 79, recovery: 'node-reboot' });
    expect(sim.gpuStatus('dgx-1')!.gpus.filter((g) => g.health === 'healthy')).toHaveLength(7);
    expect(sim.kubectl('get events --field-selector reason=GPUXidError -o custom-columns=TYPE:.type,OBJECT:.involvedObject.name,SOURCE:.source.component,MESSAGE:.message --no-headers').stdout).toBe(
      'Warning   dgx-1   kernel-monitor   NVRM: Xid (PCI:0000:4E:00): 79, GPU has fallen off the bus',
    );
    expect(sim.nodeShell('dgx-1', 'dmesg').stdout).toBe('[   30.000000] NVRM: Xid (PCI:0000:4E:00): 79, GPU has fallen off the bus');
    expect(sim.nodeShell('dgx-1', 'nvidia-smi')).toEqual({ stdout: '', stderr: 'Unable to determine the device handle for GPU00000000:4E:00.0: Unknown Error', exitCode: 15 });
    sim.advance(30);
    expect(xidSeries(sim, 3)).toEqual([79]);
    expect(sim.inject({ type: 'gpu-reset', node: 'dgx-1', gpu: 3 }).ok).toBe(false);

    sim.inject({ type: 'node-down', node: 'dgx-1' });
    sim.advance(20);
    sim.inject({ type: 'node-up', node: 'dgx-1' });
    advanceUntil(sim, () => gpuResources(sim, 'dgx-1')['nvidia.com/gpu'] === '8/8', 120);
    expect(sim.gpuStatus('dgx-1')!.gpus[3]).toMatchObject({ health: 'healthy', lastXid: 0 });
    expect(sim.nodeShell('dgx-1', 'dmesg').stdout).toBe('');
  });

  it('Xid 48 (double-bit ECC) makes the GPU Unhealthy until a GPU reset and a device plugin restart', () => {
    const sim = bootedCluster('dgx-a100');
    sim.inject({ type: 'gpu-xid', node: 'dgx-1', gpu: 2, xid: 48 });
    advanceUntil(sim, () => gpuResources(sim, 'dgx-1')['nvidia.com/gpu'] === '8/7', 15);
    expect(sim.gpuStatus('dgx-1')!.gpus[2]).toMatchObject({ health: 'unhealthy', lastXid: 48, recovery: 'gpu-reset' });
    expect(sim.inject({ type: 'gpu-reset', node: 'dgx-1', gpu: 2 })).toEqual({ ok: true, message: 'GPU 00000000:47:00.0 was successfully reset. The device plugin keeps devices it marked Unhealthy until it restarts.' });
    sim.advance(15);
    expect(gpuResources(sim, 'dgx-1')['nvidia.com/gpu']).toBe('8/7');
    sim.delete('pod', operandPod(sim, 'nvidia-device-plugin-daemonset', 'dgx-1')!.metadata!.name!, 'gpu-operator');
    advanceUntil(sim, () => gpuResources(sim, 'dgx-1')['nvidia.com/gpu'] === '8/8', 30);
    expect(sim.gpuStatus('dgx-1')!.gpus[2]).toMatchObject({ health: 'healthy', lastXid: 0 });
  });

  it('an application Xid (13) kills the CUDA process but leaves the GPU healthy and allocatable', () => {
    const sim = bootedCluster('dgx-a100');
    runTraining(sim, 'train');
    expect(sim.inject({ type: 'gpu-xid', node: 'dgx-1', gpu: 0, xid: 13 })).toEqual({ ok: true, message: 'Xid 13 (Graphics Engine Exception) on GPU 0 of dgx-1; 1 CUDA process died' });
    sim.advance(31);
    expect(gpuResources(sim, 'dgx-1')['nvidia.com/gpu']).toBe('8/8');
    expect(sim.gpuStatus('dgx-1')!.gpus[0]).toMatchObject({ health: 'healthy', lastXid: 13 });
    expect(sim.get<Pod>('pod', 'train')!.status!.containerStatuses![0]!.restartCount).toBe(1);
    expect(xidSeries(sim, 0)).toEqual([13]);
    const plugin = operandPod(sim, 'nvidia-device-plugin-daemonset', 'dgx-1')!;
    const logs = sim.logs(plugin.metadata!.name!, { namespace: 'gpu-operator' });
    expect(logs.ok && logs.text).toContain('health.go:159] Skipping event {Device:' + sim.gpuStatus('dgx-1')!.gpus[0]!.uuid + ' EventType:XidCriticalError EventData:13}: an application error');
  });

  it('refuses Xids on GPUs a node does not have', () => {
    const sim = bootedCluster('dgx-a100');
    expect(sim.inject({ type: 'gpu-xid', node: 'dgx-1', gpu: 8, xid: 79 })).toEqual({ ok: false, message: 'node dgx-1 has no GPU 8 (GPUs 0–7)' });
    expect(sim.inject({ type: 'gpu-xid', node: 'cpu-1', gpu: 0, xid: 79 })).toEqual({ ok: false, message: 'node cpu-1 has no NVIDIA GPUs' });
  });
});
