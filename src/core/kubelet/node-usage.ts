import type { Machine } from '../cluster/hardware';
import type { MachineCondition } from '../cluster/machine-state';
import type { ResourceUse } from './process-runner';

/**
 * What a node uses besides its pods: the kernel, systemd, the kubelet and the container runtime
 * (a few hundred MiB and a little CPU), and its root filesystem (the OS, then images and logs).
 * With the pods' own use, this gives the signals the eviction manager compares with its
 * thresholds, and the node figures of `kubectl top node`.
 */
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export function systemMemoryBytes(machine: Machine): number {
  return 300 * MiB + Math.round(machine.memoryBytes * 0.01);
}

export function systemCpuMillis(machine: Machine): number {
  return 40 + 5 * machine.cpuCores;
}

/** The OS image and system files on the root filesystem. */
const SYSTEM_DISK_BYTES = 6 * GiB;

export interface NodeUse {
  readonly cpuMillis: number;
  readonly memoryWorkingSetBytes: number;
  readonly diskUsedBytes: number;
}

export function nodeUse(machine: Machine, condition: MachineCondition, pods: readonly ResourceUse[], imageBytes: number): NodeUse {
  let cpu = systemCpuMillis(machine);
  let memory = systemMemoryBytes(machine) + condition.externalMemoryBytes;
  for (const p of pods) {
    cpu += p.cpuMillis;
    memory += p.memoryBytes;
  }
  return { cpuMillis: cpu, memoryWorkingSetBytes: memory, diskUsedBytes: SYSTEM_DISK_BYTES + imageBytes + condition.externalDiskBytes };
}
