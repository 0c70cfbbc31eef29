/**
 * A bounded in-memory time-series store, the simulation's Prometheus: components record samples
 * under a metric name and labels (the kubelet's container usage, the DCGM exporter's GPU series,
 * Triton's inference metrics), and readers (kubectl top, the HPA, the UI's charts) query by name
 * and label match. Each series keeps its most recent samples only.
 */
export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  readonly timeMs: number;
  readonly value: number;
}

export interface Series {
  readonly name: string;
  readonly labels: Labels;
  readonly samples: readonly Sample[];
}

/** Samples kept per series: at one sample every 10 s, a little over an hour. */
export const DEFAULT_SAMPLES_PER_SERIES = 400;

/**
 * A series' samples are kept as two columns of plain numbers rather than an object per sample:
 * a busy cluster records over a million samples an hour, and numbers in an array cost the
 * garbage collector nothing to trace. Readers get Sample objects, built when they query.
 */
interface StoredSeries {
  readonly key: string;
  readonly labels: Labels;
  readonly times: number[];
  readonly values: number[];
}

/**
 * The series of one metric name, indexed by each `label=value` pair, so that dropping or
 * querying the series of one pod looks at that pod's series only. A pair's set lists series in
 * the order they were created, the order of `series` itself, so results come in the same order
 * whichever way they are found.
 */
class MetricFamily {
  readonly series = new Map<string, StoredSeries>();
  private readonly byPair = new Map<string, Set<StoredSeries>>();

  add(s: StoredSeries): void {
    this.series.set(s.key, s);
    for (const k in s.labels) {
      const pair = pairKey(k, s.labels[k]!);
      let set = this.byPair.get(pair);
      if (!set) this.byPair.set(pair, (set = new Set()));
      set.add(s);
    }
  }

  delete(s: StoredSeries): void {
    this.series.delete(s.key);
    for (const k in s.labels) {
      const pair = pairKey(k, s.labels[k]!);
      const set = this.byPair.get(pair);
      set?.delete(s);
      if (set?.size === 0) this.byPair.delete(pair);
    }
  }

  /** The series whose labels include all of `match`, in creation order. */
  matching(match: Labels): StoredSeries[] {
    let smallest: Iterable<StoredSeries> | undefined;
    let size = Infinity;
    for (const k in match) {
      const v = match[k];
      if (typeof v !== 'string') return this.scan(match);
      const set = this.byPair.get(pairKey(k, v));
      if (!set) return [];
      if (set.size < size) [smallest, size] = [set, set.size];
    }
    return this.scan(match, smallest);
  }

  private scan(match: Labels, candidates: Iterable<StoredSeries> = this.series.values()): StoredSeries[] {
    const out: StoredSeries[] = [];
    for (const s of candidates) if (matches(s.labels, match)) out.push(s);
    return out;
  }
}

export class MetricsStore {
  private readonly byName = new Map<string, MetricFamily>();

  constructor(private readonly capacity = DEFAULT_SAMPLES_PER_SERIES) {}

  /** Append a sample. Samples of one series must come in time order; a sample at the same time replaces the last. */
  record(name: string, labels: Labels, value: number, timeMs: number): void {
    let family = this.byName.get(name);
    if (!family) this.byName.set(name, (family = new MetricFamily()));
    const key = labelKey(labels);
    let s = family.series.get(key);
    if (!s) family.add((s = { key, labels: { ...labels }, times: [], values: [] }));
    const n = s.times.length;
    if (n > 0 && s.times[n - 1] === timeMs) s.values[n - 1] = value;
    else {
      s.times.push(timeMs);
      s.values.push(value);
    }
    if (s.times.length > this.capacity) {
      const extra = s.times.length - this.capacity;
      s.times.splice(0, extra);
      s.values.splice(0, extra);
    }
  }

  /** Remove the series of `name` whose labels match (e.g. when a pod is gone). */
  drop(name: string, match: Labels): void {
    const family = this.byName.get(name);
    if (!family) return;
    for (const s of family.matching(match)) family.delete(s);
  }

  /** Every series of `name` whose labels include all of `match`, each with its `last` most recent samples (all by default). */
  query(name: string, match: Labels = {}, last = Infinity): Series[] {
    return (this.byName.get(name)?.matching(match) ?? []).map((s) => {
      const from = Math.max(0, s.times.length - last);
      const samples: Sample[] = [];
      for (let i = from; i < s.times.length; i++) samples.push({ timeMs: s.times[i]!, value: s.values[i]! });
      return { name, labels: s.labels, samples };
    });
  }

  /** The latest value of each matching series. */
  latest(name: string, match: Labels = {}): { labels: Labels; value: number; timeMs: number }[] {
    return (this.byName.get(name)?.matching(match) ?? []).flatMap((s) => {
      const n = s.times.length;
      return n > 0 ? [{ labels: s.labels, value: s.values[n - 1]!, timeMs: s.times[n - 1]! }] : [];
    });
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

/**
 * The identity of a label set. A producer that records the same frozen label object every
 * interval (the kubelet, per container) has its key remembered instead of sorting the labels on
 * every sample; a frozen object cannot change, so the remembered key stays right.
 */
const frozenKeys = new WeakMap<Labels, string>();

function labelKey(labels: Labels): string {
  let key = frozenKeys.get(labels);
  if (key !== undefined) return key;
  key = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
  if (Object.isFrozen(labels)) frozenKeys.set(labels, key);
  return key;
}

function pairKey(k: string, v: string): string {
  return `${k}\u0000${v}`;
}

function matches(labels: Labels, match: Labels): boolean {
  for (const k in match) if (labels[k] !== match[k]) return false;
  return true;
}
