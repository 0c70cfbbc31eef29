/**
 * Cron schedules as the CronJob controller reads them (robfig/cron's standard parser): five
 * fields (minute, hour, day of month, month, day of week) with `*`, lists, ranges, steps and
 * names, or a descriptor (`@hourly`, `@daily`, …, `@every 5m` is refused as upstream validation
 * does). Times are in UTC, the zone the simulated controller manager runs in.
 */
export interface CronSchedule {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfWeek: ReadonlySet<number>;
  /** Whether day-of-month or day-of-week was `*` (cron ORs the two day fields only when both are restricted). */
  readonly domStar: boolean;
  readonly dowStar: boolean;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  readonly nameBase?: number;
}

const FIELDS: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { min: 0, max: 6, names: DAYS, nameBase: 0 },
];

/** Parse a schedule; returns the error text robfig/cron gives when it does not parse. */
export function parseCron(spec: string): CronSchedule | string {
  const trimmed = spec.trim();
  if (trimmed.startsWith('@')) {
    const expanded = DESCRIPTORS[trimmed];
    if (!expanded) return `unrecognized descriptor: ${trimmed}`;
    return parseCron(expanded);
  }
  const fields = trimmed.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: ${spec}`;
  const sets: Set<number>[] = [];
  for (let i = 0; i < 5; i++) {
    const parsed = parseField(fields[i]!, FIELDS[i]!);
    if (typeof parsed === 'string') return parsed;
    sets.push(parsed);
  }
  // Sunday may be written 7.
  if (sets[4]!.has(7)) {
    sets[4]!.delete(7);
    sets[4]!.add(0);
  }
  return {
    minutes: sets[0]!,
    hours: sets[1]!,
    daysOfMonth: sets[2]!,
    months: sets[3]!,
    daysOfWeek: sets[4]!,
    domStar: fields[2] === '*' || fields[2] === '?',
    dowStar: fields[4] === '*' || fields[4] === '?',
  };
}

function parseField(field: string, b: Bounds): Set<number> | string {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const [rangeText, stepText] = part.split('/') as [string, string | undefined];
    let step = 1;
    if (stepText !== undefined) {
      step = Number(stepText);
      if (!/^\d+$/.test(stepText) || step === 0) return `failed to parse int from ${stepText}: strconv.Atoi: parsing ${JSON.stringify(stepText)}: invalid syntax`;
    }
    let lo: number;
    let hi: number;
    if (rangeText === '*' || rangeText === '?') {
      lo = b.min;
      hi = b.max;
    } else {
      const [a, z] = rangeText.split('-') as [string, string | undefined];
      const first = value(a, b);
      if (typeof first === 'string') return first;
      lo = first;
      hi = first;
      if (z !== undefined) {
        const last = value(z, b);
        if (typeof last === 'string') return last;
        hi = last;
      } else if (stepText !== undefined) hi = b.max;
    }
    const max = b.names === DAYS ? 7 : b.max;
    if (lo < b.min) return `beginning of range (${lo}) below minimum (${b.min}): ${part}`;
    if (hi > max) return `end of range (${hi}) above maximum (${max}): ${part}`;
    if (lo > hi) return `beginning of range (${lo}) beyond end of range (${hi}): ${part}`;
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

function value(text: string, b: Bounds): number | string {
  const i = b.names?.indexOf(text.toLowerCase()) ?? -1;
  if (i >= 0) return i + (b.nameBase ?? 0);
  if (!/^\d+$/.test(text)) return `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
  return Number(text);
}

const MINUTE_MS = 60_000;

/**
 * The first scheduled time strictly after `afterMs` (epoch milliseconds, UTC), or undefined if
 * none within five years (an impossible date such as 30 February).
 */
export function nextCronTime(s: CronSchedule, afterMs: number): number | undefined {
  let t = Math.floor(afterMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const limit = afterMs + 5 * 366 * 24 * 3600 * 1000;
  while (t <= limit) {
    const d = new Date(t);
    if (!s.months.has(d.getUTCMonth() + 1)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      continue;
    }
    if (!dayMatches(s, d)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!s.hours.has(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    if (!s.minutes.has(d.getUTCMinutes())) {
      t += MINUTE_MS;
      continue;
    }
    return t;
  }
  return undefined;
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.daysOfMonth.has(d.getUTCDate());
  const dow = s.daysOfWeek.has(d.getUTCDay());
  if (s.domStar || s.dowStar) return dom && dow;
  return dom || dow;
}
