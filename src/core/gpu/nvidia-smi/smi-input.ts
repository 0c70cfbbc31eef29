import type { NodeGpu } from '../node-gpu';

/**
 * What nvidia-smi reads from the driver besides the static GPU facts: live telemetry per GPU,
 * memory per MIG device, and the compute processes. The simulation (phase 2: DCGM and the
 * workloads) fills these in; the renderers only format them.
 */
export interface GpuTelemetry {
  readonly temperatureC: number;
  readonly powerW: number;
  /** GPU-Util in percent; nvidia-smi prints N/A when MIG is enabled. */
  readonly utilizationPercent: number;
  /** Framebuffer in use, MiB (on a MIG GPU: all its instances together). */
  readonly memoryUsedMiB: number;
  /** Performance state: P0 busy or ready, P8 idle. */
  readonly perfState: string;
  /** Volatile uncorrectable ECC errors since the last reset. */
  readonly eccErrors: number;
}

export interface SmiGpu {
  readonly gpu: NodeGpu;
  readonly telemetry: GpuTelemetry;
  readonly persistenceMode: boolean;
  /** Memory and BAR1 in use per MIG device UUID, MiB. */
  readonly migMemoryUsedMiB?: ReadonlyMap<string, { readonly memory: number; readonly bar1: number }>;
}

export interface SmiProcess {
  readonly gpuIndex: number;
  /** GPU and compute instance IDs when the process runs on a MIG device. */
  readonly gpuInstanceId?: number;
  readonly computeInstanceId?: number;
  readonly pid: number;
  /** C compute, G graphics, C+G both. */
  readonly type: 'C' | 'G' | 'C+G';
  readonly name: string;
  readonly memoryMiB: number;
}

export interface SmiInput {
  readonly driver: { readonly driver: string; readonly cuda: string };
  /** Unix seconds of the moment printed on the first line. */
  readonly time: number;
  readonly gpus: readonly SmiGpu[];
  readonly processes: readonly SmiProcess[];
}

/** Telemetry of an idle GPU: what a freshly booted node shows. */
export function idleTelemetry(gpu: NodeGpu): GpuTelemetry {
  return { temperatureC: 30, powerW: gpu.model.idlePowerW, utilizationPercent: 0, memoryUsedMiB: gpu.mig.enabled ? 0 : 1, perfState: 'P0', eccErrors: 0 };
}
