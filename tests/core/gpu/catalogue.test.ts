import { describe, expect, it } from 'vitest';
import { MACHINE_TYPES } from '../../../src/core/cluster/machines';
import { GPU_MODELS, gpuModel } from '../../../src/core/gpu/catalogue';
import { MIG_GEOMETRIES, migGeometry } from '../../../src/core/gpu/mig-profiles';

describe('GPU catalogue', () => {
  it('holds the models of the issue, each once', () => {
    expect(GPU_MODELS.map((m) => m.id)).toEqual(['T4', 'V100-SXM2-16GB', 'V100-SXM2-32GB', 'A10', 'A30', 'A100-SXM4-40GB', 'A100-PCIE-40GB', 'A100-SXM4-80GB', 'A100-80GB-PCIe', 'H100-80GB-HBM3', 'H200', 'L4', 'L40S']);
    expect(new Set(GPU_MODELS.map((m) => m.pciDeviceId)).size).toBe(GPU_MODELS.length);
  });

  it.each(GPU_MODELS.map((m) => [m.id, m] as const))('%s is MIG-capable exactly when it has a MIG geometry', (_id, m) => {
    expect(m.migCapable).toBe(migGeometry(m.id) !== undefined);
  });

  it('every machine type names a GPU model the catalogue knows', () => {
    for (const t of MACHINE_TYPES) if (t.gpus) expect(gpuModel(t.gpus.model), t.id).toBeDefined();
  });

  it.each(MIG_GEOMETRIES.map((g) => [g.modelIds.join(', '), g] as const))('the %s geometry is consistent', (_name, g) => {
    for (const p of g.profiles) {
      for (const s of p.placements) expect(s + p.memorySlices).toBeLessThanOrEqual(g.memorySlices);
      expect(p.computeSlices).toBeLessThanOrEqual(g.computeSlices);
      expect(g.instanceSlots.some((slot) => slot.size === p.memorySlices)).toBe(true);
    }
    const fullGpu = g.profiles.find((p) => p.memorySlices === g.memorySlices)!;
    expect(fullGpu.computeSlices).toBe(g.computeSlices);
  });

  it('the A100-40GB profile table is the reference’s, ID for ID', () => {
    const rows = migGeometry('A100-SXM4-40GB')!.profiles.map((p) => [p.name, p.id, p.computeSlices, p.maxInstances, p.multiprocessors, p.memoryGiB, `{${p.placements.join(',')}}:${p.memorySlices}`]);
    expect(rows).toEqual([
      ['1g.5gb', 19, 1, 7, 14, 4.75, '{0,1,2,3,4,5,6}:1'],
      ['1g.5gb+me', 20, 1, 1, 14, 4.75, '{0,1,2,3,4,5,6}:1'],
      ['1g.10gb', 15, 1, 4, 14, 9.62, '{0,2,4,6}:2'],
      ['2g.10gb', 14, 2, 3, 28, 9.62, '{0,2,4}:2'],
      ['3g.20gb', 9, 3, 2, 42, 19.5, '{0,4}:4'],
      ['4g.20gb', 5, 4, 1, 56, 19.5, '{0}:4'],
      ['7g.40gb', 0, 7, 1, 98, 39.5, '{0}:8'],
    ]);
  });

  it('the A30 profile table is the reference’s', () => {
    expect(migGeometry('A30')!.profiles.map((p) => [p.name, p.id, p.maxInstances, `{${p.placements.join(',')}}:${p.memorySlices}`])).toEqual([
      ['1g.6gb', 14, 4, '{0,1,2,3}:1'],
      ['1g.6gb+me', 21, 1, '{0,1,2,3}:1'],
      ['2g.12gb', 5, 2, '{0,2}:2'],
      ['2g.12gb+me', 6, 1, '{0,2}:2'],
      ['4g.24gb', 0, 1, '{0}:4'],
    ]);
  });

  it('H100 and H200 share the A100 IDs and placements with their own names, SMs and memory', () => {
    const a100 = migGeometry('A100-SXM4-80GB')!.profiles;
    for (const id of ['H100-80GB-HBM3', 'H200']) {
      const ps = migGeometry(id)!.profiles;
      expect(ps.map((p) => [p.id, p.placements, p.maxInstances])).toEqual(a100.map((p) => [p.id, p.placements, p.maxInstances]));
    }
    expect(migGeometry('H100-80GB-HBM3')!.profiles.map((p) => [p.name, p.multiprocessors, p.memoryGiB])).toEqual([
      ['1g.10gb', 16, 9.75], ['1g.10gb+me', 16, 9.75], ['1g.20gb', 26, 19.62], ['2g.20gb', 32, 19.62], ['3g.40gb', 60, 39.5], ['4g.40gb', 64, 39.5], ['7g.80gb', 132, 79.25],
    ]);
    expect(migGeometry('H200')!.profiles.map((p) => p.name)).toEqual(['1g.18gb', '1g.18gb+me', '1g.35gb', '2g.35gb', '3g.71gb', '4g.71gb', '7g.141gb']);
  });
});
