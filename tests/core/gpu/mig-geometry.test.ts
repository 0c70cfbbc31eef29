import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/engine/rng';
import {
  createComputeInstance,
  createGpuInstance,
  destroyComputeInstance,
  destroyGpuInstance,
  fragmentation,
  migDevices,
  MIG_DISABLED,
  MIG_ENABLED_EMPTY,
  setMigMode,
  type MigState,
} from '../../../src/core/gpu/mig-geometry';
import { migGeometry, profileByName, type MigGeometry } from '../../../src/core/gpu/mig-profiles';

const A100 = migGeometry('A100-SXM4-40GB')!;
const A30 = migGeometry('A30')!;

/** Create GPU instances one after another (driver placement unless `name@start`), failing loudly. */
function build(geometry: MigGeometry, specs: string[], rng = new Rng(1)): MigState {
  let state: MigState = MIG_ENABLED_EMPTY;
  for (const spec of specs) {
    const [name, at] = spec.split('@');
    const r = createGpuInstance(geometry, state, profileByName(geometry, name!)!, at === undefined ? undefined : Number(at));
    if (!r.ok) throw new Error(`${spec}: ${r.error.reason}`);
    const ci = createComputeInstance(geometry, r.value.state, r.value.instance.id, rng);
    if (!ci.ok) throw new Error(ci.error.reason);
    state = ci.value.state;
  }
  return state;
}

const layout = (s: MigState) => s.gpuInstances.map((g) => `${g.id}@${g.start}`);

describe('MIG geometry: placements the driver picks', () => {
  it.each([
    ['seven 1g.5gb get IDs 7, 8, 9, 11, 12, 13, 14 (slices 4, 5, 6, 0, 1, 2, 3), as nvidia-smi shows', A100, Array(7).fill('1g.5gb'), ['7@4', '8@5', '9@6', '11@0', '12@1', '13@2', '14@3']],
    ['two 3g.20gb get ID 1 at 4:4 first, then ID 2 at 0:4', A100, ['3g.20gb', '3g.20gb'], ['1@4', '2@0']],
    ['4g.20gb, 2g.10gb, 1g.5gb land at 0:4 (ID 2), 4:2 (ID 3) and 6:1 (ID 9)', A100, ['4g.20gb', '2g.10gb', '1g.5gb'], ['2@0', '3@4', '9@6']],
    ['a 7g.40gb is GPU instance 0 spanning all 8 memory slices', A100, ['7g.40gb'], ['0@0']],
    ['four A30 1g.6gb get IDs 3 to 6 at slices 0 to 3', A30, Array(4).fill('1g.6gb'), ['3@0', '4@1', '5@2', '6@3']],
  ])('%s', (_name, geometry, specs, expected) => {
    expect(layout(build(geometry, specs))).toEqual(expected);
  });
});

describe('MIG geometry: refusals', () => {
  it.each([
    ['a GPU with MIG disabled refuses instances', MIG_DISABLED, '1g.5gb', undefined, 'NotSupported', /MIG mode is disabled/],
    ['a placement outside the profile’s starts is an invalid argument', MIG_ENABLED_EMPTY, '3g.20gb', 2, 'InvalidArgument', /can only start at memory slice \{0,4\}, not 2/],
    ['1g.5gb cannot start at slice 7', MIG_ENABLED_EMPTY, '1g.5gb', 7, 'InvalidArgument', /not 7/],
    ['memory slices already taken are refused', build(A100, ['2g.10gb@0']), '1g.5gb', 1, 'InsufficientResources', /overlap GPU instance 5 \(2g.10gb at 0:2\)/],
    ['a second +me instance is refused', build(A100, ['1g.5gb+me']), '1g.5gb+me', undefined, 'InsufficientResources', /at most 1 1g.5gb\+me/],
    ['two 4g instances exceed the 7 compute slices', build(A100, ['4g.20gb']), '4g.20gb', undefined, 'InsufficientResources', /at most 1/],
    ['3g after a 4g and a 1g has no compute slices left', build(A100, ['4g.20gb', '1g.5gb']), '3g.20gb', undefined, 'InsufficientResources', /needs 3 compute slices but only 2 of 7 are free/],
  ])('%s', (_name, state, profile, at, code, reason) => {
    const r = createGpuInstance(A100, state, profileByName(A100, profile)!, at);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.reason).toMatch(reason);
  });

  it('a 3g.20gb and a 4g.20gb coexist (driver R510+)', () => {
    expect(layout(build(A100, ['4g.20gb', '3g.20gb']))).toEqual(['1@4', '2@0']);
  });

  it('a GPU instance with compute instances cannot be destroyed until they are', () => {
    const s = build(A100, ['3g.20gb']);
    const r = destroyGpuInstance(s, 1);
    expect(r.ok || r.error.nvml).toBe('In use by another client');
    const ci = destroyComputeInstance(s, 1, 0);
    expect(ci.ok && destroyGpuInstance(ci.value, 1).ok).toBe(true);
  });

  it('MIG mode cannot be turned off while GPU instances exist', () => {
    expect(setMigMode(build(A100, ['1g.5gb']), false).ok).toBe(false);
    expect(setMigMode(MIG_ENABLED_EMPTY, false)).toEqual({ ok: true, value: MIG_DISABLED });
  });
});

