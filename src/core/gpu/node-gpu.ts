import type { GpuModel } from './catalogue';
import { migDevices, type MigDevice, type MigState } from './mig-geometry';
import { migGeometry } from './mig-profiles';

/**
 * One GPU on a node as the NVIDIA software sees it: the hardware identity (the same fields as
 * cluster/hardware.ts's GpuDevice), its MIG state, and the device IDs the device plugin has marked
 * unhealthy after a critical Xid (the GPU UUID, or MIG device UUIDs on a MIG GPU).
 */
export interface NodeGpu {
  readonly index: number;
  readonly model: GpuModel;
  /** `GPU-xxxxxxxx-…`. */
  readonly uuid: string;
  /** PCI bus id, e.g. 00000000:07:00.0. */
  readonly busId: string;
  readonly mig: MigState;
}

/** The MIG devices a GPU exposes: none unless it is MIG-capable and in MIG mode. */
export function nodeMigDevices(gpu: NodeGpu): MigDevice[] {
  const geometry = migGeometry(gpu.model.id);
  return geometry && gpu.mig.enabled ? migDevices(geometry, gpu.mig) : [];
}

/** The driver and CUDA versions installed on a node (the GPU Operator's default driver branch). */
export interface DriverVersions {
  /** `550.54.15`. */
  readonly driver: string;
  /** The highest CUDA version the driver supports, `12.4`. */
  readonly cuda: string;
}

/** Driver 550.54.15 with CUDA 12.4, as in the reference's GFD labels and real nvidia-smi outputs. */
export const DEFAULT_DRIVER: DriverVersions = { driver: '550.54.15', cuda: '12.4' };
