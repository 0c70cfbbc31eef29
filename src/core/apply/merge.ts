import { deepClone } from '../api/clone';

/**
 * kubectl's client-side apply merge: a three-way merge of the last applied configuration, the
 * new configuration and the live object. Fields the user removed since the last apply are
 * removed; fields set by others (defaults, controllers) are kept; lists of named items merge by
 * their merge key (the patchMergeKey of the Kubernetes types) instead of being replaced.
 */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  // Container ports merge by containerPort; Service ports by port.
  ports: 'containerPort|port',
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

export function threeWayMerge(last: Json | undefined, desired: Json, live: Json): Json {
  return mergeObject(last ?? {}, desired, deepClone(live));
}

function mergeObject(last: Json, desired: Json, live: Json): Json {
  for (const key of Object.keys(last)) {
    if (!(key in desired)) delete live[key];
  }
  for (const [key, value] of Object.entries(desired)) {
    if (value === null) {
      delete live[key];
      continue;
    }
    const liveValue = live[key];
    const lastValue = last[key];
    if (isObject(value) && isObject(liveValue)) {
      live[key] = mergeObject(isObject(lastValue) ? lastValue : {}, value, liveValue);
    } else if (Array.isArray(value) && Array.isArray(liveValue) && MERGE_KEYS[key]) {
      live[key] = mergeList(MERGE_KEYS[key]!, Array.isArray(lastValue) ? lastValue : [], value, liveValue);
    } else {
      live[key] = deepClone(value);
    }
  }
  return live;
}

function mergeList(keySpec: string, last: unknown[], desired: unknown[], live: unknown[]): unknown[] {
  const keyOf = (item: unknown): string | undefined => {
    if (!isObject(item)) return undefined;
    for (const k of keySpec.split('|')) if (item[k] !== undefined) return `${k}=${String(item[k])}`;
    return undefined;
  };
  if (![...desired, ...live].every((i) => keyOf(i) !== undefined)) return deepClone(desired);
  const liveByKey = new Map(live.map((i) => [keyOf(i)!, i as Json]));
  const lastByKey = new Map(last.filter(isObject).map((i) => [keyOf(i), i as Json]));
  const desiredKeys = new Set(desired.map((i) => keyOf(i)!));
  // Desired items in their order, each merged with its live counterpart.
  const out: unknown[] = desired.map((item) => {
    const k = keyOf(item)!;
    const liveItem = liveByKey.get(k);
    return liveItem ? mergeObject(lastByKey.get(k) ?? {}, item as Json, deepClone(liveItem)) : deepClone(item);
  });
  // Live items the user never applied (added by the system) are kept; ones they removed go.
  for (const item of live) {
    const k = keyOf(item)!;
    if (!desiredKeys.has(k) && !lastByKey.has(k)) out.push(deepClone(item));
  }
  return out;
}

/** JSON with keys sorted at every level, as kubectl writes last-applied-configuration. */
export function sortedJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]);
  return out;
}
