import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/engine/rng';
import {
  createComputeInstance,
  createGpuInstance,
  destroyComputeInstance,
  destroyGpuInstance,
  MIG_ENABLED_EMPTY,
  usedComputeSlices,
  type MigState,
} from '../../../src/core/gpu/mig-geometry';
import { MIG_GEOMETRIES, profileById, type MigGeometry } from '../../../src/core/gpu/mig-profiles';

type Op = { kind: 'create'; profile: number; placement: number | undefined } | { kind: 'destroy'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), profile: fc.nat(20), placement: fc.option(fc.nat(8), { nil: undefined }) }),
  fc.record({ kind: fc.constant('destroy' as const), pick: fc.nat(20) }),
);

function apply(geometry: MigGeometry, state: MigState, o: Op, rng: Rng): MigState {
  if (o.kind === 'create') {
    const profile = geometry.profiles[o.profile % geometry.profiles.length]!;
    const gi = createGpuInstance(geometry, state, profile, o.placement);
    if (!gi.ok) return state;
    const ci = createComputeInstance(geometry, gi.value.state, gi.value.instance.id, rng);
    return ci.ok ? ci.value.state : gi.value.state;
  }
  const target = state.gpuInstances[o.pick % Math.max(1, state.gpuInstances.length)];
  if (!target) return state;
  let s = state;
  for (const ci of target.computeInstances) {
    const r = destroyComputeInstance(s, target.id, ci.id);
    if (r.ok) s = r.value;
  }
  const r = destroyGpuInstance(s, target.id);
  return r.ok ? r.value : s;
}

function assertInvariants(geometry: MigGeometry, state: MigState): void {
  const owner = new Map<number, number>();
  for (const gi of state.gpuInstances) {
    const p = profileById(geometry, gi.profileId)!;
    expect(p.placements).toContain(gi.start);
    for (let s = gi.start; s < gi.start + p.memorySlices; s++) {
      expect(owner.has(s), `memory slice ${s} used by GPU instances ${owner.get(s)} and ${gi.id}`).toBe(false);
      owner.set(s, gi.id);
    }
  }
  expect(usedComputeSlices(geometry, state)).toBeLessThanOrEqual(geometry.computeSlices);
  expect(new Set(state.gpuInstances.map((g) => g.id)).size).toBe(state.gpuInstances.length);
  const me = state.gpuInstances.filter((g) => profileById(geometry, g.profileId)!.name.endsWith('+me'));
  expect(me.length).toBeLessThanOrEqual(1);
}

describe('MIG geometry properties', () => {
  it.each(MIG_GEOMETRIES.map((g) => [g.modelIds[0]!, g] as const))(
    'on %s, any sequence of create and destroy never overlaps instances, never exceeds the compute slices and never holds two +me',
    (_name, geometry) => {
      fc.assert(
        fc.property(fc.array(op, { maxLength: 40 }), fc.integer(), (ops, seed) => {
          const rng = new Rng(seed);
          let state: MigState = MIG_ENABLED_EMPTY;
          for (const o of ops) {
            state = apply(geometry, state, o, rng);
            assertInvariants(geometry, state);
          }
        }),
        { numRuns: 300 },
      );
    },
  );
});
