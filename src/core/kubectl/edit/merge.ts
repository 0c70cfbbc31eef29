import { deepClone, deepEqual } from '../../api/clone';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isMap = (v: unknown): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Carry what changed between `original` and `edited` over to `live`, as the two-way merge patch
 * `kubectl edit` sends: keys the user removed are removed, changed values are set, maps are
 * merged key by key, and a list that changed is replaced whole (the strategic merge of lists by
 * key is not modelled; the live list is the one the user saw unless someone changed it meanwhile).
 */
export function applyEditedChanges(live: Record<string, unknown>, original: Record<string, unknown>, edited: Record<string, unknown>): void {
  for (const key of Object.keys(original)) {
    if (!(key in edited)) delete live[key];
  }
  for (const [key, value] of Object.entries(edited)) {
    const before = original[key];
    if (deepEqual(before, value)) continue;
    const current = live[key];
    if (isMap(value) && isMap(before) && isMap(current)) applyEditedChanges(current, before, value);
    else live[key] = deepClone(value);
  }
}
