/** A deep copy of a JSON-shaped value: faster than structuredClone for API objects. */
export function deepClone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepClone(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = deepClone(v);
  }
  return out as T;
}

/** Freeze a JSON-shaped value all the way down, so that stored objects cannot be edited in place. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

/** Structural equality of two JSON-shaped values (key order does not matter). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // Keys whose value is undefined do not count; counted without building key lists.
  let count = 0;
  for (const k in ao) {
    const v = ao[k];
    if (v === undefined || !Object.prototype.hasOwnProperty.call(ao, k)) continue;
    if (!deepEqual(v, bo[k])) return false;
    count++;
  }
  for (const k in bo) if (bo[k] !== undefined && Object.prototype.hasOwnProperty.call(bo, k)) count--;
  return count === 0;
}

/**
 * `next` with every subtree that equals the same place in `prev` replaced by `prev`'s (frozen,
 * shared) one; `prev` itself when the two are equal. Versions of a stored object then share
 * what did not change, so freezing the new version and comparing the two stay cheap, and an
 * unchanged part (labels, spec) keeps its identity across writes.
 */
export function structuralShare<T>(next: T, prev: unknown): T {
  if (next === prev) return next;
  if (next === null || prev === null || typeof next !== 'object' || typeof prev !== 'object') return next;
  // A frozen subtree (already stored elsewhere) is compared, never rewritten.
  if (Object.isFrozen(next)) return deepEqual(next, prev) ? (prev as T) : next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = next.length === prev.length;
    for (let i = 0; i < next.length; i++) {
      const v = structuralShare(next[i], prev[i]);
      if (v !== next[i]) (next as unknown[])[i] = v;
      if (v !== prev[i]) same = false;
    }
    return same ? (prev as T) : next;
  }
  if (Array.isArray(prev)) return next;
  const n = next as Record<string, unknown>;
  const p = prev as Record<string, unknown>;
  let same = true;
  let count = 0;
  for (const key in n) {
    const v = n[key];
    if (v === undefined) continue;
    count++;
    const shared = structuralShare(v, p[key]);
    if (shared !== v) n[key] = shared;
    if (shared !== p[key]) same = false;
  }
  if (same) for (const key in p) if (p[key] !== undefined) count--;
  return same && count === 0 ? (prev as T) : next;
}
