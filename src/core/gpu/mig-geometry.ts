import type { Rng } from '../engine/rng';
import {
  COMPUTE_INSTANCE_PROFILES,
  hasMediaExtensions,
  profileById,
  type ComputeInstanceProfile,
  type MigGeometry,
  type MigProfile,
} from './mig-profiles';

/**
 * The MIG state of one GPU and the operations nvidia-smi / NVML offer on it, with the driver's
 * placement rules (../shared/reference/gpu.md "MIG geometry"):
 * - a GPU instance occupies a contiguous run of memory slices at one of its profile's starts;
 * - instances never share memory slices;
 * - compute slices in use never exceed the GPU's budget (7, or 4 on A30) — so 3g and 4g coexist
 *   but 4g and 4g do not;
 * - at most one `+me` instance per GPU, and never more instances of a profile than its maximum.
 * Every operation is pure: it returns a new state or an error and leaves its input untouched.
 */
export interface ComputeInstance {
  readonly id: number;
  /** Compute instance profile ID (0 = 1c … 4 = 7c). */
  readonly profileId: number;
  readonly computeSlices: number;
  /** First compute slice inside its GPU instance. */
  readonly start: number;
  /** `MIG-xxxxxxxx-…`, as `nvidia-smi -L` prints it. */
  readonly uuid: string;
}

export interface GpuInstance {
  readonly id: number;
  readonly profileId: number;
  /** First memory slice (the placement start). */
  readonly start: number;
  readonly computeInstances: readonly ComputeInstance[];
}

export interface MigState {
  readonly enabled: boolean;
  readonly gpuInstances: readonly GpuInstance[];
}

/** NVML's return codes for the refusals, with a sentence saying why. */
export type MigErrorCode = 'NotSupported' | 'InvalidArgument' | 'InsufficientResources' | 'NotFound' | 'InUse';

export interface MigError {
  readonly code: MigErrorCode;
  /** NVML's wording for the code, as nvidia-smi ends its error line (e.g. "Insufficient Resources"). */
  readonly nvml: string;
  readonly reason: string;
}

export type MigResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: MigError };

const NVML_WORDING: Record<MigErrorCode, string> = {
  NotSupported: 'Not Supported',
  InvalidArgument: 'Invalid Argument',
  InsufficientResources: 'Insufficient Resources',
  NotFound: 'Not Found',
  InUse: 'In use by another client',
};

function fail<T>(code: MigErrorCode, reason: string): MigResult<T> {
  return { ok: false, error: { code, nvml: NVML_WORDING[code], reason } };
}

function ok<T>(value: T): MigResult<T> {
  return { ok: true, value };
}

export const MIG_DISABLED: MigState = { enabled: false, gpuInstances: [] };
export const MIG_ENABLED_EMPTY: MigState = { enabled: true, gpuInstances: [] };

function profileOf(geometry: MigGeometry, gi: GpuInstance): MigProfile {
  const p = profileById(geometry, gi.profileId);
  if (!p) throw new Error(`GPU instance ${gi.id} has profile ID ${gi.profileId}, unknown to this GPU`);
  return p;
}

function overlaps(aStart: number, aSize: number, bStart: number, bSize: number): boolean {
  return aStart < bStart + bSize && bStart < aStart + aSize;
}

export function usedComputeSlices(geometry: MigGeometry, state: MigState): number {
  return state.gpuInstances.reduce((n, gi) => n + profileOf(geometry, gi).computeSlices, 0);
}

/** Memory slices no GPU instance occupies, in order. */
export function freeMemorySlices(geometry: MigGeometry, state: MigState): number[] {
  const taken = new Set(state.gpuInstances.flatMap((gi) => rangeOf(gi.start, profileOf(geometry, gi).memorySlices)));
  return rangeOf(0, geometry.memorySlices).filter((s) => !taken.has(s));
}

function rangeOf(start: number, size: number): number[] {
  return Array.from({ length: size }, (_, i) => start + i);
}

