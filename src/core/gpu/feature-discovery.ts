import type { GpuFamily, GpuModel } from './catalogue';
import { activeSharing, sharingStrategy, type DevicePluginConfig, type ReplicatedResources } from './device-plugin/config';
import { GPU_RESOURCE, migResourceName } from './device-plugin/resources';
import type { MigDevice } from './mig-geometry';
import { profileMemoryMiB } from './mig-profiles';
import { nodeMigDevices, type DriverVersions, type NodeGpu } from './node-gpu';

/**
 * The node labels GPU feature discovery writes, as a pure function of the node's GPUs, the
 * device plugin config it shares, the driver and the machine (NVIDIA/k8s-device-plugin
 * internal/lm: nvml.go, resource.go, mig-strategy.go, machine-type.go, timestamp.go).
 */
export type Labels = Record<string, string>;

export interface FeatureDiscoveryInput {
  readonly gpus: readonly NodeGpu[];
  readonly config: DevicePluginConfig;
  readonly driver: DriverVersions;
  /** The DMI product name (machines.ts `product`); spaces become dashes. */
  readonly machine: string;
  /** Unix seconds for `nvidia.com/gfd.timestamp`; omitted as with `--no-timestamp`. */
  readonly timestamp?: number;
}

export type LabelsResult = { readonly ok: true; readonly labels: Labels } | { readonly ok: false; readonly error: string };

/** The label the GPU Operator puts on every node with an NVIDIA GPU (not GFD's, but read alongside). */
export const GPU_PRESENT_LABEL = 'nvidia.com/gpu.present';

/** GFD's architecture family from the compute capability (getArchFamily). */
export function familyOf(major: number, minor: number): GpuFamily | 'undefined' {
  if (major === 7) return minor < 5 ? 'volta' : 'turing';
  if (major === 8) return minor < 9 ? 'ampere' : 'ada-lovelace';
  if (major === 9) return 'hopper';
  return 'undefined';
}

/** GFD's sanitise(): drop characters outside [A-Za-z0-9-_. ] and join words with dashes. */
export function sanitise(text: string): string {
  return text.replace(/[^A-Za-z0-9\-_. ]/g, '').split(/\s+/).filter(Boolean).join('-');
}

/** One resource's labels: `<resource>.product`, `.count`, `.replicas`, `.sharing-strategy`. */
function baseLabels(resource: string, count: number, sharing: ReplicatedResources | undefined, strategy: string, parts: readonly string[]): Labels {
  const replicated = sharing?.resources.find((r) => r.name === resource);
  const replicas = sharing === undefined ? 0 : replicated && replicated.replicas > 0 ? replicated.replicas : 1;
  const shared = replicas > 1;
  const renamed = shared && sharing!.renameByDefault;
  const product = [...parts.map(sanitise), ...(shared && !renamed ? ['SHARED'] : [])].join('-');
  return {
    [`${resource}.product`]: product,
    [`${resource}.count`]: String(count),
    [`${resource}.replicas`]: String(replicas),
    [`${resource}.sharing-strategy`]: shared ? strategy : 'none',
  };
}

const NO_SHARING: ReplicatedResources = { renameByDefault: false, failRequestsGreaterThanOne: false, resources: [] };

function fullGpuLabels(model: GpuModel, count: number, sharing: ReplicatedResources | undefined, strategy: string): Labels {
  const [major, minor] = model.computeCapability;
  return {
    ...baseLabels(GPU_RESOURCE, count, sharing, strategy, [model.name]),
    [`${GPU_RESOURCE}.memory`]: String(model.memoryMiB),
    [`${GPU_RESOURCE}.family`]: familyOf(major, minor),
    [`${GPU_RESOURCE}.compute.major`]: String(major),
    [`${GPU_RESOURCE}.compute.minor`]: String(minor),
  };
}

function migLabels(resource: string, model: GpuModel, device: MigDevice, count: number, sharing: ReplicatedResources | undefined, strategy: string): Labels {
  const p = device.gpuInstanceProfile;
  const full = device.computeInstance.computeSlices === p.computeSlices;
  return {
    ...baseLabels(resource, count, sharing, strategy, [model.name, 'MIG', device.name.replace(/\+/g, '.')]),
    [`${resource}.memory`]: String(profileMemoryMiB(p)),
    [`${resource}.multiprocessors`]: String(device.multiprocessors),
    [`${resource}.slices.gi`]: String(p.computeSlices),
    [`${resource}.slices.ci`]: String(full ? p.computeSlices : device.computeInstance.computeSlices),
    [`${resource}.engines.copy`]: String(p.engines.copy),
    [`${resource}.engines.decoder`]: String(p.engines.decoder),
    [`${resource}.engines.encoder`]: String(p.engines.encoder),
    [`${resource}.engines.jpeg`]: String(p.engines.jpeg),
    [`${resource}.engines.ofa`]: String(p.engines.ofa),
  };
}


/**
 * Full-GPU labels: MIG-enabled GPUs are labelled without sharing, then the others with it, the
 * latter overriding (newGPULabelers).
 */
