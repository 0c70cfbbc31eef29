import type { Rng } from '../engine/rng';
import { gpuModel, type GpuModel } from '../gpu/catalogue';
import { nodeNamesOf, type ClusterSpec, type ContainerRuntime, type NodePoolSpec } from './cluster-spec';
import { machineType, type MachineType } from './machines';
import { quantityValue } from '../api/quantity';

/**
 * The physical world under the API: machines with their CPUs, memory and GPUs, and whether
 * they are powered and reachable. Nothing here is an API object; the kubelet and the NVIDIA
 * components read it and report what they see through the API.
 */
export interface GpuDevice {
  readonly index: number;
  readonly model: GpuModel;
  /** `GPU-xxxxxxxx-xxxx-…`, as nvidia-smi -L prints it. */
  readonly uuid: string;
  /** PCI bus id, e.g. 00000000:07:00.0. */
  readonly busId: string;
}

export interface Machine {
  readonly nodeName: string;
  readonly pool: NodePoolSpec;
  readonly type: MachineType;
  readonly cpuCores: number;
  readonly memoryBytes: number;
  readonly ephemeralStorageBytes: number;
  readonly runtime: ContainerRuntime;
  readonly internalIP: string;
  readonly podCIDR: string;
  readonly gpus: readonly GpuDevice[];
  readonly machineID: string;
  readonly systemUUID: string;
  readonly bootID: string;
}

/** PCI bus ids of the 8 GPU slots in an HGX baseboard, in index order. */
const HGX_BUS_IDS = ['07', '0F', '47', '4E', '87', '90', 'B7', 'BD'];

/**
 * Pod CIDRs as kubeadm with flannel hands them out: /24 blocks of 10.244.0.0/16, which holds 256
 * nodes; larger clusters use 10.128.0.0/9.
 */
function podCIDR(index: number, total: number): string {
  if (total <= 256) return `10.244.${index}.0/24`;
  return `10.${128 + Math.floor(index / 256)}.${index % 256}.0/24`;
}

export function buildMachines(spec: ClusterSpec, rng: Rng): Machine[] {
  const machines: Machine[] = [];
  const total = spec.pools.reduce((n, p) => n + p.count, 0);
  let index = 0;
  for (const pool of spec.pools) {
    const type = machineType(pool.machine)!;
    const gpuSpec = pool.gpus ?? type.gpus;
    for (const nodeName of nodeNamesOf(pool)) {
      const model = gpuSpec ? gpuModel(gpuSpec.model) : undefined;
      const gpus: GpuDevice[] = model
        ? Array.from({ length: gpuSpec!.count }, (_, i) => ({
            index: i,
            model,
            uuid: `GPU-${rng.uuid()}`,
            busId: `00000000:${HGX_BUS_IDS[i] ?? (0x10 + i).toString(16).toUpperCase()}:00.0`,
          }))
        : [];
      const hex = () => rng.uuid().replace(/-/g, '');
      machines.push({
        nodeName,
        pool,
        type,
        cpuCores: pool.cpu ?? type.cpu,
        memoryBytes: quantityValue(pool.memory ?? type.memory),
        ephemeralStorageBytes: quantityValue(type.ephemeralStorage),
        runtime: pool.runtime ?? 'containerd',
        internalIP: `172.18.${Math.floor(index / 250)}.${(index % 250) + 2}`,
        podCIDR: podCIDR(index, total),
        gpus,
        machineID: hex(),
        systemUUID: rng.uuid(),
        bootID: rng.uuid(),
      });
      index++;
    }
  }
  return machines;
}
