import { parseTimestamp, SIMULATION_EPOCH_MS } from '../../engine/time';
import { tabwrite } from '../printers/tabwriter';

/**
 * kubectl describe's PrefixWriter over a tabwriter (minwidth 0, tabwidth 8, padding 2): lines at
 * an indent level of two spaces each, cells separated by tabs. `flush` ends the current
 * tabwriter block, as DescribeEvents does before its table.
 */
export class DescribeWriter {
  private readonly segments: string[] = [];
  private current = '';

  write(level: number, text: string): void {
    this.current += '  '.repeat(level) + text;
  }

  line(level: number, text: string): void {
    this.write(level, `${text}\n`);
  }

  flush(): void {
    this.segments.push(this.current);
    this.current = '';
  }

  toString(): string {
    this.flush();
    return this.segments
      .filter((s) => s !== '')
      .map((s) => tabwrite(s.replace(/\n$/, ''), { padding: 2 }))
      .join('\n');
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z layout, in UTC: `Mon, 05 Jan 2026 09:00:01 +0000`. */
export function rfc1123z(timestamp: string): string {
  const d = new Date(SIMULATION_EPOCH_MS + parseTimestamp(timestamp));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

/** printLabelsMultiline: `Labels:  a=b` then one `\t`-aligned line per further label, sorted; `<none>` when empty. */
export function writeLabels(w: DescribeWriter, title: string, labels: Readonly<Record<string, string>> | undefined): void {
  const keys = Object.keys(labels ?? {}).sort();
  w.write(0, `${title}:\t`);
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i > 0) w.write(0, '\t');
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

/** The annotation describe never shows (skipAnnotations). */
const SKIPPED_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];
const MAX_ANNOTATION_LEN = 140;

/** printAnnotationsMultiline: long or multi-line values go below their key, shortened to 140 characters. */
export function writeAnnotations(w: DescribeWriter, annotations: Readonly<Record<string, string>> | undefined, title = 'Annotations'): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS.includes(k)).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i > 0) w.write(0, '\t');
    const value = annotations![k]!.replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s}\n`);
    } else {
      w.write(0, `${k}: ${value}\n`);
    }
  });
}
