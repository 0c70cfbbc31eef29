import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/engine/rng';
import { gpuModel } from '../../../../src/core/gpu/catalogue';
import { MIG_DISABLED, MIG_ENABLED_EMPTY, migDevices, type MigState } from '../../../../src/core/gpu/mig-geometry';
import { migGeometry } from '../../../../src/core/gpu/mig-profiles';
import { applyMigPlan, currentMigDevicesConfig, layOut, planMigConfig, type GpuToConfigure } from '../../../../src/core/gpu/mig-parted/apply';
import { parseMigPartedConfig } from '../../../../src/core/gpu/mig-parted/config';
import { DEFAULT_MIG_CONFIG } from '../../../../src/core/gpu/mig-parted/defaults';

const gpus = (modelId: string, n = 1, mig: MigState = MIG_DISABLED): GpuToConfigure[] =>
  Array.from({ length: n }, (_, index) => ({ index, model: gpuModel(modelId)!, mig }));

/** Apply a default config to one GPU and count its MIG devices by profile. */
function applyDefault(modelId: string, name: string): Record<string, number> {
  const plan = planMigConfig(DEFAULT_MIG_CONFIG, name, gpus(modelId));
  if (!plan.ok) throw new Error(plan.error);
  const r = applyMigPlan(gpuModel(modelId)!, MIG_DISABLED, plan.value[0]!, new Rng(1));
  if (!r.ok) throw new Error(r.error);
  return currentMigDevicesConfig(migGeometry(modelId)!, r.value);
}

describe('mig-parted default configs yield the documented instance counts', () => {
  it.each([
    ['A100-SXM4-40GB', 'all-1g.5gb', { '1g.5gb': 7 }],
    ['A100-SXM4-40GB', 'all-1g.5gb.me', { '1g.5gb+me': 1 }],
    ['A100-SXM4-40GB', 'all-1g.10gb', { '1g.10gb': 4 }],
    ['A100-SXM4-40GB', 'all-2g.10gb', { '2g.10gb': 3 }],
    ['A100-SXM4-40GB', 'all-3g.20gb', { '3g.20gb': 2 }],
    ['A100-SXM4-40GB', 'all-4g.20gb', { '4g.20gb': 1 }],
    ['A100-SXM4-40GB', 'all-7g.40gb', { '7g.40gb': 1 }],
    ['A100-SXM4-80GB', 'all-1g.10gb', { '1g.10gb': 7 }],
    ['A100-SXM4-80GB', 'all-1g.10gb.me', { '1g.10gb+me': 1 }],
    ['A100-SXM4-80GB', 'all-1g.20gb', { '1g.20gb': 4 }],
    ['A100-SXM4-80GB', 'all-2g.20gb', { '2g.20gb': 3 }],
    ['A100-SXM4-80GB', 'all-3g.40gb', { '3g.40gb': 2 }],
    ['A100-SXM4-80GB', 'all-4g.40gb', { '4g.40gb': 1 }],
    ['A100-SXM4-80GB', 'all-7g.80gb', { '7g.80gb': 1 }],
    ['H100-80GB-HBM3', 'all-1g.10gb', { '1g.10gb': 7 }],
    ['H100-80GB-HBM3', 'all-1g.20gb', { '1g.20gb': 4 }],
    ['H100-80GB-HBM3', 'all-2g.20gb', { '2g.20gb': 3 }],
    ['H100-80GB-HBM3', 'all-3g.40gb', { '3g.40gb': 2 }],
    ['H100-80GB-HBM3', 'all-7g.80gb', { '7g.80gb': 1 }],
    ['H200', 'all-1g.18gb', { '1g.18gb': 7 }],
    ['H200', 'all-1g.18gb.me', { '1g.18gb+me': 1 }],
    ['H200', 'all-1g.35gb', { '1g.35gb': 4 }],
    ['H200', 'all-2g.35gb', { '2g.35gb': 3 }],
    ['H200', 'all-3g.71gb', { '3g.71gb': 2 }],
    ['H200', 'all-4g.71gb', { '4g.71gb': 1 }],
    ['H200', 'all-7g.141gb', { '7g.141gb': 1 }],
    ['A30', 'all-1g.6gb', { '1g.6gb': 4 }],
    ['A30', 'all-1g.6gb.me', { '1g.6gb+me': 1 }],
    ['A30', 'all-2g.12gb', { '2g.12gb': 2 }],
    ['A30', 'all-2g.12gb.me', { '2g.12gb+me': 1 }],
    ['A30', 'all-4g.24gb', { '4g.24gb': 1 }],
  ])('%s with %s has %o', (model, name, expected) => {
    expect(applyDefault(model, name)).toEqual(expected);
  });

  it.each([
    ['A100-SXM4-40GB', { '1g.5gb': 2, '2g.10gb': 1, '3g.20gb': 1 }],
    ['A100-PCIE-40GB', { '1g.5gb': 2, '2g.10gb': 1, '3g.20gb': 1 }],
    ['A100-SXM4-80GB', { '1g.10gb': 2, '2g.20gb': 1, '3g.40gb': 1 }],
    ['A100-80GB-PCIe', { '1g.10gb': 2, '2g.20gb': 1, '3g.40gb': 1 }],
    ['H100-80GB-HBM3', { '1g.10gb': 2, '2g.20gb': 1, '3g.40gb': 1 }],
    ['H200', { '1g.18gb': 2, '2g.35gb': 1, '3g.71gb': 1 }],
    ['A30', { '1g.6gb': 2, '2g.12gb': 1 }],
  ])('all-balanced on %s is %o', (model, expected) => {
    expect(applyDefault(model, 'all-balanced')).toEqual(expected);
  });

  it('all-balanced on an A100-40GB places 3g at 4:4, 2g at 0:2 and the 1g pair at 2 and 3', () => {
    const state = layOut(migGeometry('A100-SXM4-40GB')!, { '1g.5gb': 2, '2g.10gb': 1, '3g.20gb': 1 }, new Rng(1));
    if (!state.ok) throw new Error(state.error);
    expect(state.value.gpuInstances.map((g) => `${g.id}:${g.start}`)).toEqual(['1:4', '5:0', '13:2', '14:3']);
  });

  it('all-enabled turns MIG on with no instances; all-disabled turns it off', () => {
    expect(applyDefault('A100-SXM4-40GB', 'all-enabled')).toEqual({});
    const plan = planMigConfig(DEFAULT_MIG_CONFIG, 'all-disabled', gpus('A100-SXM4-40GB'));
    if (!plan.ok) throw new Error(plan.error);
    expect(applyMigPlan(gpuModel('A100-SXM4-40GB')!, MIG_ENABLED_EMPTY, plan.value[0]!, new Rng(1))).toEqual({ ok: true, value: MIG_DISABLED });
  });

  it('an already-applied config changes nothing, keeping the MIG device UUIDs', () => {
    const plan = planMigConfig(DEFAULT_MIG_CONFIG, 'all-3g.20gb', gpus('A100-SXM4-40GB'));
    if (!plan.ok) throw new Error(plan.error);
    const first = applyMigPlan(gpuModel('A100-SXM4-40GB')!, MIG_DISABLED, plan.value[0]!, new Rng(1));
    if (!first.ok) throw new Error(first.error);
    const again = applyMigPlan(gpuModel('A100-SXM4-40GB')!, first.value, plan.value[0]!, new Rng(2));
    expect(again.ok && again.value).toBe(first.value);
  });
});