/** Why `profile` cannot get another instance on this GPU at all, whatever the placement. */
function capacityRefusal(geometry: MigGeometry, state: MigState, profile: MigProfile): MigError | undefined {
  const same = state.gpuInstances.filter((gi) => gi.profileId === profile.id).length;
  if (same >= profile.maxInstances) {
    return { code: 'InsufficientResources', nvml: NVML_WORDING.InsufficientResources, reason: `the GPU already has ${same} of at most ${profile.maxInstances} ${profile.name} instances` };
  }
  if (hasMediaExtensions(profile)) {
    const me = state.gpuInstances.find((gi) => hasMediaExtensions(profileOf(geometry, gi)));
    if (me) return { code: 'InsufficientResources', nvml: NVML_WORDING.InsufficientResources, reason: `GPU instance ${me.id} (${profileOf(geometry, me).name}) already holds the GPU's only media extensions (+me)` };
  }
  const used = usedComputeSlices(geometry, state);
  if (used + profile.computeSlices > geometry.computeSlices) {
    return { code: 'InsufficientResources', nvml: NVML_WORDING.InsufficientResources, reason: `${profile.name} needs ${profile.computeSlices} compute slices but only ${geometry.computeSlices - used} of ${geometry.computeSlices} are free` };
  }
  return undefined;
}

function occupantAt(geometry: MigGeometry, state: MigState, start: number, size: number): GpuInstance | undefined {
  return state.gpuInstances.find((gi) => overlaps(start, size, gi.start, profileOf(geometry, gi).memorySlices));
}

/**
 * The placement the driver picks when none is given: the first free GPU instance ID (in the
 * driver's ID order) whose memory slices fit the profile. Undefined when no placement is free.
 */
export function defaultPlacement(geometry: MigGeometry, state: MigState, profile: MigProfile): { id: number; start: number } | undefined {
  const usedIds = new Set(state.gpuInstances.map((gi) => gi.id));
  for (const slot of geometry.instanceSlots) {
    if (slot.size !== profile.memorySlices || !profile.placements.includes(slot.start) || usedIds.has(slot.id)) continue;
    if (!occupantAt(geometry, state, slot.start, slot.size)) return { id: slot.id, start: slot.start };
  }
  return undefined;
}

function slotId(geometry: MigGeometry, start: number, size: number): number {
  const slot = geometry.instanceSlots.find((s) => s.start === start && s.size === size);
  if (!slot) throw new Error(`no GPU instance slot at ${start}:${size}`);
  return slot.id;
}

/** Whether `profile` can be placed at `start` right now (used by create and by fragmentation). */
export function canPlace(geometry: MigGeometry, state: MigState, profile: MigProfile, start: number): boolean {
  return state.enabled && !capacityRefusal(geometry, state, profile) && profile.placements.includes(start) && !occupantAt(geometry, state, start, profile.memorySlices);
}

/**
 * `nvidia-smi mig -cgi <profile> [placement]`: create a GPU instance (without compute instances).
 * Without a placement the driver chooses one (defaultPlacement).
 */
export function createGpuInstance(geometry: MigGeometry, state: MigState, profile: MigProfile, placement?: number): MigResult<{ state: MigState; instance: GpuInstance }> {
  if (!state.enabled) return fail('NotSupported', 'MIG mode is disabled on this GPU');
  const refusal = capacityRefusal(geometry, state, profile);
  if (refusal) return { ok: false, error: refusal };
  let chosen: { id: number; start: number };
  if (placement === undefined) {
    const found = defaultPlacement(geometry, state, profile);
    if (!found) return fail('InsufficientResources', `no free placement for ${profile.name}: free memory slices are ${describeSlices(freeMemorySlices(geometry, state))}, and ${profile.name} needs ${profile.memorySlices} starting at ${describeStarts(profile)}`);
    chosen = found;
  } else {
    if (!profile.placements.includes(placement)) return fail('InvalidArgument', `${profile.name} can only start at memory slice ${describeStarts(profile)}, not ${placement}`);
    const occupant = occupantAt(geometry, state, placement, profile.memorySlices);
    if (occupant) {
      return fail('InsufficientResources', `memory slices ${placement}–${placement + profile.memorySlices - 1} overlap GPU instance ${occupant.id} (${profileOf(geometry, occupant).name} at ${occupant.start}:${profileOf(geometry, occupant).memorySlices})`);
    }
    chosen = { id: slotId(geometry, placement, profile.memorySlices), start: placement };
  }
  const instance: GpuInstance = { id: chosen.id, profileId: profile.id, start: chosen.start, computeInstances: [] };
  return ok({ state: { ...state, gpuInstances: sortById([...state.gpuInstances, instance]) }, instance });
}

