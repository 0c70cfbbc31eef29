/**
 * The GPU models the simulation knows, as data. Names are what `nvidia-smi` prints and what GPU
 * feature discovery writes to `nvidia.com/gpu.product` (spaces become dashes); memory is the
 * total framebuffer nvidia-smi reports, in MiB. Sources: NVIDIA product briefs and real
 * nvidia-smi / GFD outputs (see ../shared/reference/gpu.md).
 */
export type GpuFamily = 'turing' | 'volta' | 'ampere' | 'hopper' | 'ada-lovelace';

export interface GpuModel {
  /** Our id for the model, used in cluster definitions. */
  readonly id: string;
  /** The name nvidia-smi prints. */
  readonly name: string;
  /** The `nvidia.com/gpu.product` label GFD writes. */
  readonly product: string;
  readonly memoryMiB: number;
  readonly family: GpuFamily;
  readonly computeCapability: readonly [major: number, minor: number];
  readonly multiprocessors: number;
  /** Power limit in watts as nvidia-smi prints it in "Pwr:Usage/Cap" (H100 SXM: 699 W). */
  readonly maxPowerW: number;
  /** Idle draw in watts. */
  readonly idlePowerW: number;
  readonly migCapable: boolean;
  /** Maximum SM clock in MHz (nvidia-smi -q "Max Clocks"), what a busy GPU runs at; idle GPUs drop to 210 MHz. */
  readonly maxSmClockMHz: number;
  /**
   * PCI device id as mig-parted's `device-filter` names it (device id then vendor 10DE), e.g.
   * `0x20B010DE` for the A100-SXM4-40GB (NVIDIA/mig-parted deployments config-default.yaml).
   */
  readonly pciDeviceId: string;
}

const model = (m: GpuModel): GpuModel => m;

export const GPU_MODELS: readonly GpuModel[] = [
  model({ id: 'T4', name: 'Tesla T4', product: 'Tesla-T4', memoryMiB: 15360, family: 'turing', computeCapability: [7, 5], multiprocessors: 40, maxPowerW: 70, idlePowerW: 10, maxSmClockMHz: 1590, migCapable: false, pciDeviceId: '0x1EB810DE' }),
  model({ id: 'V100-SXM2-16GB', name: 'Tesla V100-SXM2-16GB', product: 'Tesla-V100-SXM2-16GB', memoryMiB: 16384, family: 'volta', computeCapability: [7, 0], multiprocessors: 80, maxPowerW: 300, idlePowerW: 40, maxSmClockMHz: 1530, migCapable: false, pciDeviceId: '0x1DB110DE' }),
  model({ id: 'V100-SXM2-32GB', name: 'Tesla V100-SXM2-32GB', product: 'Tesla-V100-SXM2-32GB', memoryMiB: 32768, family: 'volta', computeCapability: [7, 0], multiprocessors: 80, maxPowerW: 300, idlePowerW: 42, maxSmClockMHz: 1530, migCapable: false, pciDeviceId: '0x1DB510DE' }),
  model({ id: 'A10', name: 'NVIDIA A10', product: 'NVIDIA-A10', memoryMiB: 23028, family: 'ampere', computeCapability: [8, 6], multiprocessors: 72, maxPowerW: 150, idlePowerW: 18, maxSmClockMHz: 1695, migCapable: false, pciDeviceId: '0x223610DE' }),
  model({ id: 'A30', name: 'NVIDIA A30', product: 'NVIDIA-A30', memoryMiB: 24576, family: 'ampere', computeCapability: [8, 0], multiprocessors: 56, maxPowerW: 165, idlePowerW: 30, maxSmClockMHz: 1440, migCapable: true, pciDeviceId: '0x20B710DE' }),
  model({ id: 'A100-SXM4-40GB', name: 'NVIDIA A100-SXM4-40GB', product: 'NVIDIA-A100-SXM4-40GB', memoryMiB: 40960, family: 'ampere', computeCapability: [8, 0], multiprocessors: 108, maxPowerW: 400, idlePowerW: 52, maxSmClockMHz: 1410, migCapable: true, pciDeviceId: '0x20B010DE' }),
  model({ id: 'A100-PCIE-40GB', name: 'NVIDIA A100-PCIE-40GB', product: 'NVIDIA-A100-PCIE-40GB', memoryMiB: 40960, family: 'ampere', computeCapability: [8, 0], multiprocessors: 108, maxPowerW: 250, idlePowerW: 35, maxSmClockMHz: 1410, migCapable: true, pciDeviceId: '0x20F110DE' }),
  model({ id: 'A100-SXM4-80GB', name: 'NVIDIA A100-SXM4-80GB', product: 'NVIDIA-A100-SXM4-80GB', memoryMiB: 81920, family: 'ampere', computeCapability: [8, 0], multiprocessors: 108, maxPowerW: 400, idlePowerW: 60, maxSmClockMHz: 1410, migCapable: true, pciDeviceId: '0x20B210DE' }),
  model({ id: 'A100-80GB-PCIe', name: 'NVIDIA A100 80GB PCIe', product: 'NVIDIA-A100-80GB-PCIe', memoryMiB: 81920, family: 'ampere', computeCapability: [8, 0], multiprocessors: 108, maxPowerW: 300, idlePowerW: 45, maxSmClockMHz: 1410, migCapable: true, pciDeviceId: '0x20B510DE' }),
  model({ id: 'H100-80GB-HBM3', name: 'NVIDIA H100 80GB HBM3', product: 'NVIDIA-H100-80GB-HBM3', memoryMiB: 81559, family: 'hopper', computeCapability: [9, 0], multiprocessors: 132, maxPowerW: 699, idlePowerW: 70, maxSmClockMHz: 1980, migCapable: true, pciDeviceId: '0x233010DE' }),
  model({ id: 'H200', name: 'NVIDIA H200', product: 'NVIDIA-H200', memoryMiB: 143771, family: 'hopper', computeCapability: [9, 0], multiprocessors: 132, maxPowerW: 700, idlePowerW: 75, maxSmClockMHz: 1980, migCapable: true, pciDeviceId: '0x233510DE' }),
  model({ id: 'L4', name: 'NVIDIA L4', product: 'NVIDIA-L4', memoryMiB: 23034, family: 'ada-lovelace', computeCapability: [8, 9], multiprocessors: 58, maxPowerW: 72, idlePowerW: 16, maxSmClockMHz: 2040, migCapable: false, pciDeviceId: '0x27B810DE' }),
  model({ id: 'L40S', name: 'NVIDIA L40S', product: 'NVIDIA-L40S', memoryMiB: 46068, family: 'ada-lovelace', computeCapability: [8, 9], multiprocessors: 142, maxPowerW: 350, idlePowerW: 35, maxSmClockMHz: 2520, migCapable: false, pciDeviceId: '0x26B910DE' }),
];

const BY_ID = new Map(GPU_MODELS.map((m) => [m.id, m]));

export function gpuModel(id: string): GpuModel | undefined {
  return BY_ID.get(id);
}

