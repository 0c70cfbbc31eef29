/**
 * Layout helpers shared by the nvidia-smi renderers: the asctime-style timestamp on the first
 * line and boxed tables of a fixed width.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `Mon Jan 26 16:22:43 2026` (C's asctime, day of month space-padded), in UTC, followed by the
 * seven spaces nvidia-smi leaves after it.
 */
export function smiTimestamp(unixSeconds: number): string {
  const d = new Date(Math.floor(unixSeconds) * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
  return `${stamp}       `;
}

/** `+-----+` of a total width. */
export function border(width: number, fill = '-'): string {
  return `+${fill.repeat(width - 2)}+`;
}

/** `|=====|` of a total width. */
export function doubleRule(width: number): string {
  return `|${'='.repeat(width - 2)}|`;
}

/** `| text        |`: text left-aligned in a box line of a total width. */
export function boxLine(width: number, text: string): string {
  return `|${text.padEnd(width - 2)}|`;
}

/** A line made of cells, each already padded to its column width. */
export function cells(...columns: string[]): string {
  return `|${columns.join('|')}|`;
}

/** Column separators for a table whose columns have these inner widths: `+----+------+`. */
export function columnRule(widths: readonly number[], fill = '-'): string {
  return `+${widths.map((w) => fill.repeat(w)).join('+')}+`;
}
