import type { NodeGpu } from '../node-gpu';
import { renderNvidiaSmi } from './smi-default';
import type { SmiInput } from './smi-input';
import { renderGpuList } from './smi-list';
import { renderComputeInstances, renderGpuInstancePlacements, renderGpuInstances, renderGpuInstanceProfiles } from './smi-mig';

/**
 * The `nvidia-smi` command line over a live reading: the default screen, `-L`, and the MIG
 * listings. A GPU that fell off the bus stops the whole command, as the real tool does when it
 * cannot get a device handle.
 */
export interface SmiOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

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

export function runSmiCommand(input: SmiInput, args: readonly string[], lost: readonly NodeGpu[] = []): SmiOutput {
  if (lost.length) {
    // nvidia-smi's return code 15: "GPU is lost".
    return { stdout: '', stderr: `Unable to determine the device handle for GPU${lost[0]!.busId}: Unknown Error`, exitCode: 15 };
  }
  const out = (text: string): SmiOutput => ({ stdout: text, stderr: '', exitCode: 0 });
  const gpus = input.gpus.map((g) => g.gpu);
  if (args.length === 0) return out(renderNvidiaSmi(input));
  if (args.length === 1 && (args[0] === '-L' || args[0] === '--list-gpus')) return out(renderGpuList(gpus));
  if (args[0] === 'mig' && args.length === 2 && MIG_LISTINGS[args[1]!]) return out(MIG_LISTINGS[args[1]!]!(gpus));
  return { stdout: '', stderr: `nvidia-smi ${args.join(' ')} is not supported by Kubelab yet; try nvidia-smi, nvidia-smi -L or nvidia-smi mig -lgip|-lgipp|-lgi|-lci`, exitCode: 1 };
}
