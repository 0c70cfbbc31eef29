import type { Node } from 'kubernetes-types/core/v1';
import { nodeMigDevices } from '../node-gpu';
import { MIG_CONFIG_LABEL, MIG_CONFIG_STATE_LABEL } from '../operator/operands';
import type { XidRecovery } from '../xids';
import type { GpuRuntime } from './gpu-runtime';

/**
 * A node's GPUs as a dashboard shows them, read from the live state without changing it: per GPU
 * its health, last Xid, sensors and MIG devices, and per device (whole GPU or MIG device) the
 * containers the kubelet's device manager gave it — so a view can link pods to GPUs and slices.
 * Plain data, safe to clone and send to the UI.
 */

/** `healthy`/`unhealthy` as the device plugin reports it; `lost` when it fell off the bus; `unadvertised` while no plugin serves it. */
export type GpuHealth = 'healthy' | 'unhealthy' | 'lost' | 'unadvertised';

/** A container holding a device: the allocation the device manager made at admission. */
export interface GpuDeviceUser {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  /** The extended resource it asked for (`nvidia.com/gpu`, `nvidia.com/mig-1g.5gb`, …). */
  readonly resource: string;
  /** The device ID allocated: the UUID, with `::<n>` for a time-sliced replica. */
  readonly deviceId: string;
}

export interface MigDeviceStatus {
  /** The `MIG-…` UUID (what NVIDIA_VISIBLE_DEVICES carries). */
  readonly uuid: string;
  /** `1g.5gb`, `1c.3g.20gb`, … */
  readonly profile: string;
  readonly gpuInstanceId: number;
  readonly computeInstanceId: number;
  /** Memory-slice placement of its GPU instance (nvidia-smi mig -lgi: start and size). */
  readonly placement: { readonly start: number; readonly size: number };
  readonly health: GpuHealth;
  readonly users: readonly GpuDeviceUser[];
}

export interface GpuStatus {
  readonly index: number;
  readonly uuid: string;
  readonly busId: string;
  readonly model: string;
  readonly memoryMiB: number;
  readonly health: GpuHealth;
  /** The last Xid since the GPU's last reset (DCGM_FI_DEV_XID_ERRORS), 0 for none. */
  readonly lastXid: number;
  /** What that Xid needs before the GPU is trusted again. */
  readonly recovery?: XidRecovery;
  readonly utilisation: number;
  readonly temperatureC: number;
  readonly powerW: number;
  readonly memoryUsedMiB: number;
  readonly migEnabled: boolean;
  readonly migDevices: readonly MigDeviceStatus[];
  /** Containers on the whole GPU (not on one of its MIG devices). */
  readonly users: readonly GpuDeviceUser[];
}

export interface NodeGpuStatus {
  readonly node: string;
  /** The resources a running device plugin serves, with time-slicing/MPS replicas per device. */
  readonly resources: readonly { readonly name: string; readonly capacity: number; readonly allocatable: number; readonly replicas: number }[];
  /** The MIG manager's label pair: the config asked for and how applying it went. */
  readonly migConfig?: string;
  readonly migConfigState?: string;
  readonly gpus: readonly GpuStatus[];
}

export function nodeGpuStatus(rt: GpuRuntime, nodeName: string): NodeGpuStatus | undefined {
  const node = rt.node(nodeName);
  if (!node) return undefined;
  const now = rt.ctx.clock.now();
  const hw = node.hardware;
  const occupants = rt.occupants(nodeName);
  const users = new Map<string, GpuDeviceUser[]>();
  for (const p of node.devices.podDevices()) {
    for (const c of p.containers) {
      for (const d of c.devices) {
        const list = users.get(d.uuid) ?? [];
        list.push({ namespace: p.namespace, pod: p.name, container: c.container, resource: c.resource, deviceId: d.id });
        users.set(d.uuid, list);
      }
    }
  }
  const health = (gpuIndex: number, uuid: string): GpuHealth => (hw.isLost(gpuIndex) ? 'lost' : (node.devices.deviceHealth(uuid, now) ?? 'unadvertised'));
  const labels = rt.ctx.store.get<Node>('Node', nodeName)?.metadata.labels ?? {};
  const gpus = hw.gpus.map((gpu): GpuStatus => {
    const lost = hw.isLost(gpu.index);
    const sensors = lost ? undefined : rt.readSensors(nodeName, gpu.index, occupants);
    const migDevices = nodeMigDevices(gpu).map((d): MigDeviceStatus => ({
      uuid: d.computeInstance.uuid,
      profile: d.name,
      gpuInstanceId: d.gpuInstance.id,
      computeInstanceId: d.computeInstance.id,
      placement: { start: d.gpuInstance.start, size: d.gpuInstanceProfile.memorySlices },
      health: health(gpu.index, d.computeInstance.uuid),
      users: users.get(d.computeInstance.uuid) ?? [],
    }));
    // The GPU's health is that of what the plugin serves for it: the whole GPU (MIG off, or the
    // `none` strategy, which lists MIG-enabled GPUs as whole nvidia.com/gpu devices), or else its
    // MIG devices (`single`/`mixed`), where the GPU is unhealthy if any of them is.
    const whole = lost ? undefined : node.devices.deviceHealth(gpu.uuid, now);
    const gpuHealth = lost ? 'lost' : (whole ?? (gpu.mig.enabled && migDevices.length ? worst(migDevices.map((d) => d.health)) : 'unadvertised'));
    const recovery = hw.pendingRecovery(gpu.index);
    return {
      index: gpu.index,
      uuid: gpu.uuid,
      busId: gpu.busId,
      model: gpu.model.name,
      memoryMiB: gpu.model.memoryMiB,
      health: gpuHealth,
      lastXid: hw.lastXidOf(gpu.index),
      ...(recovery ? { recovery } : {}),
      utilisation: sensors?.utilisation ?? 0,
      temperatureC: sensors ? Math.round(sensors.temperatureC) : 0,
      powerW: sensors ? Math.round(sensors.powerW) : 0,
      memoryUsedMiB: Math.min(gpu.model.memoryMiB, occupants.filter((o) => o.gpuIndex === gpu.index).reduce((n, o) => n + o.memoryMiB, 0)),
      migEnabled: gpu.mig.enabled,
      migDevices,
      users: users.get(gpu.uuid) ?? [],
    };
  });
  return {
    node: nodeName,
    resources: node.devices.servedResources(now),
    ...(labels[MIG_CONFIG_LABEL] !== undefined ? { migConfig: labels[MIG_CONFIG_LABEL] } : {}),
    ...(labels[MIG_CONFIG_STATE_LABEL] !== undefined ? { migConfigState: labels[MIG_CONFIG_STATE_LABEL] } : {}),
    gpus,
  };
}

const ORDER: readonly GpuHealth[] = ['lost', 'unhealthy', 'unadvertised', 'healthy'];

function worst(states: readonly GpuHealth[]): GpuHealth {
  return ORDER.find((h) => states.includes(h)) ?? 'healthy';
}
