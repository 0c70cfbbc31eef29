import { gpuModel } from '../catalogue';
import { MIG_GEOMETRIES, type MigGeometry } from '../mig-profiles';
import type { MigConfigEntry, MigPartedConfig } from './config';

/**
 * The MIG manager's default configuration (mig-parted's config-default.yaml), restricted to the GPUs
 * in our catalogue and built from the profile tables so the two cannot disagree:
 * - `all-disabled` and `all-enabled` (MIG on, no instances);
 * - `all-<profile>` (`+` written `.`: `all-1g.5gb.me`) with as many instances as fit. Where GPUs
 *   disagree on the count (`all-1g.10gb`: 4 on A100-40GB, 7 on 80 GB parts) the entries carry
 *   device filters, as upstream does; elsewhere they apply to every GPU, so asking a GPU for a
 *   profile it lacks fails as it does with mig-parted;
 * - `all-balanced`, the mixes in ../shared/reference/gpu.md.
 */
const BALANCED: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'A100-SXM4-40GB': { '1g.5gb': 2, '2g.10gb': 1, '3g.20gb': 1 },
  'A100-SXM4-80GB': { '1g.10gb': 2, '2g.20gb': 1, '3g.40gb': 1 },
  'H100-80GB-HBM3': { '1g.10gb': 2, '2g.20gb': 1, '3g.40gb': 1 },
  H200: { '1g.18gb': 2, '2g.35gb': 1, '3g.71gb': 1 },
  A30: { '1g.6gb': 2, '2g.12gb': 1 },
};

export function deviceFilterOf(geometry: MigGeometry): string[] {
  return geometry.modelIds.map((id) => gpuModel(id)!.pciDeviceId);
}

/** The config name mig-parted uses for a profile: `all-` and the name with `+` written `.`. */
export function allProfileConfigName(profile: string): string {
  return `all-${profile.replace(/\+/g, '.')}`;
}

function allProfileEntries(profile: string): MigConfigEntry[] {
  const holders = MIG_GEOMETRIES.filter((g) => g.profiles.some((p) => p.name === profile));
  const countOn = (g: MigGeometry) => g.profiles.find((p) => p.name === profile)!.maxInstances;
  const counts = new Set(holders.map(countOn));
  if (counts.size === 1) return [{ devices: 'all', migEnabled: true, migDevices: { [profile]: countOn(holders[0]!) } }];
  return holders.map((g) => ({ deviceFilter: deviceFilterOf(g), devices: 'all', migEnabled: true, migDevices: { [profile]: countOn(g) } }));
}

function buildDefaults(): MigPartedConfig {
  const migConfigs: Record<string, readonly MigConfigEntry[]> = {
    'all-disabled': [{ devices: 'all', migEnabled: false, migDevices: {} }],
    'all-enabled': [{ devices: 'all', migEnabled: true, migDevices: {} }],
  };
  const names = [...new Set(MIG_GEOMETRIES.flatMap((g) => g.profiles.map((p) => p.name)))];
  for (const name of names) migConfigs[allProfileConfigName(name)] = allProfileEntries(name);
  migConfigs['all-balanced'] = MIG_GEOMETRIES.map((g) => {
    const mix = g.modelIds.map((id) => BALANCED[id]).find((m) => m !== undefined);
    if (!mix) throw new Error(`no all-balanced mix for ${g.modelIds.join(', ')}`);
    return { deviceFilter: deviceFilterOf(g), devices: 'all', migEnabled: true, migDevices: mix };
  });
  return { version: 'v1', migConfigs };
}

export const DEFAULT_MIG_CONFIG: MigPartedConfig = buildDefaults();

/** The label value the GPU Operator starts a node with: `nvidia.com/mig.config=all-disabled`. */
export const DEFAULT_MIG_CONFIG_NAME = 'all-disabled';
