import { nodeMigDevices, type NodeGpu } from './node-gpu';

/**
 * Xid errors as data: what the driver logs (`NVRM: Xid (PCI:0000:07:00): 79, …`), whether the
 * device plugin marks the device Unhealthy, and what it takes to recover.
 *
 * The device plugin ignores the application Xids 13, 31, 43, 45, 68 and 109 (internal/rm/health.go)
 * and marks the device Unhealthy for every other Xid. Names and recoveries follow NVIDIA's Xid
 * catalogue (docs.nvidia.com/deploy/xid-errors).
 */
export type XidRecovery =
  /** Nothing to do for the GPU: the failing application restarts. */
  | 'restart-application'
  /** `nvidia-smi -r` (or a drain and a GPU reset by the operator). */
  | 'gpu-reset'
  /** The GPU is gone from the bus or its firmware is wedged: reboot the node. */
  | 'node-reboot';

export interface Xid {
  readonly code: number;
  readonly name: string;
  /** Caused by an application; the device plugin ignores it and the GPU stays Healthy. */
  readonly application: boolean;
  readonly recovery: XidRecovery;
  /**
   * Which CUDA processes on the GPU die of it: `one` (the application that caused or touched the
   * error), `all` (every context on the GPU is torn down) or `none` (a recorded event only).
   * Where the Xid catalogue says so: 94 is contained to the application that touched the memory,
   * 95 affects every application on the GPU, 79 leaves no GPU to run on, 45 is logged while the
   * driver tears down a process already ending, 63/64/92 are bookkeeping events. `all` for 48, 74,
   * 119 and 120 is Kubelab's conservative reading: the catalogue says the GPU needs a reset, not
   * which contexts survive (docs/fidelity.md).
   */
  readonly kills: 'none' | 'one' | 'all';
  /** A sentence for the learner: what happened. */
  readonly meaning: string;
}

export const XIDS: readonly Xid[] = [
  { code: 13, name: 'Graphics Engine Exception', application: true, recovery: 'restart-application', kills: 'one', meaning: 'the application hit an illegal instruction or out-of-range address on the GPU' },
  { code: 31, name: 'GPU memory page fault', application: true, recovery: 'restart-application', kills: 'one', meaning: 'the application accessed GPU memory it does not own' },
  { code: 43, name: 'GPU stopped processing', application: true, recovery: 'restart-application', kills: 'one', meaning: 'the driver stopped a channel after an application fault' },
  { code: 45, name: 'Preemptive cleanup, due to previous errors', application: true, recovery: 'restart-application', kills: 'none', meaning: 'the driver cleaned up a channel after an earlier error or a killed process' },
  { code: 48, name: 'Double Bit ECC Error', application: false, recovery: 'gpu-reset', kills: 'all', meaning: 'an uncorrectable double-bit ECC error in GPU memory; the page is retired at the next reset' },
  { code: 63, name: 'ECC page retirement or row remapping recording event', application: false, recovery: 'gpu-reset', kills: 'none', meaning: 'a faulty memory row was recorded for remapping, which takes effect after a GPU reset' },
  { code: 64, name: 'ECC page retirement or row remapper recording failure', application: false, recovery: 'gpu-reset', kills: 'none', meaning: 'recording a row remap failed; reset the GPU, and replace it if this repeats' },
  { code: 68, name: 'NVDEC0 Exception', application: true, recovery: 'restart-application', kills: 'one', meaning: 'the video decoder hit an error in the application’s stream' },
  { code: 74, name: 'NVLINK Error', application: false, recovery: 'gpu-reset', kills: 'all', meaning: 'an NVLink connection to another GPU or NVSwitch failed' },
  { code: 79, name: 'GPU has fallen off the bus', application: false, recovery: 'node-reboot', kills: 'all', meaning: 'the GPU no longer answers on PCIe; only a reboot (or a hardware fix) brings it back' },
  { code: 92, name: 'High single-bit ECC error rate', application: false, recovery: 'gpu-reset', kills: 'none', meaning: 'correctable ECC errors arrive faster than expected' },
  { code: 94, name: 'Contained ECC error', application: false, recovery: 'restart-application', kills: 'one', meaning: 'an uncorrectable ECC error was contained to the application that touched it; others keep running' },
  { code: 95, name: 'Uncontained ECC error', application: false, recovery: 'gpu-reset', kills: 'all', meaning: 'an uncorrectable ECC error could not be contained; every application on the GPU is affected' },
  { code: 109, name: 'Context Switch Timeout Error', application: true, recovery: 'restart-application', kills: 'one', meaning: 'an application’s work could not be switched out in time' },
  { code: 119, name: 'GSP RPC Timeout', application: false, recovery: 'node-reboot', kills: 'all', meaning: 'the GPU System Processor stopped answering the driver' },
  { code: 120, name: 'GSP Error', application: false, recovery: 'gpu-reset', kills: 'all', meaning: 'the GPU System Processor reported an error' },
];

const BY_CODE = new Map(XIDS.map((x) => [x.code, x]));

export function xid(code: number): Xid | undefined {
  return BY_CODE.get(code);
}

/** Whether the device plugin marks the device Unhealthy for this Xid (any Xid not ignored). */
export function isCritical(code: number): boolean {
  return !(BY_CODE.get(code)?.application ?? false);
}

/** The driver's kernel log line for an Xid on a GPU (dmesg). */
export function xidLogLine(gpu: NodeGpu, code: number, pid?: number, processName?: string): string {
  const [, bus = '00', dev = '00'] = /^[0-9A-F]+:([0-9A-F]{2}):([0-9A-F]{2})/i.exec(gpu.busId) ?? [];
  const who = pid === undefined ? '' : `pid=${pid}, name=${processName ?? 'unknown'}, `;
  return `NVRM: Xid (PCI:0000:${bus}:${dev}): ${code}, ${who}${xid(code)?.name ?? 'Unknown Error'}`;
}

/**
 * The device IDs the device plugin marks Unhealthy for an Xid on `gpu`: none for application
 * Xids; the MIG device whose GPU and compute instance match when the Xid names them; otherwise
 * the GPU, or every MIG device on it. NVIDIA/k8s-device-plugin internal/rm/health.go matches the
 * event's GpuInstanceId/ComputeInstanceId (0xFFFFFFFF: the whole GPU) against the device, but
 * keys its map by parent GPU, so upstream reaches only one MIG device per GPU; Kubelab marks
 * what the event names (docs/fidelity.md, Health).
 */
export function devicesMadeUnhealthy(gpu: NodeGpu, code: number, instance?: { gi: number; ci: number }): string[] {
  if (!isCritical(code)) return [];
  const migs = nodeMigDevices(gpu);
  if (!migs.length) return [gpu.uuid];
  const hit = instance ? migs.filter((d) => d.gpuInstance.id === instance.gi && d.computeInstance.id === instance.ci) : migs;
  return hit.map((d) => d.computeInstance.uuid);
}