describe('mig-parted refuses what cannot be', () => {
  it.each([
    ['a profile the GPU lacks', 'all-1g.5gb', 'H100-80GB-HBM3', /GPU 0 \(NVIDIA H100 80GB HBM3\) does not support MIG profile '1g.5gb'/],
    ['MIG on a GPU that is not MIG capable', 'all-enabled', 'T4', /GPU 0 \(Tesla T4\) is not MIG capable/],
    ['an unknown config name', 'all-9g.99gb', 'A100-SXM4-40GB', /unknown MIG config 'all-9g.99gb'/],
  ])('%s', (_name, config, model, error) => {
    const plan = planMigConfig(DEFAULT_MIG_CONFIG, config, gpus(model));
    expect(plan.ok ? '' : plan.error).toMatch(error);
  });

  it.each([
    ['two 4g.20gb', { '4g.20gb': 2 }],
    ['eight 1g.5gb', { '1g.5gb': 8 }],
    ['a 7g with anything else', { '7g.40gb': 1, '1g.5gb': 1 }],
    ['three 3g.20gb', { '3g.20gb': 3 }],
    ['two +me instances', { '1g.5gb+me': 2 }],
    ['4g, 2g and 2g (8 compute slices)', { '4g.20gb': 1, '2g.10gb': 2 }],
  ])('an A100-40GB layout of %s is refused', (_name, wanted) => {
    const r = layOut(migGeometry('A100-SXM4-40GB')!, wanted, new Rng(1));
    expect(r.ok ? '' : r.error).toMatch(/no placement of .* fits on one A100-SXM4-40GB GPU/);
  });

  it('finds a layout only another ordering allows: 4g + 2g + 1g.10gb', () => {
    const r = layOut(migGeometry('A100-SXM4-40GB')!, { '4g.20gb': 1, '2g.10gb': 1, '1g.10gb': 1 }, new Rng(1));
    expect(r.ok && r.value.gpuInstances.map((g) => `${g.id}:${g.start}`)).toEqual(['2:0', '3:4', '4:6']);
  });

  it('compute-instance profiles share a GPU instance: 1c.3g.20gb: 3 is one 3g with three 1c', () => {
    const r = layOut(migGeometry('A100-SXM4-40GB')!, { '1c.3g.20gb': 3 }, new Rng(1));
    if (!r.ok) throw new Error(r.error);
    expect(migDevices(migGeometry('A100-SXM4-40GB')!, r.value).map((d) => `${d.gpuInstance.id}/${d.computeInstance.id} ${d.name}`)).toEqual(['1/0 1c.3g.20gb', '1/1 1c.3g.20gb', '1/2 1c.3g.20gb']);
  });
});

