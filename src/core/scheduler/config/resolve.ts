import { duplicate, type FieldError, invalid, required } from '../../api/field-errors';
import { type ExtensionPoint, extensionPointsOf, type PluginContext, REGISTRY } from '../registry';
import { ARGS_VALIDATORS } from './args-validation';
import {
  DEFAULT_MULTI_POINT,
  DEFAULT_PERCENTAGE_OF_NODES_TO_SCORE,
  DEFAULT_PLUGIN_ARGS,
  DEFAULT_POD_INITIAL_BACKOFF_SECONDS,
  DEFAULT_POD_MAX_BACKOFF_SECONDS,
  DEFAULT_SCHEDULER_NAME,
} from './defaults';
import type { KubeSchedulerConfiguration, KubeSchedulerProfile, PluginRef, PluginSet, Plugins } from './types';

/** A profile after defaulting and MultiPoint expansion: which plugins run where, with what weight and args. */
export interface ResolvedProfile {
  readonly schedulerName: string;
  readonly percentageOfNodesToScore: number | undefined;
  /** Plugin names per extension point, in the order they run. */
  readonly points: Readonly<Record<ExtensionPoint, readonly string[]>>;
  readonly scoreWeights: ReadonlyMap<string, number>;
  readonly args: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

export interface ResolvedConfig {
  readonly percentageOfNodesToScore: number;
  readonly podInitialBackoffMs: number;
  readonly podMaxBackoffMs: number;
  readonly profiles: readonly ResolvedProfile[];
}

/** The Go type names upstream uses in "… does not exist" errors. */
const POINT_TYPE: Record<ExtensionPoint, string> = {
  preEnqueue: 'PreEnqueuePlugin',
  queueSort: 'QueueSortPlugin',
  preFilter: 'PreFilterPlugin',
  filter: 'FilterPlugin',
  postFilter: 'PostFilterPlugin',
  preScore: 'PreScorePlugin',
  score: 'ScorePlugin',
  reserve: 'ReservePlugin',
  permit: 'PermitPlugin',
  preBind: 'PreBindPlugin',
  bind: 'BindPlugin',
  postBind: 'PostBindPlugin',
};
const POINTS = Object.keys(POINT_TYPE) as ExtensionPoint[];

/** A context for building plugins only to see which extension points they implement: never used. */
const inert = <T extends object>(): T =>
  new Proxy({} as T, {
    get() {
      throw new Error('plugin context used while resolving the configuration');
    },
  });
const INERT_CONTEXT: PluginContext = { handle: inert(), preemption: inert() };

const implemented = new Map<string, readonly ExtensionPoint[]>();
function pointsOf(name: string): readonly ExtensionPoint[] {
  let points = implemented.get(name);
  if (!points) implemented.set(name, (points = extensionPointsOf(REGISTRY[name]!(DEFAULT_PLUGIN_ARGS[name] ?? {}, INERT_CONTEXT))));
  return points;
}

/**
 * mergePluginSet (v1 defaults): the user's disabled plugins (or `*`) remove defaults; a default
 * plugin the user enables again is replaced in place (keeping its position, taking the new
 * weight); the other enabled plugins are appended.
 */
function mergePluginSet(defaults: PluginSet, custom: PluginSet | undefined): { enabled: PluginRef[]; disabled: string[] } {
  const disabled = [...(custom?.disabled ?? []), ...(defaults.disabled ?? [])].map((p) => p.name);
  const customEnabled = custom?.enabled ?? [];
  const replaced = new Set<number>();
  const enabled: PluginRef[] = [];
  if (!disabled.includes('*')) {
    for (const d of defaults.enabled ?? []) {
      if (disabled.includes(d.name)) continue;
      const i = customEnabled.findIndex((c) => c.name === d.name);
      if (i >= 0) replaced.add(i);
      enabled.push(i >= 0 ? customEnabled[i]! : d);
    }
  }
  customEnabled.forEach((c, i) => {
    if (!replaced.has(i)) enabled.push(c);
  });
  return { enabled, disabled };
}

function resolveProfile(profile: KubeSchedulerProfile, path: string, errs: FieldError[]): ResolvedProfile {
  const plugins: Plugins = profile.plugins ?? {};
  const multiPoint = mergePluginSet({ enabled: DEFAULT_MULTI_POINT }, plugins.multiPoint);
  const points = {} as Record<ExtensionPoint, string[]>;
  const scoreWeights = new Map<string, number>();
  const known = (name: string, at: string, point: ExtensionPoint): boolean => {
    if (REGISTRY[name]) return true;
    errs.push(invalid(at, name, `${POINT_TYPE[point]} ${JSON.stringify(name)} does not exist`));
    return false;
  };
  multiPoint.enabled.forEach((p, i) => known(p.name, `${path}.plugins.multiPoint.enabled[${i}].name`, 'filter'));

  for (const point of POINTS) {
    const set = mergePluginSet({}, plugins[point]);
    const explicit: string[] = [];
    set.enabled.forEach((p, i) => {
      const at = `${path}.plugins.${point}.enabled[${i}].name`;
      if (!known(p.name, at, point)) return;
      if (!pointsOf(p.name).includes(point)) {
        errs.push(invalid(at, p.name, `plugin ${JSON.stringify(p.name)} does not extend ${point} plugin`));
        return;
      }
      explicit.push(p.name);
      if (point === 'score') scoreWeights.set(p.name, p.weight || 1);
    });
    if (set.disabled.includes('*')) {
      points[point] = explicit;
      continue;
    }
    // expandMultiPointPlugins: explicit settings override, then MultiPoint plugins, then the other explicit ones.
    const overrides: string[] = [];
    const fromMultiPoint: string[] = [];
    for (const p of multiPoint.enabled) {
      if (!REGISTRY[p.name] || !pointsOf(p.name).includes(point) || set.disabled.includes(p.name)) continue;
      if (explicit.includes(p.name)) {
        overrides.push(p.name);
        continue;
      }
      if (fromMultiPoint.includes(p.name)) {
        errs.push(invalid(`${path}.plugins.multiPoint.enabled`, p.name, `plugin ${JSON.stringify(p.name)} already registered as ${JSON.stringify(POINT_TYPE[point])}`));
        continue;
      }
      fromMultiPoint.push(p.name);
      if (point === 'score' && !scoreWeights.has(p.name)) scoreWeights.set(p.name, p.weight || 1);
    }
    const ordered = explicit.filter((n) => overrides.includes(n));
    points[point] = [...ordered, ...fromMultiPoint, ...explicit.filter((n) => !overrides.includes(n))];
  }
  if (points.queueSort.length === 0) errs.push(invalid(`${path}.plugins.queueSort`, points.queueSort, 'no queue sort plugin is enabled'));
  if (points.queueSort.length > 1) errs.push(invalid(`${path}.plugins.queueSort`, points.queueSort, 'only one queue sort plugin can be enabled'));
  if (points.bind.length === 0) errs.push(invalid(`${path}.plugins.bind`, points.bind, 'at least one bind plugin is needed'));

  const args = new Map<string, Readonly<Record<string, unknown>>>();
  for (const [name, defaults] of Object.entries(DEFAULT_PLUGIN_ARGS)) args.set(name, defaults);
  const seen = new Set<string>();
  (profile.pluginConfig ?? []).forEach((pc, i) => {
    const at = `${path}.pluginConfig[${i}]`;
    if (seen.has(pc.name)) errs.push(duplicate(`${at}.name`, pc.name));
    seen.add(pc.name);
    if (!REGISTRY[pc.name]) {
      errs.push(invalid(`${at}.name`, pc.name, `plugin ${JSON.stringify(pc.name)} does not exist`));
      return;
    }
    const merged = { ...(DEFAULT_PLUGIN_ARGS[pc.name] ?? {}), ...(pc.args ?? {}) };
    const validate = ARGS_VALIDATORS[pc.name];
    if (validate) errs.push(...validate(merged, `${at}.args`));
    args.set(pc.name, merged);
  });

  const pct = profile.percentageOfNodesToScore;
  if (pct !== undefined && (pct < 0 || pct > 100)) errs.push(invalid(`${path}.percentageOfNodesToScore`, pct, 'not in valid range [0-100]'));
  return { schedulerName: profile.schedulerName ?? '', percentageOfNodesToScore: pct, points, scoreWeights, args };
}

/**
 * Default and check a KubeSchedulerConfiguration (SetDefaults_KubeSchedulerConfiguration +
 * ValidateKubeSchedulerConfiguration + the framework's plugin checks). No document means the
 * default configuration: one `default-scheduler` profile with the default plugins.
 */
export function resolveConfig(doc: KubeSchedulerConfiguration | undefined): { config: ResolvedConfig; errors: FieldError[] } {
  const errs: FieldError[] = [];
  const pct = doc?.percentageOfNodesToScore ?? DEFAULT_PERCENTAGE_OF_NODES_TO_SCORE;
  if (pct < 0 || pct > 100) errs.push(invalid('percentageOfNodesToScore', pct, 'not in valid range [0-100]'));
  const initial = doc?.podInitialBackoffSeconds ?? DEFAULT_POD_INITIAL_BACKOFF_SECONDS;
  const max = doc?.podMaxBackoffSeconds ?? DEFAULT_POD_MAX_BACKOFF_SECONDS;
  if (initial <= 0) errs.push(invalid('podInitialBackoffSeconds', initial, 'must be greater than 0'));
  if (max < initial) errs.push(invalid('podMaxBackoffSeconds', max, 'must be greater than or equal to PodInitialBackoffSeconds'));

  const sources = doc?.profiles?.length ? doc.profiles : [{ schedulerName: DEFAULT_SCHEDULER_NAME }];
  const names = new Set<string>();
  const profiles = sources.map((p, i) => {
    const path = `profiles[${i}]`;
    // v1 defaulting names a lone profile `default-scheduler`; with several, each must name itself.
    const withName = sources.length === 1 && !p.schedulerName ? { ...p, schedulerName: DEFAULT_SCHEDULER_NAME } : p;
    if (!withName.schedulerName) errs.push(required(`${path}.schedulerName`, ''));
    else if (names.has(withName.schedulerName)) errs.push(duplicate(`${path}.schedulerName`, withName.schedulerName));
    names.add(withName.schedulerName ?? '');
    return resolveProfile(withName, path, errs);
  });
  const sort = profiles[0]?.points.queueSort.join(',');
  profiles.forEach((p, i) => {
    if (i > 0 && p.points.queueSort.join(',') !== sort) errs.push(invalid(`profiles[${i}].plugins.queueSort`, p.points.queueSort, 'must be the same for all profiles'));
  });
  return {
    config: { percentageOfNodesToScore: pct, podInitialBackoffMs: initial * 1000, podMaxBackoffMs: max * 1000, profiles },
    errors: errs,
  };
}
