import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../src/core/engine/rng';
import { gpuModel } from '../../../../src/core/gpu/catalogue';
import { MIG_DISABLED, MIG_ENABLED_EMPTY, type MigState } from '../../../../src/core/gpu/mig-geometry';
import { migGeometry } from '../../../../src/core/gpu/mig-profiles';
import { layOut } from '../../../../src/core/gpu/mig-parted/apply';
import type { NodeGpu } from '../../../../src/core/gpu/node-gpu';
import { renderComputeInstances, renderGpuInstancePlacements, renderGpuInstanceProfiles, renderGpuInstances } from '../../../../src/core/gpu/nvidia-smi/smi-mig';

const golden = (name: string) => readFileSync(join(__dirname, 'golden', name), 'utf8');

function gpu(modelId: string, mig: MigState | Record<string, number>, index = 0): NodeGpu {
  const state = 'enabled' in mig ? (mig as MigState) : layOutOrThrow(modelId, mig as Record<string, number>);
  return { index, model: gpuModel(modelId)!, uuid: `GPU-${index}`, busId: '00000000:07:00.0', mig: state };
}

function layOutOrThrow(modelId: string, wanted: Record<string, number>): MigState {
  const r = layOut(migGeometry(modelId)!, wanted, new Rng(1));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('nvidia-smi mig -lgip (golden outputs)', () => {
  it('an empty A100-SXM4-40GB in MIG mode lists its seven profiles with the reference table', () => {
    expect(renderGpuInstanceProfiles([gpu('A100-SXM4-40GB', MIG_ENABLED_EMPTY)])).toBe(golden('a100-40gb-lgip.txt'));
  });

  it('an empty H100 80GB HBM3 in MIG mode lists its seven profiles', () => {
    expect(renderGpuInstanceProfiles([gpu('H100-80GB-HBM3', MIG_ENABLED_EMPTY)])).toBe(golden('h100-lgip.txt'));
  });

  it('Free counts what can still be created: after 4g + 2g + 1g nothing is free (compute slices are spent)', () => {
    const out = renderGpuInstanceProfiles([gpu('A100-SXM4-40GB', { '4g.20gb': 1, '2g.10gb': 1, '1g.5gb': 1 })]);
    expect(out).toContain('|   0  MIG 1g.5gb        19     0/7        4.75       No     14     0     0   |');
    expect(out).toContain('|   0  MIG 7g.40gb        0     0/1        39.50      No     98     5     0   |');
  });

  it('after one 3g.20gb, one more 3g and three 1g.5gb are free', () => {
    const out = renderGpuInstanceProfiles([gpu('A100-SXM4-40GB', { '3g.20gb': 1 })]);
    expect(out).toContain('|   0  MIG 3g.20gb        9     1/2        19.50      No     42     2     0   |');
    expect(out).toContain('|   0  MIG 1g.5gb        19     4/7        4.75       No     14     0     0   |');
  });

  it('an A30 row matches the real layout', () => {
    expect(renderGpuInstanceProfiles([gpu('A30', MIG_ENABLED_EMPTY)])).toContain(
      ['|   0  MIG 1g.6gb        14     4/4        5.81       No     14     1     0   |', '|                                                             1     0     0   |'].join('\n'),
    );
  });

  it('a GPU with MIG disabled is not listed', () => {
    expect(renderGpuInstanceProfiles([gpu('A100-SXM4-40GB', MIG_DISABLED)])).toBe('No MIG-enabled devices found.\n');
  });
});

describe('nvidia-smi mig -lgipp', () => {
  it('prints every profile’s placements, as on a real A30', () => {
    expect(renderGpuInstancePlacements([gpu('A30', MIG_ENABLED_EMPTY)])).toBe(
      ['GPU  0 Profile ID 14 Placements: {0,1,2,3}:1', 'GPU  0 Profile ID 21 Placements: {0,1,2,3}:1', 'GPU  0 Profile ID  5 Placements: {0,2}:2', 'GPU  0 Profile ID  6 Placements: {0,2}:2', 'GPU  0 Profile ID  0 Placement : {0}:4', ''].join('\n'),
    );
  });

  it('prints the A100 placements of the reference', () => {
    expect(renderGpuInstancePlacements([gpu('A100-SXM4-40GB', MIG_ENABLED_EMPTY)]).split('\n')).toEqual([
      'GPU  0 Profile ID 19 Placements: {0,1,2,3,4,5,6}:1',
      'GPU  0 Profile ID 20 Placements: {0,1,2,3,4,5,6}:1',
      'GPU  0 Profile ID 15 Placements: {0,2,4,6}:2',
      'GPU  0 Profile ID 14 Placements: {0,2,4}:2',
      'GPU  0 Profile ID  9 Placements: {0,4}:4',
      'GPU  0 Profile ID  5 Placement : {0}:4',
      'GPU  0 Profile ID  0 Placement : {0}:8',
      '',
    ]);
  });
});

describe('nvidia-smi mig -lgi and -lci', () => {
  it('lists GPU instances with profile, instance ID and placement', () => {
    expect(renderGpuInstances([gpu('H100-80GB-HBM3', { '3g.40gb': 2 })])).toBe(
      [
        '+-------------------------------------------------------+',
        '| GPU instances:                                        |',
        '| GPU   Name             Profile  Instance   Placement  |',
        '|                          ID       ID       Start:Size |',
        '|=======================================================|',
        '|   0  MIG 3g.40gb          9        1          4:4     |',
        '+-------------------------------------------------------+',
        '|   0  MIG 3g.40gb          9        2          0:4     |',
        '+-------------------------------------------------------+',
        '',
      ].join('\n'),
    );
  });

  it('lists compute instances, including ones smaller than their GPU instance', () => {
    expect(renderComputeInstances([gpu('A100-SXM4-40GB', { '4g.20gb': 1, '1c.2g.10gb': 2, '1g.5gb': 1 })])).toBe(
      [
        '+--------------------------------------------------------------------+',
        '| Compute instances:                                                 |',
        '| GPU     GPU       Name             Profile   Instance   Placement  |',
        '|       Instance                       ID        ID       Start:Size |',
        '|         ID                                                         |',
        '|====================================================================|',
        '|   0      2       MIG 4g.20gb          3         0          0:4     |',
        '+--------------------------------------------------------------------+',
        '|   0      3       MIG 1c.2g.10gb       0         0          0:1     |',
        '+--------------------------------------------------------------------+',
        '|   0      3       MIG 1c.2g.10gb       0         1          1:1     |',
        '+--------------------------------------------------------------------+',
        '|   0      9       MIG 1g.5gb           0         0          0:1     |',
        '+--------------------------------------------------------------------+',
        '',
      ].join('\n'),
    );
  });

  it('with no instances says Not Found, as nvidia-smi does', () => {
    expect(renderGpuInstances([gpu('A100-SXM4-40GB', MIG_ENABLED_EMPTY)])).toBe('No GPU instances found: Not Found\n');
    expect(renderComputeInstances([gpu('A100-SXM4-40GB', MIG_ENABLED_EMPTY)])).toBe('No compute instances found: Not Found\n');
  });
});
