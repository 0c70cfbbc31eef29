import { describe, expect, it } from 'vitest';
import { DEFAULT_DEVICE_PLUGIN_CONFIG, parseDevicePluginConfig, type DevicePluginConfig } from '../../../../src/core/gpu/device-plugin/config';
import { advertisedResources, pluginRpcError, sharedRequestError, visibleDevicesEnv } from '../../../../src/core/gpu/device-plugin/resources';
import type { NodeGpu } from '../../../../src/core/gpu/node-gpu';
import { dgxA100, nodeGpus } from '../dgx-a100';

function config(yaml: string): DevicePluginConfig {
  const r = parseDevicePluginConfig(yaml);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const strategy = (s: string) => config(`version: v1\nflags:\n  migStrategy: ${s}\n`);

function counts(gpus: readonly NodeGpu[], c: DevicePluginConfig, unhealthy?: ReadonlySet<string>): Record<string, [number, number]> {
  const r = advertisedResources(gpus, c, unhealthy);
  if (!r.ok) throw new Error(r.error);
  return Object.fromEntries(r.resources.map((x) => [x.name, [x.capacity, x.allocatable]]));
}

describe('device plugin resources on a DGX A100', () => {
  it.each([
    ['none, MIG off: 8 whole GPUs', 'none', 'all-disabled', { 'nvidia.com/gpu': [8, 8] }],
    ['none, all-1g.5gb: still 8 whole GPUs, MIG devices not listed', 'none', 'all-1g.5gb', { 'nvidia.com/gpu': [8, 8] }],
    ['single, all-1g.5gb: 56 MIG devices as nvidia.com/gpu', 'single', 'all-1g.5gb', { 'nvidia.com/gpu': [56, 56] }],
    ['single, all-3g.20gb: 16', 'single', 'all-3g.20gb', { 'nvidia.com/gpu': [16, 16] }],
    ['single, MIG off: same as none', 'single', 'all-disabled', { 'nvidia.com/gpu': [8, 8] }],
    ['mixed, all-1g.5gb: 56 nvidia.com/mig-1g.5gb', 'mixed', 'all-1g.5gb', { 'nvidia.com/mig-1g.5gb': [56, 56] }],
    ['mixed, all-balanced: one resource per profile', 'mixed', 'all-balanced', { 'nvidia.com/mig-1g.5gb': [16, 16], 'nvidia.com/mig-2g.10gb': [8, 8], 'nvidia.com/mig-3g.20gb': [8, 8] }],
    ['mixed, all-1g.5gb.me: + becomes .', 'mixed', 'all-1g.5gb.me', { 'nvidia.com/mig-1g.5gb.me': [8, 8] }],
  ])('%s', (_name, s, mig, expected) => {
    expect(counts(dgxA100(mig), strategy(s))).toEqual(expected);
  });

  it('mixed keeps non-MIG GPUs as nvidia.com/gpu next to MIG devices', () => {
    const gpus = dgxA100('all-disabled');
    const half = [...gpus.slice(0, 4), ...dgxA100('all-7g.40gb').slice(4)];
    expect(counts(half, strategy('mixed'))).toEqual({ 'nvidia.com/gpu': [4, 4], 'nvidia.com/mig-7g.40gb': [4, 4] });
  });

  it.each([
    ['single with mixed profiles reports the plugin error', 'single', dgxA100('all-balanced'), 'invalid MIG configuration: more than one MIG device type present on node'],
    ['single with some GPUs MIG and some not reports the migEnabled error', 'single', [...dgxA100('all-disabled').slice(0, 4), ...dgxA100('all-7g.40gb').slice(4)], 'all devices on the node must be configured with the same migEnabled value'],
    ['a MIG-enabled GPU with no MIG devices is an invalid configuration', 'mixed', dgxA100('all-enabled'), 'invalid MIG configuration: At least one device with migEnabled=true was not configured correctly: device 0 has an invalid MIG configuration'],
  ])('%s', (_name, s, gpus, error) => {
    const r = advertisedResources(gpus, strategy(s));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe(error);
    expect(r.log).toBe(`error starting plugins: error getting plugins: failed to construct NVML resource managers: error building device map: error building device map from config.resources: ${error}`);
  });

  it('device IDs are GPU UUIDs, and MIG device UUIDs under single and mixed', () => {
    const gpus = dgxA100('all-3g.20gb');
    const none = advertisedResources(gpus, DEFAULT_DEVICE_PLUGIN_CONFIG);
    expect(none.ok && none.resources[0]!.devices.map((d) => d.id)).toEqual(gpus.map((g) => g.uuid));
    const mixed = advertisedResources(gpus, strategy('mixed'));
    expect(mixed.ok && mixed.resources[0]!.devices.every((d) => /^MIG-/.test(d.id) && d.migDevice?.name === '3g.20gb')).toBe(true);
  });
});

describe('device plugin sharing', () => {
  const timeSlicing = (replicas: number, extra = '') => config(`version: v1\nsharing:\n  timeSlicing:\n${extra}    resources:\n    - name: nvidia.com/gpu\n      replicas: ${replicas}\n`);

  it('time-slicing with 4 replicas on 8 GPUs advertises 32', () => {
    expect(counts(dgxA100(), timeSlicing(4))).toEqual({ 'nvidia.com/gpu': [32, 32] });
  });

  it('10 replicas on 8 GPUs advertise 80, with IDs <uuid>::<n>', () => {
    const gpus = dgxA100();
    const r = advertisedResources(gpus, timeSlicing(10));
    expect(r.ok && r.resources[0]!.capacity).toBe(80);
    expect(r.ok && r.resources[0]!.devices.slice(0, 2).map((d) => d.id)).toEqual([`${gpus[0]!.uuid}::0`, `${gpus[0]!.uuid}::1`]);
  });

  it('renameByDefault advertises nvidia.com/gpu.shared', () => {
    expect(counts(dgxA100(), timeSlicing(4, '    renameByDefault: true\n'))).toEqual({ 'nvidia.com/gpu.shared': [32, 32] });
  });

  it('time-slicing a MIG resource under mixed replicates that resource only', () => {
    const c = config('version: v1\nflags: {migStrategy: mixed}\nsharing:\n  timeSlicing:\n    resources:\n    - {name: nvidia.com/mig-1g.5gb, replicas: 2}\n');
    expect(counts(dgxA100('all-balanced'), c)).toEqual({ 'nvidia.com/mig-1g.5gb': [32, 32], 'nvidia.com/mig-2g.10gb': [8, 8], 'nvidia.com/mig-3g.20gb': [8, 8] });
  });

  it('MPS on MIG devices is refused', () => {
    const c = config('version: v1\nflags: {migStrategy: single}\nsharing:\n  mps:\n    resources:\n    - {name: nvidia.com/gpu, replicas: 2}\n');
    const r = advertisedResources(dgxA100('all-7g.40gb'), c);
    expect(r.ok ? '' : r.error).toBe('MPS sharing is not supported for mig devices');
  });

  it('failRequestsGreaterThanOne turns a request for 2 into the admission error', () => {
    const c = timeSlicing(4, '    failRequestsGreaterThanOne: true\n');
    const r = advertisedResources(dgxA100(), c);
    if (!r.ok) throw new Error(r.error);
    const error = sharedRequestError(c, r.resources[0]!, 2);
    expect(error).toBe("request for 'nvidia.com/gpu: 2' too large: maximum request size for shared resources is 1");
    expect(pluginRpcError(error!)).toBe("rpc error: code = Unknown desc = request for 'nvidia.com/gpu: 2' too large: maximum request size for shared resources is 1");
    expect(sharedRequestError(c, r.resources[0]!, 1)).toBeUndefined();
    expect(sharedRequestError(timeSlicing(4), r.resources[0]!, 2)).toBeUndefined();
  });

  it('NVIDIA_VISIBLE_DEVICES lists the UUIDs behind the allocated IDs', () => {
    const r = advertisedResources(dgxA100(), timeSlicing(2));
    if (!r.ok) throw new Error(r.error);
    const [a, b, c] = r.resources[0]!.devices;
    expect(visibleDevicesEnv([a!, b!, c!]).NVIDIA_VISIBLE_DEVICES).toBe(`${a!.uuid},${c!.uuid}`);
  });
});

describe('device plugin health', () => {
  it('an unhealthy GPU drops allocatable to 7 of 8 while capacity stays 8', () => {
    const gpus = dgxA100();
    expect(counts(gpus, DEFAULT_DEVICE_PLUGIN_CONFIG, new Set([gpus[3]!.uuid]))).toEqual({ 'nvidia.com/gpu': [8, 7] });
  });

  it('an unhealthy GPU takes all its replicas with it', () => {
    const gpus = nodeGpus('T4', 4);
    const c = config('version: v1\nsharing:\n  timeSlicing:\n    resources:\n    - {name: nvidia.com/gpu, replicas: 3}\n');
    expect(counts(gpus, c, new Set([gpus[0]!.uuid]))).toEqual({ 'nvidia.com/gpu': [12, 9] });
  });
});

describe('device plugin config file', () => {
  it.each([
    ['an unknown version', 'version: v2', 'unable to parse config file: error parsing config file: unknown version: v2'],
    ['an unknown MIG strategy', 'version: v1\nflags: {migStrategy: split}', 'unable to parse config file: invalid --mig-strategy option: split'],
    ['a resource without replicas', 'version: v1\nsharing:\n  timeSlicing:\n    resources: [{name: nvidia.com/gpu}]', 'no replicas specified'],
    ['zero replicas', 'version: v1\nsharing:\n  timeSlicing:\n    resources: [{name: nvidia.com/gpu, replicas: 0}]', 'number of replicas must be >= 0'],
    ['a resource without a name', 'version: v1\nsharing:\n  timeSlicing:\n    resources: [{replicas: 2}]', 'no resource name specified'],
    ['a resource name outside nvidia.com', 'version: v1\nsharing:\n  timeSlicing:\n    resources: [{name: amd.com/gpu, replicas: 2}]', "incorrect format for resource name 'amd.com/gpu'"],
    ['MPS with the mixed strategy', 'version: v1\nflags: {migStrategy: mixed}\nsharing:\n  mps:\n    resources: [{name: nvidia.com/gpu, replicas: 2}]', 'using --mig-strategy=mixed is not supported with MPS'],
    ['time-slicing and MPS together', 'version: v1\nsharing:\n  timeSlicing:\n    resources: [{name: nvidia.com/gpu, replicas: 2}]\n  mps:\n    resources: [{name: nvidia.com/gpu, replicas: 2}]', 'cannot both replicate resources'],
  ])('%s is refused', (_name, yaml, error) => {
    const r = parseDevicePluginConfig(yaml);
    expect(r.ok ? '' : r.error).toContain(error);
  });

  it('MPS fails requests greater than one unless the file says otherwise', () => {
    const on = config('version: v1\nsharing:\n  mps:\n    resources: [{name: nvidia.com/gpu, replicas: 2}]');
    const off = config('version: v1\nsharing:\n  mps:\n    failRequestsGreaterThanOne: false\n    resources: [{name: nvidia.com/gpu, replicas: 2}]');
    expect([on.mps?.failRequestsGreaterThanOne, off.mps?.failRequestsGreaterThanOne]).toEqual([true, false]);
  });

  it('an empty file is the default config, and per-resource rename is ignored with the plugin’s warning', () => {
    expect(config('')).toEqual(DEFAULT_DEVICE_PLUGIN_CONFIG);
    expect(config('version: v1\nsharing:\n  timeSlicing:\n    resources: [{name: nvidia.com/gpu, replicas: 2, rename: foo}]').warnings).toEqual(["Customizing the 'rename' field is not yet supported in the config. Ignoring..."]);
  });
});
