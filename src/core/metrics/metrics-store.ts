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

export class MetricsStore {
  private readonly byName = new Map<string, Map<string, { labels: Labels; samples: Sample[] }>>();

  constructor(private readonly capacity = DEFAULT_SAMPLES_PER_SERIES) {}

  /** Append a sample. Samples of one series must come in time order; a sample at the same time replaces the last. */
  record(name: string, labels: Labels, value: number, timeMs: number): void {
    let series = this.byName.get(name);
    if (!series) this.byName.set(name, (series = new Map()));
    const key = labelKey(labels);
    let s = series.get(key);
    if (!s) series.set(key, (s = { labels: { ...labels }, samples: [] }));
    const last = s.samples[s.samples.length - 1];
    if (last && last.timeMs === timeMs) s.samples[s.samples.length - 1] = { timeMs, value };
    else s.samples.push({ timeMs, value });
    if (s.samples.length > this.capacity) s.samples.splice(0, s.samples.length - this.capacity);
  }

  /** Remove the series of `name` whose labels match (e.g. when a pod is gone). */
  drop(name: string, match: Labels): void {
    const series = this.byName.get(name);
    if (!series) return;
    for (const [key, s] of series) if (matches(s.labels, match)) series.delete(key);
  }

  /** Every series of `name` whose labels include all of `match`. */
  query(name: string, match: Labels = {}): Series[] {
    const out: Series[] = [];
    for (const s of this.byName.get(name)?.values() ?? []) {
      if (matches(s.labels, match)) out.push({ name, labels: s.labels, samples: s.samples });
    }
    return out;
  }

  /** The latest value of each matching series. */
  latest(name: string, match: Labels = {}): { labels: Labels; value: number; timeMs: number }[] {
    return this.query(name, match).flatMap((s) => {
      const last = s.samples[s.samples.length - 1];
      return last ? [{ labels: s.labels, value: last.value, timeMs: last.timeMs }] : [];
    });
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

function labelKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}

function matches(labels: Labels, match: Labels): boolean {
  for (const [k, v] of Object.entries(match)) if (labels[k] !== v) return false;
  return true;
}
