/**
 * YAML as `kubectl get -o yaml` prints it: sigs.k8s.io/yaml turns the object into JSON and
 * go-yaml v2 writes that, so map keys are sorted, sequences sit at their key's indentation,
 * strings that would read back as another type (`"true"`, `"80"`, timestamps, `""`) are
 * double-quoted, strings plain YAML cannot hold (`a: b`, `*x`) single-quoted, and multi-line
 * strings become literal blocks.
 */
export function toYaml(value: unknown): string {
  const lines: string[] = [];
  emitValue(value, 0, lines, undefined);
  return lines.join('\n');
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).length === 0);
}

/** Emit `value` as the body after `prefix` (a `key:` or `- ` already on the line), or alone. */
function emitValue(value: unknown, indent: number, lines: string[], prefix: string | undefined): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value) && value.length > 0) {
    if (prefix !== undefined) lines.push(prefix);
    for (const item of value) emitSeqItem(item as Json, indent, lines);
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !isEmptyCollection(value)) {
    if (prefix !== undefined) lines.push(prefix);
    emitMap(value as Record<string, Json>, indent, lines);
    return;
  }
  const scalar = scalarText(value, indent);
  if (prefix === undefined) lines.push(pad + scalar.first, ...scalar.rest);
  else lines.push(`${prefix} ${scalar.first}`, ...scalar.rest);
}

function emitMap(map: Record<string, Json>, indent: number, lines: string[], firstPrefix?: string): void {
  const pad = ' '.repeat(indent);
  const keys = Object.keys(map).filter((k) => map[k] !== undefined).sort();
  keys.forEach((key, i) => {
    const head = (i === 0 && firstPrefix !== undefined ? firstPrefix : pad) + `${stringText(key)}:`;
    const v = map[key];
    // go-yaml indents a map's children by 2 and puts a sequence's dashes at the key's column.
    emitValue(v, Array.isArray(v) ? indent : indent + 2, lines, head);
  });
}

function emitSeqItem(item: Json, indent: number, lines: string[]): void {
  const pad = ' '.repeat(indent);
  if (item !== null && typeof item === 'object' && !Array.isArray(item) && !isEmptyCollection(item)) {
    emitMap(item, indent + 2, lines, `${pad}- `);
    return;
  }
  if (Array.isArray(item) && item.length > 0) {
    const nested: string[] = [];
    for (const sub of item) emitSeqItem(sub, indent + 2, nested);
    nested[0] = `${pad}- ${nested[0]!.trimStart()}`;
    lines.push(...nested);
    return;
  }
  const scalar = scalarText(item, indent + 2);
  lines.push(`${pad}- ${scalar.first}`, ...scalar.rest);
}

function scalarText(v: unknown, indent: number): { first: string; rest: string[] } {
  if (v === null || v === undefined) return { first: 'null', rest: [] };
  if (Array.isArray(v)) return { first: '[]', rest: [] };
  if (typeof v === 'object') return { first: '{}', rest: [] };
  if (typeof v === 'boolean' || typeof v === 'number') return { first: String(v), rest: [] };
  const s = String(v);
  if (s.includes('\n')) {
    // A literal block: `|` keeps one trailing newline, `|-` none, `|+` several.
    const trailing = /\n+$/.exec(s)?.[0].length ?? 0;
    const indicator = trailing === 0 ? '|-' : trailing === 1 ? '|' : '|+';
    const body = trailing === 0 ? s : s.slice(0, -1);
    const pad = ' '.repeat(indent);
    const content = body.split('\n').map((l) => (l === '' ? '' : pad + l));
    return { first: indicator, rest: content };
  }
  return { first: stringText(s), rest: [] };
}

/** YAML 1.1 plain scalars that would not read back as a string (go-yaml v2's resolve table). */
const NON_STRING = /^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?(?:0|[1-9][0-9_]*)|0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?|<<|=)$/;

function stringText(s: string): string {
  if (s === '' || NON_STRING.test(s)) return goDoubleQuoted(s);
  if (!plainAllowed(s)) return `'${s.replace(/'/g, "''")}'`;
  return s;
}

/** The emitter's analysis of whether a string may be written plain (yaml_emitter_analyze_scalar). */
function plainAllowed(s: string): boolean {
  if (/^[\s]|[\s]$/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/^[-?:][^\s,[\]{}]/.test(s)) return false;
  if (/: |:$| #|[\t\r]/.test(s)) return false;
  if (/[,[\]{}]/.test(s) && /^[-?:]/.test(s)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s)) return false;
  return true;
}

function goDoubleQuoted(s: string): string {
  return JSON.stringify(s);
}

export type { Json };
