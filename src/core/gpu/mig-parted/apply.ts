import type { Rng } from '../../engine/rng';
import type { GpuModel } from '../catalogue';
import { createComputeInstance, createGpuInstance, migDevices, MIG_DISABLED, MIG_ENABLED_EMPTY, type MigState } from '../mig-geometry';
import { migGeometry, profileByName, type MigGeometry, type MigProfile } from '../mig-profiles';
import type { MigConfigEntry, MigPartedConfig, ParseResult } from './config';

/**
 * What `nvidia-mig-parted apply -c <name>` does to a node's GPUs, as pure functions: select the
 * config's entry for each GPU, then lay the requested instances out the way mig-parted does.
 */
export interface GpuToConfigure {
  readonly index: number;
  readonly model: GpuModel;
  readonly mig: MigState;
}

/** The desired MIG mode and devices for one GPU; GPUs no entry selects are left as they are. */
export interface GpuMigPlan {
  readonly index: number;
  readonly migEnabled: boolean;
  readonly migDevices: Readonly<Record<string, number>>;
}

function selects(entry: MigConfigEntry, gpu: GpuToConfigure): boolean {
  const byIndex = entry.devices === 'all' || entry.devices.includes(gpu.index);
  const byFilter = !entry.deviceFilter || entry.deviceFilter.some((f) => f.toUpperCase() === gpu.model.pciDeviceId.toUpperCase());
  return byIndex && byFilter;
}

/**
 * The plan for each GPU. mig-parted walks the entries in order and applies each to the GPUs it
 * selects, so when entries overlap the last one wins. A GPU asked for a profile it does not have,
 * or a MIG-incapable GPU asked to enable MIG, fails the whole config, as with mig-parted.
 */
export function planMigConfig(config: MigPartedConfig, name: string, gpus: readonly GpuToConfigure[]): ParseResult<GpuMigPlan[]> {
  const entries = config.migConfigs[name];
  if (!entries) return { ok: false, error: `unknown MIG config '${name}'; known configs: ${Object.keys(config.migConfigs).sort().join(', ')}` };
  const plans: GpuMigPlan[] = [];
  for (const gpu of gpus) {
    const entry = entries.filter((e) => selects(e, gpu)).at(-1);
    if (!entry) continue;
    const geometry = migGeometry(gpu.model.id);
    if (entry.migEnabled && !geometry) return { ok: false, error: `GPU ${gpu.index} (${gpu.model.name}) is not MIG capable; config '${name}' enables MIG on it` };
    if (geometry) {
      const unknown = Object.keys(entry.migDevices).filter((p) => entry.migDevices[p]! > 0 && !resolveProfile(geometry, p));
      if (unknown.length) return { ok: false, error: `GPU ${gpu.index} (${gpu.model.name}) does not support MIG profile ${unknown.map((p) => `'${p}'`).join(', ')}; it offers ${geometry.profiles.map((p) => p.name).join(', ')}` };
    }
    plans.push({ index: gpu.index, migEnabled: entry.migEnabled, migDevices: entry.migDevices });
  }
  return { ok: true, value: plans };
}

/** A mig-devices key names a GPU instance profile, optionally with a compute size (`1c.2g.10gb`). */
function resolveProfile(geometry: MigGeometry, key: string): { profile: MigProfile; computeSlices: number } | undefined {
  const m = /^(?:(\d+)c\.)?(.+)$/.exec(key)!;
  const profile = profileByName(geometry, m[2]!);
  if (!profile) return undefined;
  const c = m[1] === undefined ? profile.computeSlices : Number(m[1]);
  return c <= profile.computeSlices ? { profile, computeSlices: c } : undefined;
}

/** The MIG devices a GPU has now, counted by profile name (what mig-parted compares against). */
export function currentMigDevicesConfig(geometry: MigGeometry, state: MigState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of migDevices(geometry, state)) counts[d.name] = (counts[d.name] ?? 0) + 1;
  return counts;
}

function sameCounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
}

/** Whether a GPU already has the planned layout: mig-parted then changes nothing. */
export function isApplied(model: GpuModel, state: MigState, plan: GpuMigPlan): boolean {
  if (state.enabled !== plan.migEnabled) return false;
  if (!plan.migEnabled) return true;
  const geometry = migGeometry(model.id);
  return geometry !== undefined && sameCounts(currentMigDevicesConfig(geometry, state), plan.migDevices);
}

