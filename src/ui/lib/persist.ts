/**
 * Local persistence that never loses work: localStorage when it works, memory when storage is
 * full or blocked (private mode, quotas), with a flag the UI shows as a warning.
 */
const memory = new Map<string, string>();
let storageFailed = false;

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
  const s = storage();
  try {
    const v = s?.getItem(key);
    if (v !== null && v !== undefined) return v;
  } catch {
    storageFailed = true;
  }
  return memory.get(key);
}

export function writeText(key: string, value: string): void {
  memory.set(key, value);
  try {
    storage()?.setItem(key, value);
  } catch {
    storageFailed = true;
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
