import { SIMULATION_EPOCH_MS } from '../../engine/time';
import type { Process, ProcessEnv } from '../../kubelet/workloads/process';
import { runSmiCommand } from '../nvidia-smi/command';
import { containerView } from '../nvidia-smi/smi-container';
import { nodeSmiInput } from '../runtime/smi-state';
import type { GpuRuntime } from '../runtime/gpu-runtime';
import { exit, program, step } from './program';

/**
 * nvidia-smi inside a container: the NVIDIA container toolkit mounts it into containers that were
 * given GPUs (NVIDIA_VISIBLE_DEVICES), and it sees only those devices, renumbered from 0, and no
 * processes (containerView). Containers without devices do not have it.
 */
export function containerSmi(rt: GpuRuntime, nodeName: string, visible: readonly string[], args: readonly string[]) {
  const input = nodeSmiInput(rt, nodeName, Math.floor((SIMULATION_EPOCH_MS + rt.ctx.clock.now()) / 1000));
  if (!input) return undefined;
  const view = containerView(input, visible);
  const hw = rt.node(nodeName)!.hardware;
  const lost = hw.gpus.filter((g) => hw.isLost(g.index) && visible.includes(g.uuid));
  return runSmiCommand(view, args, lost);
}

export function nvidiaSmiProgram(rt: GpuRuntime, env: ProcessEnv): Process | undefined {
  const visible = env.env.NVIDIA_VISIBLE_DEVICES;
  if (!visible) return undefined;
  const result = containerSmi(rt, env.nodeName, visible.split(','), env.argv.slice(1));
  if (!result) return undefined;
  const lines = [
    ...(result.stdout ? [{ stream: 'stdout' as const, text: result.stdout.replace(/\n$/, '') }] : []),
    ...(result.stderr ? [{ stream: 'stderr' as const, text: result.stderr }] : []),
  ];
  return program('nvidia-smi', [step(20, ...lines), exit(result.exitCode)][Symbol.iterator](), () => undefined);
}
