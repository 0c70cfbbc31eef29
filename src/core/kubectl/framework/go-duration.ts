/**
 * Go's time.ParseDuration, which kubectl's duration flags (--timeout) use: a sequence of decimal
 * numbers with units ns, us, µs, ms, s, m, h (`90s`, `1m30s`, `1.5h`); a bare `0` is allowed.
 * Returns milliseconds, or undefined with Go's wording left to the caller.
 */
const UNITS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseGoDuration(text: string): number | undefined {
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  const part = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/;
  while (s.length > 0) {
    const m = part.exec(s);
    if (!m) return undefined;
    total += Number(m[1]) * UNITS[m[2]!]!;
    s = s.slice(m[0].length);
  }
  return sign * total;
}

/** pflag's error for a bad duration flag value, as kubectl prints it under `path` (`kubectl drain`). */
export function durationFlagError(path: string, flag: string, value: string): string {
  return `error: invalid argument ${JSON.stringify(value)} for "--${flag}" flag: time: invalid duration ${JSON.stringify(value)}\nSee '${path} --help' for usage.`;
}