function gpuLabels(gpus: readonly NodeGpu[], sharing: ReplicatedResources, strategy: string): Labels {
  const countBy = (list: readonly NodeGpu[]) => {
    const m = new Map<string, { model: GpuModel; count: number }>();
    for (const g of list) m.set(g.model.name, { model: g.model, count: (m.get(g.model.name)?.count ?? 0) + 1 });
    return m;
  };
  const all = countBy(gpus);
  const migEnabled = gpus.filter((g) => g.mig.enabled);
  const fullGpus = gpus.filter((g) => !g.mig.enabled);
  let labels: Labels = {};
  for (const { model } of countBy(migEnabled).values()) labels = { ...labels, ...fullGpuLabels(model, all.get(model.name)!.count, undefined, strategy) };
  for (const { model } of countBy(fullGpus).values()) labels = { ...labels, ...fullGpuLabels(model, all.get(model.name)!.count, sharing, strategy) };
  return labels;
}

function invalidSingleLabels(model: GpuModel): Labels {
  return {
    [`${GPU_RESOURCE}.product`]: [sanitise(model.name), 'MIG', 'INVALID'].join('-'),
    [`${GPU_RESOURCE}.count`]: '0',
    [`${GPU_RESOURCE}.replicas`]: '0',
    [`${GPU_RESOURCE}.memory`]: '0',
  };
}

/** Labels per MIG resource: one resource (`nvidia.com/gpu`) under single, one per profile under mixed. */
function migResourceLabels(gpus: readonly NodeGpu[], config: DevicePluginConfig, sharing: ReplicatedResources, strategy: string): Labels {
  const groups = new Map<string, { model: GpuModel; device: MigDevice; count: number }>();
  for (const gpu of gpus) {
    for (const d of nodeMigDevices(gpu)) {
      const g = groups.get(d.name);
      groups.set(d.name, { model: g?.model ?? gpu.model, device: g?.device ?? d, count: (g?.count ?? 0) + 1 });
    }
  }
  if (config.migStrategy === 'single') {
    const enabled = gpus.filter((g) => g.mig.enabled);
    if (!enabled.length) return {};
    const first = enabled[0]!.model;
    if (enabled.some((g) => nodeMigDevices(g).length === 0) || enabled.length !== gpus.length || groups.size !== 1) return invalidSingleLabels(first);
    const [only] = groups.values();
    return migLabels(GPU_RESOURCE, only!.model, only!.device, only!.count, sharing, strategy);
  }
  let labels: Labels = {};
  for (const [name, g] of groups) labels = { ...labels, ...migLabels(migResourceName(name), g.model, g.device, g.count, sharing, strategy) };
  return labels;
}

function versionLabels(driver: DriverVersions): Labels {
  const [major = '', minor = '', rev = ''] = driver.driver.split('.');
  const [cudaMajor = '', cudaMinor = ''] = driver.cuda.split('.');
  return {
    'nvidia.com/cuda.driver.major': major,
    'nvidia.com/cuda.driver.minor': minor,
    'nvidia.com/cuda.driver.rev': rev,
    'nvidia.com/cuda.runtime.major': cudaMajor,
    'nvidia.com/cuda.runtime.minor': cudaMinor,
    'nvidia.com/cuda.driver-version.major': major,
    'nvidia.com/cuda.driver-version.minor': minor,
    'nvidia.com/cuda.driver-version.revision': rev,
    'nvidia.com/cuda.driver-version.full': driver.driver,
    'nvidia.com/cuda.runtime-version.major': cudaMajor,
    'nvidia.com/cuda.runtime-version.minor': cudaMinor,
    'nvidia.com/cuda.runtime-version.full': `${cudaMajor}.${cudaMinor}`,
  };
}

/** All GFD labels for a node; no labels at all on a node without GPUs. */
export function featureDiscoveryLabels(input: FeatureDiscoveryInput): LabelsResult {
  const { gpus, config } = input;
  if (gpus.length === 0) return { ok: true, labels: {} };
  const strategy = sharingStrategy(config);
  if (strategy === 'mps' && gpus.some((g) => g.mig.enabled)) return { ok: false, error: 'error creating sharing labeler: failed to check MPS-capable: MPS sharing is not supported for mig devices' };
  // A config without sharing still "has sharing": replicas label 1, not 0 (resource.go).
  const sharing = activeSharing(config) ?? NO_SHARING;
  const labels: Labels = {
    'nvidia.com/gpu.machine': input.machine.trim().replace(/ /g, '-'),
    ...versionLabels(input.driver),
    'nvidia.com/mig.capable': String(gpus.some((g) => g.model.migCapable)),
    'nvidia.com/mps.capable': String(strategy === 'mps'),
    ...gpuLabels(gpus, sharing, strategy),
    ...(config.migStrategy === 'none' ? {} : { 'nvidia.com/mig.strategy': config.migStrategy, ...migResourceLabels(gpus, config, sharing, strategy) }),
    // Data-center GPUs are PCI class 0x0302 (3D controller), which GFD calls "compute".
    'nvidia.com/gpu.mode': 'compute',
    ...(input.timestamp === undefined ? {} : { 'nvidia.com/gfd.timestamp': String(Math.floor(input.timestamp)) }),
  };
  return { ok: true, labels };
}
