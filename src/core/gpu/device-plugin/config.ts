import { yamlLibrary } from '../../deferred/registry';

/**
 * The NVIDIA device plugin's config file (NVIDIA/k8s-device-plugin api/config/v1), the content of
 * the ConfigMap a node selects with `nvidia.com/device-plugin.config`:
 *
 *     version: v1
 *     flags:
 *       migStrategy: none | single | mixed
 *     sharing:
 *       timeSlicing:                 # or mps: (same schema; the two are exclusive)
 *         renameByDefault: false
 *         failRequestsGreaterThanOne: false
 *         resources:
 *         - name: nvidia.com/gpu
 *           replicas: 4
 *
 * Error wording follows the upstream unmarshalers where they have one.
 */
export type MigStrategy = 'none' | 'single' | 'mixed';
export type SharingStrategy = 'none' | 'time-slicing' | 'mps';

export interface ReplicatedResource {
  readonly name: string;
  readonly replicas: number;
}

export interface ReplicatedResources {
  readonly renameByDefault: boolean;
  readonly failRequestsGreaterThanOne: boolean;
  readonly resources: readonly ReplicatedResource[];
}

export interface DevicePluginConfig {
  readonly migStrategy: MigStrategy;
  readonly timeSlicing?: ReplicatedResources;
  readonly mps?: ReplicatedResources;
  /** Warnings the plugin logs for settings it ignores. */
  readonly warnings: readonly string[];
}

/** The plugin's defaults when no config file is given: migStrategy none, no sharing. */
export const DEFAULT_DEVICE_PLUGIN_CONFIG: DevicePluginConfig = { migStrategy: 'none', warnings: [] };

export type ConfigResult = { readonly ok: true; readonly value: DevicePluginConfig } | { readonly ok: false; readonly error: string };

/** The active sharing strategy: MPS when it replicates anything, else time-slicing (sharing.go). */
export function sharingStrategy(config: DevicePluginConfig): SharingStrategy {
  if (config.mps && isReplicated(config.mps)) return 'mps';
  if (config.timeSlicing && isReplicated(config.timeSlicing)) return 'time-slicing';
  return 'none';
}

function isReplicated(r: ReplicatedResources): boolean {
  return r.resources.some((x) => x.replicas > 1);
}

/** The replicated resources of the active strategy, if any. */
export function activeSharing(config: DevicePluginConfig): ReplicatedResources | undefined {
  const s = sharingStrategy(config);
  return s === 'mps' ? config.mps : s === 'time-slicing' ? config.timeSlicing : undefined;
}

const MIG_STRATEGIES: readonly MigStrategy[] = ['none', 'single', 'mixed'];

export function parseDevicePluginConfig(text: string): ConfigResult {
  const { parse } = yamlLibrary();
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, error: `unable to parse config file: error parsing config file: unmarshal error: ${(e as Error).message}` };
  }
  try {
    return { ok: true, value: toConfig(doc ?? {}) };
  } catch (e) {
    return { ok: false, error: `unable to parse config file: ${(e as Error).message}` };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toConfig(doc: unknown): DevicePluginConfig {
  if (!isRecord(doc)) throw new Error('error parsing config file: unmarshal error: the config is a mapping');
  const version = doc.version ?? 'v1';
  if (version !== 'v1') throw new Error(`error parsing config file: unknown version: ${String(version)}`);
  const flags = isRecord(doc.flags) ? doc.flags : {};
  const migStrategy = (flags.migStrategy ?? 'none') as MigStrategy;
  if (!MIG_STRATEGIES.includes(migStrategy)) throw new Error(`invalid --mig-strategy option: ${String(migStrategy)}`);
  const warnings: string[] = [];
  const sharing = isRecord(doc.sharing) ? doc.sharing : {};
  const timeSlicing = sharing.timeSlicing === undefined ? undefined : toReplicated(sharing.timeSlicing, 'timeSlicing', false, warnings);
  // MPS keeps its historical behaviour unless the file says otherwise: requests > 1 fail (config.go).
  const mps = sharing.mps === undefined ? undefined : toReplicated(sharing.mps, 'mps', true, warnings);
  if (timeSlicing && mps && isReplicated(timeSlicing) && isReplicated(mps)) {
    throw new Error('sharing: timeSlicing and mps cannot both replicate resources; choose one sharing strategy');
  }
  const config: DevicePluginConfig = { migStrategy, ...(timeSlicing ? { timeSlicing } : {}), ...(mps ? { mps } : {}), warnings };
  if (sharingStrategy(config) === 'mps' && migStrategy === 'mixed') throw new Error('using --mig-strategy=mixed is not supported with MPS');
  return config;
}

function toReplicated(raw: unknown, key: string, failByDefault: boolean, warnings: string[]): ReplicatedResources {
  if (!isRecord(raw)) throw new Error(`error parsing config file: unmarshal error: sharing.${key} is a mapping`);
  const list = raw.resources ?? [];
  if (!Array.isArray(list)) throw new Error(`error parsing config file: unmarshal error: sharing.${key}.resources is a list`);
  const resources = list.map((r, i) => toResource(r, `sharing.${key}.resources[${i}]`, warnings));
  const fail = raw.failRequestsGreaterThanOne;
  return {
    renameByDefault: raw.renameByDefault === true,
    failRequestsGreaterThanOne: fail === undefined ? failByDefault : fail === true,
    resources,
  };
}

function toResource(raw: unknown, where: string, warnings: string[]): ReplicatedResource {
  if (!isRecord(raw)) throw new Error(`error parsing config file: unmarshal error: ${where} is a mapping`);
  if (raw.name === undefined) throw new Error('error parsing config file: unmarshal error: no resource name specified');
  const name = String(raw.name);
  if (!/^nvidia\.com\/(gpu|mig-[0-9]+(c\.[0-9]+)?g\.[0-9]+gb(\.me)?)$/.test(name)) {
    throw new Error(`error parsing config file: unmarshal error: ${where}.name: incorrect format for resource name '${name}' (want nvidia.com/gpu or nvidia.com/mig-<profile>)`);
  }
  if (raw.replicas === undefined) throw new Error('error parsing config file: unmarshal error: no replicas specified');
  const replicas = raw.replicas;
  if (!Number.isInteger(replicas)) throw new Error(`error parsing config file: unmarshal error: ${where}.replicas must be a whole number`);
  // The upstream check is `replicas <= 0` with this (off-by-one) message; we keep its words.
  if ((replicas as number) <= 0) throw new Error('error parsing config file: unmarshal error: number of replicas must be >= 0');
  if (raw.rename !== undefined) warnings.push("Customizing the 'rename' field is not yet supported in the config. Ignoring...");
  if (raw.devices !== undefined && raw.devices !== 'all') warnings.push("Customizing the 'devices' field is not yet supported in the config. Ignoring...");
  return { name, replicas: replicas as number };
}
