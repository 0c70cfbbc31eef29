import { nodeMigDevices, type NodeGpu } from '../node-gpu';

/**
 * `nvidia-smi -L`: one line per GPU, then one indented line per MIG device, e.g.
 *
 *     GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-9e4aeb94-01c0-5173-4811-4ca60f77b3a9)
 *       MIG 1c.2g.10gb  Device  1: (UUID: MIG-8970491e-16e0-5140-9f8f-d561baa3c186)
 *
 * (layout from real outputs on A100-SXM4-40GB and A100-PCIE-40GB).
 */
export function renderGpuList(gpus: readonly NodeGpu[]): string {
  const lines: string[] = [];
  for (const gpu of gpus) {
    lines.push(`GPU ${gpu.index}: ${gpu.model.name} (UUID: ${gpu.uuid})`);
    for (const d of nodeMigDevices(gpu)) {
      lines.push(`  MIG ${d.name.padEnd(12)}Device ${String(d.index).padStart(2)}: (UUID: ${d.computeInstance.uuid})`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : 'No devices found.\n';
}
