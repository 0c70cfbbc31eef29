import type { GpuInstance } from '../mig-geometry';
import type { NodeGpu } from '../node-gpu';
import type { SmiGpu, SmiInput } from './smi-input';

/**
 * What nvidia-smi sees inside a container: only the devices in NVIDIA_VISIBLE_DEVICES (GPU or MIG
 * UUIDs), renumbered from 0 as CUDA enumerates them, and no processes — the container's PID
 * namespace hides the driver's process table (a well-known nvidia-docker behaviour).
 */
export function visibleGpus(gpus: readonly NodeGpu[], visible: readonly string[]): NodeGpu[] {
  const wanted = new Set(visible);
  const out: NodeGpu[] = [];
  for (const gpu of gpus) {
    if (wanted.has(gpu.uuid)) {
      out.push({ ...gpu, index: out.length });
      continue;
    }
    const gpuInstances = gpu.mig.gpuInstances
      .map((gi): GpuInstance => ({ ...gi, computeInstances: gi.computeInstances.filter((ci) => wanted.has(ci.uuid)) }))
      .filter((gi) => gi.computeInstances.length > 0);
    if (gpuInstances.length) out.push({ ...gpu, index: out.length, mig: { ...gpu.mig, gpuInstances } });
  }
  return out;
}

/** The nvidia-smi input of a container that was given `visible` devices. */
export function containerView(input: SmiInput, visible: readonly string[]): SmiInput {
  const byUuid = new Map(input.gpus.map((s) => [s.gpu.uuid, s]));
  const gpus: SmiGpu[] = visibleGpus(input.gpus.map((s) => s.gpu), visible).map((gpu) => ({ ...byUuid.get(gpu.uuid)!, gpu }));
  return { ...input, gpus, processes: [] };
}