/** `nvidia-smi mig -dgi -gi <id>`: only an instance without compute instances can go. */
export function destroyGpuInstance(state: MigState, gpuInstanceId: number): MigResult<MigState> {
  const gi = state.gpuInstances.find((g) => g.id === gpuInstanceId);
  if (!gi) return fail('NotFound', `there is no GPU instance ${gpuInstanceId}`);
  if (gi.computeInstances.length) return fail('InUse', `GPU instance ${gpuInstanceId} still has compute instances ${gi.computeInstances.map((c) => c.id).join(', ')}; destroy them first (-dci)`);
  return ok({ ...state, gpuInstances: state.gpuInstances.filter((g) => g.id !== gpuInstanceId) });
}

/**
 * Compute instance sizes a GPU instance offers, by its compute slices (`-lcip`: a 4g offers 1c, 2c
 * and 4g but no 3c; a 3g offers 1c, 2c, 3g; a 7g offers 1c, 2c, 3c, 4c, 7g).
 */
const CI_SIZES: Readonly<Record<number, readonly number[]>> = { 1: [1], 2: [1, 2], 3: [1, 2, 3], 4: [1, 2, 4], 7: [1, 2, 3, 4, 7] };

export function computeProfilesFor(geometry: MigGeometry, gi: GpuInstance): ComputeInstanceProfile[] {
  const sizes = CI_SIZES[profileOf(geometry, gi).computeSlices] ?? [];
  return COMPUTE_INSTANCE_PROFILES.filter((p) => sizes.includes(p.computeSlices));
}

/** Compute slices align like memory slices: 1 anywhere, 2 on even starts, 3 and 4 on multiples of 4. */
function computeStarts(giSlices: number, ciSlices: number): number[] {
  const align = ciSlices === 1 ? 1 : ciSlices === 2 ? 2 : 4;
  return rangeOf(0, giSlices).filter((s) => s % align === 0 && s + ciSlices <= giSlices);
}

/**
 * `nvidia-smi mig -cci [profile] -gi <id>`: create a compute instance; by default the one that
 * spans the whole GPU instance (what `-C` and mig-parted create). The MIG device UUID comes from
 * `rng` and is a version-5 style UUID like the driver's.
 */
export function createComputeInstance(geometry: MigGeometry, state: MigState, gpuInstanceId: number, rng: Rng, computeSlices?: number): MigResult<{ state: MigState; instance: ComputeInstance }> {
  const gi = state.gpuInstances.find((g) => g.id === gpuInstanceId);
  if (!gi) return fail('NotFound', `there is no GPU instance ${gpuInstanceId}`);
  const giSlices = profileOf(geometry, gi).computeSlices;
  const size = computeSlices ?? giSlices;
  const ciProfile = computeProfilesFor(geometry, gi).find((p) => p.computeSlices === size);
  if (!ciProfile) return fail('InvalidArgument', `GPU instance ${gi.id} (${profileOf(geometry, gi).name}) has no ${size}-slice compute instance profile`);
  const used = gi.computeInstances.reduce((n, c) => n + c.computeSlices, 0);
  if (used + size > giSlices) return fail('InsufficientResources', `GPU instance ${gi.id} has ${giSlices - used} of ${giSlices} compute slices free; a ${size}-slice compute instance does not fit`);
  const start = computeStarts(giSlices, size).find((s) => !gi.computeInstances.some((c) => overlaps(s, size, c.start, c.computeSlices)));
  if (start === undefined) return fail('InsufficientResources', `GPU instance ${gi.id} has no free ${size}-slice compute placement`);
  const usedIds = new Set(gi.computeInstances.map((c) => c.id));
  let id = 0;
  while (usedIds.has(id)) id++;
  const instance: ComputeInstance = { id, profileId: ciProfile.id, computeSlices: size, start, uuid: `MIG-${migUuid(rng)}` };
  const updated: GpuInstance = { ...gi, computeInstances: sortById([...gi.computeInstances, instance]) };
  return ok({ state: { ...state, gpuInstances: state.gpuInstances.map((g) => (g.id === gi.id ? updated : g)) }, instance });
}

