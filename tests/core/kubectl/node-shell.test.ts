import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { gpuModel } from '../../../src/core/gpu/catalogue';
import { MIG_ENABLED_EMPTY } from '../../../src/core/gpu/mig-geometry';
import { DEFAULT_DRIVER, type NodeGpu } from '../../../src/core/gpu/node-gpu';
import { runSmiCommand } from '../../../src/core/gpu/nvidia-smi/command';
import { idleTelemetry } from '../../../src/core/gpu/nvidia-smi/smi-input';
import { runNodeShell } from '../../../src/core/kubectl/shell/node-shell';
import { bareCluster } from './helpers';

const golden = (name: string) => readFileSync(join(__dirname, '../gpu/nvidia-smi/golden', name), 'utf8').replace(/\n$/, '');

/** A bare API server with one node whose machine has one GPU of `model` in MIG mode. */
function migNode(model: string) {
  const c = bareCluster();
  c.store.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'gpu-1' } });
  const gpu: NodeGpu = { index: 0, model: gpuModel(model)!, uuid: 'GPU-0', busId: '00000000:07:00.0', mig: MIG_ENABLED_EMPTY };
  const input = { driver: DEFAULT_DRIVER, time: 0, gpus: [{ gpu, telemetry: idleTelemetry(gpu), persistenceMode: true }], processes: [] };
  return { ...c, host: { ...c.host, nvidiaSmi: (node: string, args: readonly string[]) => (node === 'gpu-1' ? runSmiCommand(input, args) : undefined) } };
}

describe('nvidia-smi in the node shell', () => {
  it.each([
    ['A100-SXM4-40GB', 'a100-40gb-lgip.txt'],
    ['H100-80GB-HBM3', 'h100-lgip.txt'],
  ])('prints nvidia-smi mig -lgip on %s as the real tool does', (model, file) => {
    const c = migNode(model);
    expect(runNodeShell(c.host, 'gpu-1', 'nvidia-smi mig -lgip')).toEqual({ stdout: golden(file), stderr: '', exitCode: 0 });
  });

  it('lists GPUs with -L and the default screen on a DGX A100 node', () => {
    const sim = createSimulation({ seed: 1, cluster: 'dgx-a100' });
    sim.kubectl('debug node/dgx-1 -it --image=busybox');
    const list = sim.nodeShell('dgx-1', 'nvidia-smi -L').stdout.split('\n');
    expect(list).toHaveLength(8);
    expect(list[0]).toMatch(/^GPU 0: NVIDIA A100-SXM4-40GB \(UUID: GPU-[0-9a-f-]{36}\)$/);
    const screen = sim.nodeShell('dgx-1', 'nvidia-smi').stdout.split('\n');
    expect(screen[0]).toBe('Mon Jan  5 09:00:00 2026       ');
    expect(screen[2]).toBe('| NVIDIA-SMI 550.54.15              Driver Version: 550.54.15      CUDA Version: 12.4     |');
    expect(sim.nodeShell('dgx-1', 'nvidia-smi mig -lgip').stdout).toBe('No MIG-enabled devices found.');
    expect(sim.nodeShell('dgx-1', 'nvidia-smi -q').exitCode).toBe(1);
    expect(sim.nodeShell('cpu-1', 'nvidia-smi')).toMatchObject({ stderr: 'bash: nvidia-smi: command not found', exitCode: 127 });
    expect(sim.nodeShell('dgx-1', 'ls /')).toMatchObject({ stderr: 'bash: ls: command not found', exitCode: 127 });
  });
});
