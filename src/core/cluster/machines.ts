import type { NodePoolSpec } from './cluster-spec';

/**
 * Machine types: the hardware a node pool runs on, as data. A pool names a machine type and may
 * override any field. CPU is in cores (hardware threads), memory in bytes-style quantities.
 */
export interface MachineType {
  readonly id: string;
  readonly description: string;
  readonly cpu: number;
  readonly memory: string;
  readonly ephemeralStorage: string;
  readonly gpus?: { readonly model: string; readonly count: number };
  /** The DMI product name GFD reports as `nvidia.com/gpu.machine`. */
  readonly product: string;
  readonly osImage: string;
  readonly kernelVersion: string;
}

const UBUNTU = { osImage: 'Ubuntu 22.04.5 LTS', kernelVersion: '5.15.0-144-generic' };
const DGX_OS = { osImage: 'Ubuntu 22.04.4 LTS', kernelVersion: '5.15.0-1063-nvidia' };

export const MACHINE_TYPES: readonly MachineType[] = [
  { id: 'control-plane', description: 'A small control-plane VM', cpu: 2, memory: '4Gi', ephemeralStorage: '50Gi', product: 'Standard-PC', ...UBUNTU },
  { id: 'cpu-small', description: 'A 4-core general-purpose VM', cpu: 4, memory: '8Gi', ephemeralStorage: '100Gi', product: 'Standard-PC', ...UBUNTU },
  { id: 'cpu-standard', description: 'A 16-core general-purpose server', cpu: 16, memory: '64Gi', ephemeralStorage: '200Gi', product: 'Standard-PC', ...UBUNTU },
  // NVIDIA DGX A100: 2 × AMD EPYC 7742 (128 cores, 256 threads), 1 TB, 8 × A100-SXM4-40GB.
  { id: 'dgx-a100', description: 'NVIDIA DGX A100', cpu: 256, memory: '1Ti', ephemeralStorage: '15Ti', gpus: { model: 'A100-SXM4-40GB', count: 8 }, product: 'NVIDIA-DGX-A100-920-23687-2530-000', ...DGX_OS },
  // NVIDIA DGX H100: 2 × Xeon Platinum 8480C (112 cores, 224 threads), 2 TB, 8 × H100 SXM5 80GB.
  { id: 'dgx-h100', description: 'NVIDIA DGX H100', cpu: 224, memory: '2Ti', ephemeralStorage: '30Ti', gpus: { model: 'H100-80GB-HBM3', count: 8 }, product: 'NVIDIA-DGX-H100', ...DGX_OS },
  // An HGX H200 8-GPU server: 2 × 56-core Xeon, 2 TB, 8 × H200 141 GB.
  { id: 'hgx-h200', description: 'HGX H200 8-GPU server', cpu: 224, memory: '2Ti', ephemeralStorage: '30Ti', gpus: { model: 'H200', count: 8 }, product: 'HGX-H200-8-GPU', ...UBUNTU },
  { id: 'hgx-a100-80gb-4', description: 'HGX A100 4-GPU server (80 GB)', cpu: 128, memory: '1Ti', ephemeralStorage: '8Ti', gpus: { model: 'A100-SXM4-80GB', count: 4 }, product: 'HGX-A100-4-GPU', ...UBUNTU },
  // An inference node with 4 × T4, sized like a g4dn.12xlarge.
  { id: 't4-inference', description: 'Inference node with 4 × T4', cpu: 48, memory: '192Gi', ephemeralStorage: '900Gi', gpus: { model: 'T4', count: 4 }, product: 'g4dn.12xlarge', ...UBUNTU },
  // An inference node with 1 × L4, sized like a g6.4xlarge.
  { id: 'l4-inference', description: 'Inference node with 1 × L4', cpu: 16, memory: '64Gi', ephemeralStorage: '600Gi', gpus: { model: 'L4', count: 1 }, product: 'g6.4xlarge', ...UBUNTU },
];

const BY_ID = new Map(MACHINE_TYPES.map((m) => [m.id, m]));

export function machineType(id: string): MachineType | undefined {
  return BY_ID.get(id);
}

/** Whether a pool's machines carry GPUs: the pool's own `gpus`, else its machine type's. */
export function poolHasGpus(pool: NodePoolSpec): boolean {
  return ((pool.gpus ?? machineType(pool.machine)?.gpus)?.count ?? 0) > 0;
}
