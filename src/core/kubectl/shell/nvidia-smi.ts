import { SIMULATION_EPOCH_MS } from '../../engine/time';
import { DEFAULT_DRIVER, type NodeGpu } from '../../gpu/node-gpu';
import { renderNvidiaSmi } from '../../gpu/nvidia-smi/smi-default';
import { idleTelemetry } from '../../gpu/nvidia-smi/smi-input';
import { renderGpuList } from '../../gpu/nvidia-smi/smi-list';
import { renderComputeInstances, renderGpuInstancePlacements, renderGpuInstances, renderGpuInstanceProfiles } from '../../gpu/nvidia-smi/smi-mig';

export interface ProgramOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** nvidia-smi's own listing renderers by `mig` option (short and long spellings). */
const MIG_LISTINGS: Readonly<Record<string, (gpus: readonly NodeGpu[]) => string>> = {
  '-lgip': renderGpuInstanceProfiles,
  '--list-gpu-instance-profiles': renderGpuInstanceProfiles,
  '-lgipp': renderGpuInstancePlacements,
  '--list-gpu-instance-possible-placements': renderGpuInstancePlacements,
  '-lgi': renderGpuInstances,
  '--list-gpu-instances': renderGpuInstances,
  '-lci': renderComputeInstances,
  '--list-compute-instances': renderComputeInstances,
};

/**
 * nvidia-smi on a node, through the GPU model's renderers (src/core/gpu/nvidia-smi): the default
 * screen, -L, and the MIG listings. Telemetry is the idle GPU's until DCGM-style metrics land.
 */
export function runNvidiaSmi(gpus: readonly NodeGpu[], args: readonly string[], nowMs: number): ProgramOutput {
  const out = (text: string): ProgramOutput => ({ stdout: text.replace(/\n$/, ''), stderr: '', exitCode: 0 });
  if (args.length === 0) {
    return out(
      renderNvidiaSmi({
        driver: DEFAULT_DRIVER,
        time: Math.floor((SIMULATION_EPOCH_MS + nowMs) / 1000),
        gpus: gpus.map((gpu) => ({ gpu, telemetry: idleTelemetry(gpu), persistenceMode: true })),
        processes: [],
      }),
    );
  }
  if (args.length === 1 && (args[0] === '-L' || args[0] === '--list-gpus')) return out(renderGpuList(gpus));
  if (args[0] === 'mig' && args.length === 2 && MIG_LISTINGS[args[1]!]) return out(MIG_LISTINGS[args[1]!]!(gpus));
  return { stdout: '', stderr: `nvidia-smi ${args.join(' ')} is not supported by Kubelab yet; try nvidia-smi, nvidia-smi -L or nvidia-smi mig -lgip|-lgipp|-lgi|-lci`, exitCode: 1 };
}