/**
 * mig-parted's device order: largest GPU instances first, then larger compute instances
 * (pkg/types MigConfig.Flatten), one entry per instance.
 */
function flatten(geometry: MigGeometry, migDevicesWanted: Readonly<Record<string, number>>): { key: string; profile: MigProfile; computeSlices: number }[] {
  const list = Object.entries(migDevicesWanted).flatMap(([key, n]) => {
    const r = resolveProfile(geometry, key)!;
    return Array.from({ length: n }, () => ({ key, ...r }));
  });
  return list.sort((a, b) => b.profile.computeSlices - a.profile.computeSlices || b.computeSlices - a.computeSlices || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Distinct orderings of a list with repeats, in lexicographic order of first appearance. */
function* uniquePermutations<T>(items: readonly T[], identity: (item: T) => string): Generator<T[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const head = items[i]!;
    if (seen.has(identity(head))) continue;
    seen.add(identity(head));
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of uniquePermutations(rest, identity)) yield [head, ...tail];
  }
}

/**
 * Lay out `migDevicesWanted` on an empty MIG-enabled GPU as mig-parted does: create the instances
 * in Flatten order with the driver's default placements; if one does not fit, start over with the
 * next ordering (mig-parted iterates permutations until one succeeds). Each GPU instance gets
 * compute instances of the requested size until it is full, as `1c.3g.20gb: 3` asks.
 */
export function layOut(geometry: MigGeometry, migDevicesWanted: Readonly<Record<string, number>>, rng: Rng): ParseResult<MigState> {
  const wanted = flatten(geometry, migDevicesWanted);
  const perGi = groupByGpuInstance(wanted);
  for (const order of uniquePermutations(perGi, (g) => `${g.key}×${g.count}`)) {
    let state: MigState = MIG_ENABLED_EMPTY;
    let fits = true;
    for (const item of order) {
      const gi = createGpuInstance(geometry, state, item.profile);
      if (!gi.ok) {
        fits = false;
        break;
      }
      state = gi.value.state;
      for (let c = 0; c < item.count; c++) {
        const ci = createComputeInstance(geometry, state, gi.value.instance.id, rng, item.computeSlices);
        if (!ci.ok) return { ok: false, error: `cannot create ${item.key}: ${ci.error.reason}` };
        state = ci.value.state;
      }
    }
    if (fits) return { ok: true, value: state };
  }
  const asked = Object.entries(migDevicesWanted).filter(([, n]) => n > 0).map(([k, n]) => `${k}: ${n}`).join(', ');
  return { ok: false, error: `no placement of {${asked}} fits on one ${geometry.modelIds[0]} GPU (${geometry.memorySlices} memory slices, ${geometry.computeSlices} compute slices)` };
}

/**
 * Compute-instance profiles (`1c.2g.10gb`) share their GPU instance: `1c.2g.10gb: 2` is one 2g
 * GPU instance holding two 1c compute instances. Whole-GPU-instance profiles are one each.
 */
function groupByGpuInstance(wanted: ReturnType<typeof flatten>): { key: string; profile: MigProfile; computeSlices: number; count: number }[] {
  const out: { key: string; profile: MigProfile; computeSlices: number; count: number }[] = [];
  for (const w of wanted) {
    const perInstance = Math.floor(w.profile.computeSlices / w.computeSlices);
    const open = out.find((o) => o.key === w.key && o.count < perInstance);
    if (open) open.count++;
    else out.push({ ...w, count: 1 });
  }
  return out;
}

/** Apply one GPU's plan: unchanged if already applied, otherwise a fresh layout. */
export function applyMigPlan(model: GpuModel, state: MigState, plan: GpuMigPlan, rng: Rng): ParseResult<MigState> {
  if (isApplied(model, state, plan)) return { ok: true, value: state };
  if (!plan.migEnabled) return { ok: true, value: MIG_DISABLED };
  const geometry = migGeometry(model.id);
  if (!geometry) return { ok: false, error: `GPU ${model.name} is not MIG capable` };
  return layOut(geometry, plan.migDevices, rng);
}