/** `nvidia-smi mig -dci -ci <id> -gi <id>`. */
export function destroyComputeInstance(state: MigState, gpuInstanceId: number, computeInstanceId: number): MigResult<MigState> {
  const gi = state.gpuInstances.find((g) => g.id === gpuInstanceId);
  if (!gi) return fail('NotFound', `there is no GPU instance ${gpuInstanceId}`);
  if (!gi.computeInstances.some((c) => c.id === computeInstanceId)) return fail('NotFound', `GPU instance ${gpuInstanceId} has no compute instance ${computeInstanceId}`);
  const updated: GpuInstance = { ...gi, computeInstances: gi.computeInstances.filter((c) => c.id !== computeInstanceId) };
  return ok({ ...state, gpuInstances: state.gpuInstances.map((g) => (g.id === gi.id ? updated : g)) });
}

/** `nvidia-smi -mig 0|1`: the mode changes only while no GPU instances exist. */
export function setMigMode(state: MigState, enabled: boolean): MigResult<MigState> {
  if (state.enabled === enabled) return ok(state);
  if (state.gpuInstances.length) return fail('InUse', `the GPU still has GPU instances ${state.gpuInstances.map((g) => g.id).join(', ')}; destroy them before disabling MIG`);
  return ok({ enabled, gpuInstances: [] });
}

function sortById<T extends { id: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.id - b.id);
}

/** A version-5 style UUID (the driver derives MIG UUIDs by name, so their version nibble is 5). */
function migUuid(rng: Rng): string {
  const u = rng.uuid();
  return `${u.slice(0, 14)}5${u.slice(15)}`;
}

function describeSlices(slices: readonly number[]): string {
  return slices.length ? `{${slices.join(',')}}` : 'none';
}

function describeStarts(profile: MigProfile): string {
  return `{${profile.placements.join(',')}}`;
}

/**
 * Fragmentation: free memory slices that no profile can use any more, given where the existing
 * instances sit and how many compute slices are left. A GPU is fragmented when such slices exist
 * even though the same free capacity, packed differently, would hold another instance.
 */
export interface FragmentationReport {
  readonly freeMemorySlices: readonly number[];
  readonly freeComputeSlices: number;
  /** Profiles that can still be created, each with the starts it could take now. */
  readonly placeable: readonly { readonly profile: string; readonly starts: readonly number[] }[];
  /** Free memory slices not covered by any placement still possible: capacity lost to layout. */
  readonly unusableSlices: readonly number[];
}

export function fragmentation(geometry: MigGeometry, state: MigState): FragmentationReport {
  const free = freeMemorySlices(geometry, state);
  const placeable = geometry.profiles
    .map((p) => ({ profile: p, starts: p.placements.filter((s) => canPlace(geometry, state, p, s)) }))
    .filter((x) => x.starts.length > 0);
  const coverable = new Set(placeable.flatMap((x) => x.starts.flatMap((s) => rangeOf(s, x.profile.memorySlices))));
  return {
    freeMemorySlices: free,
    freeComputeSlices: geometry.computeSlices - usedComputeSlices(geometry, state),
    placeable: placeable.map((x) => ({ profile: x.profile.name, starts: x.starts })),
    unusableSlices: free.filter((s) => !coverable.has(s)),
  };
}

/** A MIG device as CUDA and the device plugin see it: one compute instance. */
export interface MigDevice {
  /** The `MIG Dev` index nvidia-smi prints: position in (GPU instance ID, compute instance ID) order. */
  readonly index: number;
  readonly gpuInstance: GpuInstance;
  readonly computeInstance: ComputeInstance;
  readonly gpuInstanceProfile: MigProfile;
  /**
   * The MIG device's profile name: the GPU instance profile when the compute instance spans it
   * (`3g.20gb`), else `<c>c.<profile>` (`1c.3g.20gb`), as go-nvlib names it.
   */
  readonly name: string;
  readonly multiprocessors: number;
}

export function migDevices(geometry: MigGeometry, state: MigState): MigDevice[] {
  const out: MigDevice[] = [];
  for (const gi of state.gpuInstances) {
    const profile = profileOf(geometry, gi);
    for (const ci of gi.computeInstances) {
      const full = ci.computeSlices === profile.computeSlices;
      out.push({
        index: out.length,
        gpuInstance: gi,
        computeInstance: ci,
        gpuInstanceProfile: profile,
        name: full ? profile.name : `${ci.computeSlices}c.${profile.name}`,
        multiprocessors: full ? profile.multiprocessors : (profile.multiprocessors / profile.computeSlices) * ci.computeSlices,
      });
    }
  }
  return out;
}
