import type { MigDevice } from '../mig-geometry';
import { migGeometry } from '../mig-profiles';
import { nodeMigDevices, type NodeGpu } from '../node-gpu';
import { activeSharing, type DevicePluginConfig } from './config';

/**
 * What the NVIDIA device plugin advertises to the kubelet for a node, as a pure function of the
 * node's GPUs, its config and device health (NVIDIA/k8s-device-plugin internal/rm):
 * - strategy `none`: every GPU is `nvidia.com/gpu`, MIG or not; MIG devices are not listed;
 * - `single`: every MIG device is `nvidia.com/gpu`; all GPUs must have MIG enabled with one
 *   profile, else the plugin fails with the upstream error;
 * - `mixed`: MIG devices are `nvidia.com/mig-<profile>` (`+` becomes `.`); non-MIG GPUs stay
 *   `nvidia.com/gpu`;
 * - sharing (time-slicing or MPS) lists each device `replicas` times as `<id>::<n>`, renamed
 *   `<name>.shared` with `renameByDefault`.
 * Capacity counts every device; allocatable only the healthy ones.
 */
export interface AdvertisedDevice {
  /** The ID the kubelet allocates: a GPU or MIG UUID, with `::<n>` for a shared replica. */
  readonly id: string;
  readonly gpuIndex: number;
  /** The GPU or MIG device UUID behind the ID (what NVIDIA_VISIBLE_DEVICES carries). */
  readonly uuid: string;
  readonly migDevice?: MigDevice;
  readonly replica?: number;
  readonly healthy: boolean;
}

export interface AdvertisedResource {
  readonly name: string;
  readonly capacity: number;
  readonly allocatable: number;
  readonly devices: readonly AdvertisedDevice[];
  /** Replicas per device when shared, else 1. */
  readonly replicas: number;
}

export type ResourcesResult =
  | { readonly ok: true; readonly resources: readonly AdvertisedResource[] }
  | { readonly ok: false; readonly error: string; readonly log: string };

export const GPU_RESOURCE = 'nvidia.com/gpu';

/** `nvidia.com/mig-1g.5gb`, `nvidia.com/mig-1g.5gb.me`. */
export function migResourceName(migDeviceName: string): string {
  return `nvidia.com/mig-${migDeviceName.replace(/\+/g, '.')}`;
}

/** How main.go reports a device map failure before the plugin exits (and is restarted). */
function failure(error: string): ResourcesResult {
  return {
    ok: false,
    error,
    log: `error starting plugins: error getting plugins: failed to construct NVML resource managers: error building device map: error building device map from config.resources: ${error}`,
  };
}

interface Entry {
  readonly resource: string;
  readonly gpuIndex: number;
  readonly uuid: string;
  readonly migDevice?: MigDevice;
}


/** MIG devices are "the same type" under single when their profile (hence attributes) match. */
function deviceEntries(gpus: readonly NodeGpu[], config: DevicePluginConfig): { entries: Entry[] } | { error: string } {
  const entries: Entry[] = [];
  const strategy = config.migStrategy;
  let numGpus = 0;
  for (const gpu of gpus) {
    if (gpu.mig.enabled && strategy !== 'none') continue;
    entries.push({ resource: GPU_RESOURCE, gpuIndex: gpu.index, uuid: gpu.uuid });
    numGpus++;
  }
  if (strategy === 'none') return { entries };
  let numMigs = 0;
  for (const gpu of gpus) {
    for (const d of nodeMigDevices(gpu)) {
      entries.push({ resource: strategy === 'single' ? GPU_RESOURCE : migResourceName(d.name), gpuIndex: gpu.index, uuid: d.computeInstance.uuid, migDevice: d });
      numMigs++;
    }
  }
  const empty = gpus.find((g) => g.mig.enabled && nodeMigDevices(g).length === 0);
  if (empty) return { error: `invalid MIG configuration: At least one device with migEnabled=true was not configured correctly: device ${empty.index} has an invalid MIG configuration` };
  if (strategy === 'single') {
    const types = new Set(gpus.flatMap((g) => nodeMigDevices(g).map((d) => `${migGeometry(g.model.id)!.modelIds[0]}/${d.name}`)));
    if (types.size > 1) return { error: 'invalid MIG configuration: more than one MIG device type present on node' };
    if (numGpus > 0 && numMigs > 0) return { error: 'all devices on the node must be configured with the same migEnabled value' };
  }
  return { entries };
}

/**
 * The resources the plugin registers. `unhealthy` holds device UUIDs (GPU or MIG) marked
 * Unhealthy by critical Xids; their replicas are unhealthy too.
 */
export function advertisedResources(gpus: readonly NodeGpu[], config: DevicePluginConfig, unhealthy: ReadonlySet<string> = new Set()): ResourcesResult {
  const built = deviceEntries(gpus, config);
  if ('error' in built) return failure(built.error);
  const sharing = activeSharing(config);
  if (sharing && config.mps === sharing && built.entries.some((e) => e.migDevice)) return failure('MPS sharing is not supported for mig devices');
  const byName = new Map<string, AdvertisedDevice[]>();
  const replicasOf = new Map<string, number>();
  for (const e of built.entries) {
    const shared = sharing?.resources.find((r) => r.name === e.resource);
    const replicas = shared?.replicas ?? 1;
    const name = shared && replicas > 1 && sharing!.renameByDefault ? `${e.resource}.shared` : e.resource;
    replicasOf.set(name, replicas);
    const healthy = !unhealthy.has(e.uuid) && !unhealthy.has(gpus.find((g) => g.index === e.gpuIndex)!.uuid);
    const base = { gpuIndex: e.gpuIndex, uuid: e.uuid, healthy, ...(e.migDevice ? { migDevice: e.migDevice } : {}) };
    const list = byName.get(name) ?? [];
    if (replicas > 1) for (let n = 0; n < replicas; n++) list.push({ ...base, id: `${e.uuid}::${n}`, replica: n });
    else list.push({ ...base, id: e.uuid });
    byName.set(name, list);
  }
  const resources = [...byName.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, devices]) => ({ name, devices, capacity: devices.length, allocatable: devices.filter((d) => d.healthy).length, replicas: replicasOf.get(name) ?? 1 }));
  return { ok: true, resources };
}

/**
 * The plugin's Allocate check for shared resources with `failRequestsGreaterThanOne`: the error
 * text it returns, or undefined when the request is fine.
 */
export function sharedRequestError(config: DevicePluginConfig, resource: AdvertisedResource, requested: number): string | undefined {
  const sharing = activeSharing(config);
  if (!sharing?.failRequestsGreaterThanOne || resource.replicas <= 1 || requested <= 1) return undefined;
  return `request for '${resource.name}: ${requested}' too large: maximum request size for shared resources is 1`;
}

/** A device plugin's Allocate error as the kubelet's gRPC client reports it. */
export function pluginRpcError(pluginError: string): string {
  return `rpc error: code = Unknown desc = ${pluginError}`;
}

/**
 * The container environment Allocate returns: NVIDIA_VISIBLE_DEVICES lists the UUIDs behind the
 * allocated IDs (replicas of one GPU collapse to it), in allocation order.
 */
export function visibleDevicesEnv(devices: readonly AdvertisedDevice[]): { NVIDIA_VISIBLE_DEVICES: string } {
  return { NVIDIA_VISIBLE_DEVICES: [...new Set(devices.map((d) => d.uuid))].join(',') };
}
