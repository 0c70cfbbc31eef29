/**
 * Local persistence that never loses work: localStorage when it works, memory when storage is
 * full or blocked (private mode, quotas), with a flag the UI shows as a warning.
 */
const memory = new Map<string, string>();
let storageFailed = false;
const listeners = new Set<() => void>();

/** Be told (once) when storage stops working, to warn the user that work is kept in memory only. */
export function onStorageDegraded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function fail(): void {
  if (storageFailed) return;
  storageFailed = true;
  for (const l of listeners) l();
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export function storageDegraded(): boolean {
  return storageFailed || storage() === undefined;
}

export function readText(key: string): string | undefined {
  // What this tab wrote last wins: after a failed write, storage still holds an older value.
  if (memory.has(key)) return memory.get(key);
  const s = storage();
  try {
    const v = s?.getItem(key);
    if (v !== null && v !== undefined) return v;
  } catch {
    fail();
  }
  return undefined;
}

export function writeText(key: string, value: string): void {
  memory.set(key, value);
  const s = storage();
  if (!s) return fail();
  try {
    s.setItem(key, value);
  } catch {
    // QuotaExceededError, or storage disabled by the browser's settings.
    fail();
  }
}

export interface Persisted<T> {
  get(): T;
  set(value: T): void;
}

/** A JSON value under one key, with a default. */
export function persisted<T>(key: string, fallback: T): Persisted<T> {
  return {
    get() {
      const text = readText(key);
      if (text === undefined) return fallback;
      try {
        return JSON.parse(text) as T;
      } catch {
        return fallback;
      }
    },
    set(value: T) {
      writeText(key, JSON.stringify(value));
    },
  };
}