describe('mig-parted config files', () => {
  it('parses a custom config and applies it to the selected devices only', () => {
    const parsed = parseMigPartedConfig(`
version: v1
mig-configs:
  two-ways:
    - devices: [0, 1]
      mig-enabled: true
      mig-devices:
        "3g.20gb": 2
    - devices: [2]
      mig-enabled: false
`);
    if (!parsed.ok) throw new Error(parsed.error);
    const plan = planMigConfig(parsed.value, 'two-ways', gpus('A100-SXM4-40GB', 4));
    expect(plan.ok && plan.value).toEqual([
      { index: 0, migEnabled: true, migDevices: { '3g.20gb': 2 } },
      { index: 1, migEnabled: true, migDevices: { '3g.20gb': 2 } },
      { index: 2, migEnabled: false, migDevices: {} },
    ]);
  });

  it('a device filter selects GPUs by PCI device id', () => {
    const mixed: GpuToConfigure[] = [...gpus('A100-SXM4-40GB'), { index: 1, model: gpuModel('A100-SXM4-80GB')!, mig: MIG_DISABLED }];
    const plan = planMigConfig(DEFAULT_MIG_CONFIG, 'all-1g.10gb', mixed);
    expect(plan.ok && plan.value.map((p) => p.migDevices)).toEqual([{ '1g.10gb': 4 }, { '1g.10gb': 7 }]);
  });

  it.each([
    ['a missing version', 'mig-configs: {a: [{devices: all, mig-enabled: false}]}', "unable to parse with missing 'version' field"],
    ['an unknown version', 'version: v2\nmig-configs: {}', 'unknown version: v2'],
    ['an unexpected top-level field', 'version: v1\nfoo: 1\nmig-configs: {a: [{devices: all, mig-enabled: false}]}', 'unexpected field: foo'],
    ['no configs', 'version: v1\nmig-configs: {}', "at least one entry in 'mig-configs' is required"],
    ['an empty config', 'version: v1\nmig-configs: {a: []}', "at least one entry in 'a' is required"],
    ['a missing devices field', 'version: v1\nmig-configs: {a: [{mig-enabled: false}]}', 'mig-configs.a[0]: missing required field: devices'],
    ['devices given as a word other than all', 'version: v1\nmig-configs: {a: [{devices: some, mig-enabled: false}]}', "mig-configs.a[0]: invalid string input for 'devices': some"],
    ['MIG enabled without mig-devices', 'version: v1\nmig-configs: {a: [{devices: all, mig-enabled: true}]}', "mig-configs.a[0]: missing required field 'mig-devices' when 'mig-enabled' is true"],
    ['mig-devices with MIG disabled', 'version: v1\nmig-configs: {a: [{devices: all, mig-enabled: false, mig-devices: {"1g.5gb": 1}}]}', "mig-configs.a[0]: MIG devices included when 'mig-enabled' is false"],
    ['a malformed profile', 'version: v1\nmig-configs: {a: [{devices: all, mig-enabled: true, mig-devices: {"1x.5gb": 1}}]}', "mig-configs.a[0]: error validating values in 'mig-devices' field: invalid format for '1x.5gb'"],
    ['a negative count', 'version: v1\nmig-configs: {a: [{devices: all, mig-enabled: true, mig-devices: {"1g.5gb": -1}}]}', "invalid count for '1g.5gb'"],
    ['all counts zero', 'version: v1\nmig-configs: {a: [{devices: all, mig-enabled: true, mig-devices: {"1g.5gb": 0}}]}', 'all counts for all MigProfiles are 0'],
    ['broken YAML', 'version: [v1', 'error parsing config file'],
  ])('%s is refused with a clear error', (_name, text, error) => {
    const r = parseMigPartedConfig(text);
    expect(r.ok ? '' : r.error).toContain(error);
  });
});