describe('MIG geometry: compute instances', () => {
  it('a 2g.10gb holds two 1c compute instances at 0:1 and 1:1, named 1c.2g.10gb', () => {
    const rng = new Rng(3);
    const gi = createGpuInstance(A100, MIG_ENABLED_EMPTY, profileByName(A100, '2g.10gb')!);
    if (!gi.ok) throw new Error();
    let s = gi.value.state;
    for (let i = 0; i < 2; i++) {
      const r = createComputeInstance(A100, s, 3, rng, 1);
      if (!r.ok) throw new Error(r.error.reason);
      s = r.value.state;
    }
    expect(s.gpuInstances[0]!.computeInstances.map((c) => [c.id, c.start, c.profileId])).toEqual([[0, 0, 0], [1, 1, 0]]);
    expect(migDevices(A100, s).map((d) => [d.index, d.name, d.multiprocessors])).toEqual([[0, '1c.2g.10gb', 14], [1, '1c.2g.10gb', 14]]);
    const third = createComputeInstance(A100, s, 3, rng, 1);
    expect(third.ok).toBe(false);
  });

  it('a 4g offers no 3-slice compute instance', () => {
    const s = build(A100, []);
    const gi = createGpuInstance(A100, s, profileByName(A100, '4g.20gb')!);
    if (!gi.ok) throw new Error();
    const r = createComputeInstance(A100, gi.value.state, gi.value.instance.id, new Rng(1), 3);
    expect(r.ok ? '' : r.error.code).toBe('InvalidArgument');
  });

  it('MIG device UUIDs come from the rng, so one seed gives the same UUIDs', () => {
    const a = migDevices(A100, build(A100, ['3g.20gb'], new Rng(9)))[0]!.computeInstance.uuid;
    const b = migDevices(A100, build(A100, ['3g.20gb'], new Rng(9)))[0]!.computeInstance.uuid;
    expect(a).toBe(b);
    expect(a).toMatch(/^MIG-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('MIG geometry: fragmentation', () => {
  it('1g.5gb at slices 1, 3, 5 and 6 leave four free slices and three compute slices, yet no 2g or 3g fits and slice 7 is lost', () => {
    const s = build(A100, ['1g.5gb@1', '1g.5gb@3', '1g.5gb@5', '1g.5gb@6']);
    const report = fragmentation(A100, s);
    expect(report.freeMemorySlices).toEqual([0, 2, 4, 7]);
    expect(report.freeComputeSlices).toBe(3);
    expect(report.placeable).toEqual([{ profile: '1g.5gb', starts: [0, 2, 4] }, { profile: '1g.5gb+me', starts: [0, 2, 4] }]);
    expect(report.unusableSlices).toEqual([7]);
  });

  it('an empty GPU has nothing unusable and every profile placeable', () => {
    const report = fragmentation(A100, MIG_ENABLED_EMPTY);
    expect(report.unusableSlices).toEqual([]);
    expect(report.placeable).toHaveLength(A100.profiles.length);
  });
});
