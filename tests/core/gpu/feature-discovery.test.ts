import { describe, expect, it } from 'vitest';
import { GPU_MODELS } from '../../../src/core/gpu/catalogue';
import { parseDevicePluginConfig, type DevicePluginConfig } from '../../../src/core/gpu/device-plugin/config';
import { familyOf, featureDiscoveryLabels, sanitise, type Labels } from '../../../src/core/gpu/feature-discovery';
import { DEFAULT_DRIVER, type NodeGpu } from '../../../src/core/gpu/node-gpu';
import { dgxA100, nodeGpus } from './dgx-a100';

function config(yaml: string): DevicePluginConfig {
  const r = parseDevicePluginConfig(yaml);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function labels(gpus: readonly NodeGpu[], c: DevicePluginConfig, machine = 'NVIDIA-DGX-A100-920-23687-2530-000'): Labels {
  const r = featureDiscoveryLabels({ gpus, config: c, driver: DEFAULT_DRIVER, machine });
  if (!r.ok) throw new Error(r.error);
  return r.labels;
}

const pick = (l: Labels, prefix: string) => Object.fromEntries(Object.entries(l).filter(([k]) => k.startsWith(prefix)));

const COMMON = {
  'nvidia.com/gpu.machine': 'NVIDIA-DGX-A100-920-23687-2530-000',
  'nvidia.com/cuda.driver.major': '550',
  'nvidia.com/cuda.driver.minor': '54',
  'nvidia.com/cuda.driver.rev': '15',
  'nvidia.com/cuda.runtime.major': '12',
  'nvidia.com/cuda.runtime.minor': '4',
  'nvidia.com/cuda.driver-version.major': '550',
  'nvidia.com/cuda.driver-version.minor': '54',
  'nvidia.com/cuda.driver-version.revision': '15',
  'nvidia.com/cuda.driver-version.full': '550.54.15',
  'nvidia.com/cuda.runtime-version.major': '12',
  'nvidia.com/cuda.runtime-version.minor': '4',
  'nvidia.com/cuda.runtime-version.full': '12.4',
  'nvidia.com/mig.capable': 'true',
  'nvidia.com/mps.capable': 'false',
  'nvidia.com/gpu.mode': 'compute',
};

const FULL_A100 = {
  'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB',
  'nvidia.com/gpu.count': '8',
  'nvidia.com/gpu.replicas': '1',
  'nvidia.com/gpu.sharing-strategy': 'none',
  'nvidia.com/gpu.memory': '40960',
  'nvidia.com/gpu.family': 'ampere',
  'nvidia.com/gpu.compute.major': '8',
  'nvidia.com/gpu.compute.minor': '0',
};

describe('GPU feature discovery labels on a DGX A100', () => {
  it('strategy none with MIG off labels 8 whole A100s and no mig.strategy', () => {
    expect(labels(dgxA100(), config('version: v1'))).toEqual({ ...COMMON, ...FULL_A100 });
  });

  it('strategy single with all-1g.5gb labels 56 MIG devices as nvidia.com/gpu', () => {
    expect(labels(dgxA100('all-1g.5gb'), config('version: v1\nflags: {migStrategy: single}'))).toEqual({
      ...COMMON,
      ...FULL_A100,
      'nvidia.com/mig.strategy': 'single',
      'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB-MIG-1g.5gb',
      'nvidia.com/gpu.count': '56',
      'nvidia.com/gpu.replicas': '1',
      'nvidia.com/gpu.memory': '4864',
      'nvidia.com/gpu.multiprocessors': '14',
      'nvidia.com/gpu.slices.gi': '1',
      'nvidia.com/gpu.slices.ci': '1',
      'nvidia.com/gpu.engines.copy': '1',
      'nvidia.com/gpu.engines.decoder': '0',
      'nvidia.com/gpu.engines.encoder': '0',
      'nvidia.com/gpu.engines.jpeg': '0',
      'nvidia.com/gpu.engines.ofa': '0',
    });
  });

  it('strategy mixed with all-balanced labels each profile, and the whole GPUs without sharing', () => {
    const l = labels(dgxA100('all-balanced'), config('version: v1\nflags: {migStrategy: mixed}'));
    expect(l['nvidia.com/mig.strategy']).toBe('mixed');
    expect(pick(l, 'nvidia.com/gpu.')).toEqual({ ...FULL_A100, 'nvidia.com/gpu.replicas': '0', 'nvidia.com/gpu.machine': COMMON['nvidia.com/gpu.machine'], 'nvidia.com/gpu.mode': 'compute' });
    expect(pick(l, 'nvidia.com/mig-3g.20gb.')).toEqual({
      'nvidia.com/mig-3g.20gb.product': 'NVIDIA-A100-SXM4-40GB-MIG-3g.20gb',
      'nvidia.com/mig-3g.20gb.count': '8',
      'nvidia.com/mig-3g.20gb.replicas': '1',
      'nvidia.com/mig-3g.20gb.sharing-strategy': 'none',
      'nvidia.com/mig-3g.20gb.memory': '19968',
      'nvidia.com/mig-3g.20gb.multiprocessors': '42',
      'nvidia.com/mig-3g.20gb.slices.gi': '3',
      'nvidia.com/mig-3g.20gb.slices.ci': '3',
      'nvidia.com/mig-3g.20gb.engines.copy': '3',
      'nvidia.com/mig-3g.20gb.engines.decoder': '2',
      'nvidia.com/mig-3g.20gb.engines.encoder': '0',
      'nvidia.com/mig-3g.20gb.engines.jpeg': '0',
      'nvidia.com/mig-3g.20gb.engines.ofa': '0',
    });
    expect([l['nvidia.com/mig-1g.5gb.count'], l['nvidia.com/mig-2g.10gb.count']]).toEqual(['16', '8']);
  });

  it('strategy single with mixed profiles writes the MIG-INVALID labels', () => {
    expect(pick(labels(dgxA100('all-balanced'), config('version: v1\nflags: {migStrategy: single}')), 'nvidia.com/gpu.')).toMatchObject({
      'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB-MIG-INVALID',
      'nvidia.com/gpu.count': '0',
      'nvidia.com/gpu.replicas': '0',
      'nvidia.com/gpu.memory': '0',
    });
  });

  it('mixed on an H100 labels 1g.10gb with 9984 MiB and 16 multiprocessors', () => {
    const l = labels(nodeGpus('H100-80GB-HBM3', 8, 'all-balanced'), config('version: v1\nflags: {migStrategy: mixed}'));
    expect([l['nvidia.com/mig-1g.10gb.count'], l['nvidia.com/mig-1g.10gb.memory'], l['nvidia.com/mig-1g.10gb.multiprocessors']]).toEqual(['16', '9984', '16']);
  });
});

describe('GPU feature discovery labels with sharing', () => {
  it('time-slicing suffixes the product with -SHARED and labels the replicas', () => {
    const l = labels(nodeGpus('T4', 4), config('version: v1\nsharing:\n  timeSlicing:\n    resources: [{name: nvidia.com/gpu, replicas: 4}]'), 'g4dn.12xlarge');
    expect(pick(l, 'nvidia.com/gpu.')).toMatchObject({
      'nvidia.com/gpu.product': 'Tesla-T4-SHARED',
      'nvidia.com/gpu.count': '4',
      'nvidia.com/gpu.replicas': '4',
      'nvidia.com/gpu.sharing-strategy': 'time-slicing',
      'nvidia.com/gpu.memory': '15360',
      'nvidia.com/gpu.family': 'turing',
    });
    expect(l['nvidia.com/mig.capable']).toBe('false');
  });

  it('renameByDefault keeps the product name unsuffixed', () => {
    const l = labels(nodeGpus('T4', 1), config('version: v1\nsharing:\n  timeSlicing:\n    renameByDefault: true\n    resources: [{name: nvidia.com/gpu, replicas: 2}]'), 'x');
    expect([l['nvidia.com/gpu.product'], l['nvidia.com/gpu.replicas']]).toEqual(['Tesla-T4', '2']);
  });

  it('MPS sets mps.capable and sharing-strategy mps', () => {
    const l = labels(nodeGpus('L4', 1), config('version: v1\nsharing:\n  mps:\n    resources: [{name: nvidia.com/gpu, replicas: 4}]'), 'g6.4xlarge');
    expect([l['nvidia.com/mps.capable'], l['nvidia.com/gpu.sharing-strategy'], l['nvidia.com/gpu.family']]).toEqual(['true', 'mps', 'ada-lovelace']);
  });

  it('MPS on a MIG node fails as GFD does', () => {
    const r = featureDiscoveryLabels({ gpus: dgxA100('all-7g.40gb'), config: config('version: v1\nflags: {migStrategy: single}\nsharing:\n  mps:\n    resources: [{name: nvidia.com/gpu, replicas: 2}]'), driver: DEFAULT_DRIVER, machine: 'x' });
    expect(r.ok ? '' : r.error).toContain('MPS sharing is not supported for mig devices');
  });
});

describe('GPU feature discovery basics', () => {
  it('a node without GPUs gets no labels, and the timestamp label appears only when given', () => {
    expect(featureDiscoveryLabels({ gpus: [], config: config(''), driver: DEFAULT_DRIVER, machine: 'x' })).toEqual({ ok: true, labels: {} });
    const r = featureDiscoveryLabels({ gpus: nodeGpus('T4', 1), config: config(''), driver: DEFAULT_DRIVER, machine: 'Standard PC', timestamp: 1700000000.7 });
    expect(r.ok && [r.labels['nvidia.com/gfd.timestamp'], r.labels['nvidia.com/gpu.machine']]).toEqual(['1700000000', 'Standard-PC']);
  });

  it.each(GPU_MODELS.map((m) => [m.id, m] as const))('the catalogue family of %s is the one GFD derives from its compute capability', (_id, model) => {
    expect(familyOf(...model.computeCapability)).toBe(model.family);
    expect(sanitise(model.name)).toBe(model.product);
  });
});
