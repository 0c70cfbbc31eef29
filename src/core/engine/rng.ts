/**
 * A seeded pseudo-random generator (mulberry32): small, fast and identical on every JavaScript
 * engine, so one seed reproduces a whole run. The core never calls Math.random().
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** Multiply `value` by a factor in [1 - spread, 1 + spread): jitter for durations. */
  jitter(value: number, spread: number): number {
    return value * (1 - spread + 2 * spread * this.next());
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** A random RFC 4122 version-4 UUID string, as Kubernetes uses for metadata.uid. */
  uuid(): string {
    const hex = '0123456789abcdef';
    let s = '';
    for (let i = 0; i < 36; i++) {
      if (i === 8 || i === 13 || i === 18 || i === 23) s += '-';
      else if (i === 14) s += '4';
      else if (i === 19) s += hex[8 + this.int(4)];
      else s += hex[this.int(16)];
    }
    return s;
  }
}

/**
 * The alphabet Kubernetes uses for generated name suffixes (apimachinery utilrand.String):
 * no vowels and no confusable characters, so generated names never spell words.
 */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
