import { yamlLibrary } from '../../deferred/registry';

/**
 * mig-parted's configuration file (NVIDIA/mig-parted api/spec/v1/spec.go), the content of the GPU
 * Operator's MIG manager ConfigMap:
 *
 *     version: v1
 *     mig-configs:
 *       my-config:
 *         - devices: all            # or a list of GPU indices: [0, 1]
 *           device-filter: "0x20B010DE"   # optional: PCI device id(s)
 *           mig-enabled: true
 *           mig-devices: { "1g.5gb": 7 }
 *
 * Parsing follows spec.go's rules and reuses its error wording where it has one.
 */
export interface MigConfigEntry {
  /** PCI device ids the entry applies to (catalogue `pciDeviceId`); undefined means any GPU. */
  readonly deviceFilter?: readonly string[];
  readonly devices: 'all' | readonly number[];
  readonly migEnabled: boolean;
  /** Profile name → count, e.g. { '1g.5gb': 2, '2g.10gb': 1 }. */
  readonly migDevices: Readonly<Record<string, number>>;
}

export interface MigPartedConfig {
  readonly version: 'v1';
  readonly migConfigs: Readonly<Record<string, readonly MigConfigEntry[]>>;
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const PROFILE_FORMAT = /^(?:(\d+)c\.)?(\d+)g\.(\d+)gb(?:\+me)?$/;

/** A MIG profile name in mig-parted's format: `[<C>c.]<G>g.<GB>gb[+me]`. */
export function isValidProfileFormat(name: string): boolean {
  const m = PROFILE_FORMAT.exec(name);
  if (!m) return false;
  const c = m[1] === undefined ? undefined : Number(m[1]);
  const g = Number(m[2]);
  return g > 0 && Number(m[3]) > 0 && (c === undefined || (c > 0 && c <= g));
}

export function parseMigPartedConfig(text: string): ParseResult<MigPartedConfig> {
  const { parse } = yamlLibrary();
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, error: `error parsing config file: ${(e as Error).message}` };
  }
  try {
    return { ok: true, value: toConfig(doc) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toConfig(doc: unknown): MigPartedConfig {
  if (!isRecord(doc)) throw new Error('a mig-parted config is a mapping with version and mig-configs');
  if (!('version' in doc) && Object.keys(doc).length > 0) throw new Error("unable to parse with missing 'version' field");
  if (doc.version !== 'v1') throw new Error(`unknown version: ${String(doc.version ?? '')}`);
  for (const k of Object.keys(doc)) if (k !== 'version' && k !== 'mig-configs') throw new Error(`unexpected field: ${k}`);
  const configs = doc['mig-configs'];
  if (!isRecord(configs) || Object.keys(configs).length === 0) throw new Error("at least one entry in 'mig-configs' is required");
  const migConfigs: Record<string, MigConfigEntry[]> = {};
  for (const [name, entries] of Object.entries(configs)) {
    if (!Array.isArray(entries) || entries.length === 0) throw new Error(`at least one entry in '${name}' is required`);
    migConfigs[name] = entries.map((e, i) => {
      try {
        return toEntry(e);
      } catch (err) {
        throw new Error(`mig-configs.${name}[${i}]: ${(err as Error).message}`);
      }
    });
  }
  return { version: 'v1', migConfigs };
}

function toEntry(raw: unknown): MigConfigEntry {
  if (!isRecord(raw)) throw new Error('each entry is a mapping with devices, mig-enabled and mig-devices');
  for (const r of ['devices', 'mig-enabled']) if (!(r in raw)) throw new Error(`missing required field: ${r}`);
  for (const k of Object.keys(raw)) {
    if (!['device-filter', 'devices', 'mig-enabled', 'mig-devices'].includes(k)) throw new Error(`unexpected field: ${k}`);
  }
  const enabled = raw['mig-enabled'];
  if (typeof enabled !== 'boolean') throw new Error(`invalid value for 'mig-enabled': ${JSON.stringify(enabled)} (want true or false)`);
  const migDevices = toMigDevices(raw['mig-devices']);
  if (enabled && migDevices === undefined) throw new Error("missing required field 'mig-devices' when 'mig-enabled' is true");
  if (!enabled && migDevices && Object.keys(migDevices).length) throw new Error("MIG devices included when 'mig-enabled' is false");
  const filter = toDeviceFilter(raw['device-filter']);
  return { ...(filter ? { deviceFilter: filter } : {}), devices: toDevices(raw.devices), migEnabled: enabled, migDevices: migDevices ?? {} };
}

function toDevices(v: unknown): 'all' | number[] {
  if (typeof v === 'string') {
    if (v !== 'all') throw new Error(`invalid string input for 'devices': ${v}`);
    return 'all';
  }
  if (Array.isArray(v) && v.every((d) => Number.isInteger(d) && d >= 0)) return v as number[];
  throw new Error(`invalid input for 'devices': ${JSON.stringify(v)} (want "all" or a list of GPU indices)`);
}

function toDeviceFilter(v: unknown): string[] | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((d) => typeof d === 'string')) return v as string[];
  throw new Error(`invalid input for 'device-filter': ${JSON.stringify(v)} (want a PCI device id or a list of them)`);
}

function toMigDevices(v: unknown): Record<string, number> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v)) throw new Error(`error validating values in 'mig-devices' field: want a mapping of profile to count`);
  const out: Record<string, number> = {};
  for (const [profile, count] of Object.entries(v)) {
    if (!isValidProfileFormat(profile)) throw new Error(`error validating values in 'mig-devices' field: invalid format for '${profile}': want [<C>c.]<G>g.<GB>gb[+me]`);
    if (!Number.isInteger(count) || (count as number) < 0) throw new Error(`error validating values in 'mig-devices' field: invalid count for '${profile}': ${JSON.stringify(count)}`);
    out[profile] = count as number;
  }
  if (Object.keys(out).length && Object.values(out).every((c) => c === 0)) {
    throw new Error("error validating values in 'mig-devices' field: all counts for all MigProfiles are 0");
  }
  return out;
}
