import type { Process, ProcessEnv } from '../../kubelet/workloads/process';
import { runNodeSmi } from '../runtime/smi-state';
import type { GpuRuntime } from '../runtime/gpu-runtime';
import { exit, program, step } from './program';

/**
 * nvidia-smi inside a container: the NVIDIA container toolkit mounts it into containers that were
 * given GPUs (NVIDIA_VISIBLE_DEVICES), and it sees only those devices, renumbered from 0, and no
 * processes (containerView). Containers without devices do not have it.
 */
export function nvidiaSmiProgram(rt: GpuRuntime, env: ProcessEnv): Process | undefined {
  const visible = env.env.NVIDIA_VISIBLE_DEVICES;
  if (!visible) return undefined;
  const result = runNodeSmi(rt, env.nodeName, env.argv.slice(1), visible.split(','));
  if (!result) return undefined;
  const lines = [
    ...(result.stdout ? [{ stream: 'stdout' as const, text: result.stdout.replace(/\n$/, '') }] : []),
    ...(result.stderr ? [{ stream: 'stderr' as const, text: result.stderr }] : []),
  ];
  return program('nvidia-smi', [step(20, ...lines), exit(result.exitCode)][Symbol.iterator](), () => undefined);
}
