/**
 * kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): literal text and `{…}`
 * actions; paths with `.field`, `['field']`, `..field`, `[n]`, `[-n]`, `[a:b]`, `[*]`, `.*`,
 * filters `[?(@.type=="Ready")]`, `{range …}…{end}` and string literals such as `{"\n"}`.
 * Several results of one action are separated by spaces; maps and lists print as JSON; a
 * missing field prints nothing (`--allow-missing-template-keys` defaults to true).
 */
export class JsonPathError extends Error {}

type Step =
  | { readonly op: 'field'; readonly name: string }
  | { readonly op: 'recursive'; readonly name: string }
  | { readonly op: 'wildcard' }
  | { readonly op: 'index'; readonly index: number }
  | { readonly op: 'slice'; readonly start?: number; readonly end?: number }
  | { readonly op: 'filter'; readonly filter: Filter };

interface Filter {
  readonly left: Path;
  readonly operator?: '==' | '!=' | '<' | '<=' | '>' | '>=';
  readonly right?: Path | { readonly literal: string | number };
}

interface Path {
  readonly fromRoot: boolean;
  readonly steps: readonly Step[];
}

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'path'; readonly path: Path }
  | { readonly kind: 'range'; readonly path: Path; readonly body: readonly Node[] };

export function parseJsonPath(template: string): readonly Node[] {
  const tokens: ({ text: string } | { action: string })[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      tokens.push({ text: template.slice(i) });
      break;
    }
    if (open > i) tokens.push({ text: template.slice(i, open) });
    const close = findClose(template, open);
    if (close < 0) throw new JsonPathError(`unclosed action`);
    tokens.push({ action: template.slice(open + 1, close).trim() });
    i = close + 1;
  }
  let pos = 0;
  const parseBlock = (inRange: boolean): Node[] => {
    const nodes: Node[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos++]!;
      if ('text' in t) {
        nodes.push({ kind: 'text', text: t.text });
        continue;
      }
      const a = t.action;
      if (a === 'end') {
        if (!inRange) throw new JsonPathError('not in range, nothing to end');
        return nodes;
      }
      if (a.startsWith('range ') || a === 'range') {
        const path = parsePath(a.slice(5).trim());
        nodes.push({ kind: 'range', path, body: parseBlock(true) });
        continue;
      }
      if (/^"(?:[^"\\]|\\.)*"$/.test(a) || /^'[^']*'$/.test(a)) {
        nodes.push({ kind: 'text', text: unquote(a) });
        continue;
      }
      nodes.push({ kind: 'path', path: parsePath(a) });
    }
    if (inRange) throw new JsonPathError('unterminated range: missing {end}');
    return nodes;
  };
  return parseBlock(false);
}

function findClose(s: string, open: number): number {
  let quote: string | undefined;
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function unquote(s: string): string {
  if (s.startsWith("'")) return s.slice(1, -1);
  return JSON.parse(s.replace(/\\([^"\\/bfnrtu])/g, '$1')) as string;
}

function parsePath(src: string): Path {
  let s = src.trim();
  let fromRoot = false;
  if (s.startsWith('$')) {
    fromRoot = true;
    s = s.slice(1);
  } else if (s.startsWith('@')) {
    s = s.slice(1);
  }
  const steps: Step[] = [];
  let i = 0;
  const readName = (): string => {
    const start = i;
    while (i < s.length && /[A-Za-z0-9_\-/$]/.test(s[i]!)) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    const c = s[i]!;
    if (s.startsWith('..', i)) {
      i += 2;
      const name = s[i] === '*' ? (i++, '*') : readName();
      steps.push(name === '*' ? { op: 'recursive', name: '' } : { op: 'recursive', name });
    } else if (c === '.') {
      i++;
      if (s[i] === '*') {
        i++;
        steps.push({ op: 'wildcard' });
      } else {
        const name = readName();
        if (name !== '') steps.push({ op: 'field', name });
      }
    } else if (c === '[') {
      const close = matchBracket(s, i);
      if (close < 0) throw new JsonPathError(`unclosed array expect ]`);
      steps.push(parseBracket(s.slice(i + 1, close).trim()));
      i = close + 1;
    } else if (/[A-Za-z_]/.test(c) && steps.length === 0) {
      steps.push({ op: 'field', name: readName() });
    } else {
      throw new JsonPathError(`unrecognized character in action: U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
    }
  }
  return { fromRoot, steps };
}

function matchBracket(s: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if ((c === ']' || c === ')') && --depth === 0 && c === ']') return i;
  }
  return -1;
}

function parseBracket(inner: string): Step {
  if (inner === '*') return { op: 'wildcard' };
  if (/^'.*'$|^".*"$/.test(inner)) return { op: 'field', name: inner.slice(1, -1) };
  if (inner.startsWith('?(') && inner.endsWith(')')) return { op: 'filter', filter: parseFilter(inner.slice(2, -1).trim()) };
  const slice = /^(-?\d*):(-?\d*)$/.exec(inner);
  if (slice) {
    return { op: 'slice', ...(slice[1] ? { start: Number(slice[1]) } : {}), ...(slice[2] ? { end: Number(slice[2]) } : {}) };
  }
  if (/^-?\d+$/.test(inner)) return { op: 'index', index: Number(inner) };
  throw new JsonPathError(`invalid array index ${inner}`);
}

function parseFilter(src: string): Filter {
  const m = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/.exec(src);
  if (!m) return { left: parsePath(src) };
  const right = m[3]!.trim();
  let rightValue: Filter['right'];
  if (/^'.*'$|^".*"$/.test(right)) rightValue = { literal: right.slice(1, -1) };
  else if (/^-?\d+(\.\d+)?$/.test(right)) rightValue = { literal: Number(right) };
  else rightValue = parsePath(right);
  return { left: parsePath(m[1]!), operator: m[2] as Filter['operator'], right: rightValue };
}

function evalPath(path: Path, root: unknown, current: unknown): unknown[] {
  let values: unknown[] = [path.fromRoot ? root : current];
  for (const step of path.steps) {
    const next: unknown[] = [];
    for (const v of values) applyStep(step, v, root, next);
    values = next;
  }
  return values;
}

function applyStep(step: Step, v: unknown, root: unknown, out: unknown[]): void {
  switch (step.op) {
    case 'field':
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && step.name in v) out.push((v as Record<string, unknown>)[step.name]);
      return;
    case 'wildcard':
      if (Array.isArray(v)) out.push(...v);
      else if (v !== null && typeof v === 'object') for (const k of Object.keys(v).sort()) out.push((v as Record<string, unknown>)[k]);
      return;
    case 'index':
      if (Array.isArray(v)) {
        const i = step.index < 0 ? v.length + step.index : step.index;
        if (i >= 0 && i < v.length) out.push(v[i]);
      }
      return;
    case 'slice':
      if (Array.isArray(v)) out.push(...v.slice(step.start ?? 0, step.end ?? v.length));
      return;
    case 'recursive':
      collect(v, step.name, out);
      return;
    case 'filter':
      if (Array.isArray(v)) for (const item of v) if (filterMatches(step.filter, item, root)) out.push(item);
      return;
  }
}

function collect(v: unknown, name: string, out: unknown[]): void {
  if (v === null || typeof v !== 'object') return;
  if (!Array.isArray(v)) {
    const obj = v as Record<string, unknown>;
    if (name === '') out.push(...Object.keys(obj).sort().map((k) => obj[k]));
    else if (name in obj) out.push(obj[name]);
    for (const k of Object.keys(obj).sort()) collect(obj[k], name, out);
  } else {
    for (const item of v) collect(item, name, out);
  }
}

function filterMatches(f: Filter, item: unknown, root: unknown): boolean {
  const left = evalPath(f.left, root, item);
  if (!f.operator) return left.length > 0 && left[0] !== undefined;
  if (left.length === 0) return false;
  const rightValues = f.right && 'literal' in f.right ? [f.right.literal] : evalPath(f.right as Path, root, item);
  if (rightValues.length === 0) return false;
  const a = left[0];
  const b = rightValues[0];
  switch (f.operator) {
    case '==':
      return String(a) === String(b);
    case '!=':
      return String(a) !== String(b);
    default: {
      const x = Number(a);
      const y = Number(b);
      if (Number.isNaN(x) || Number.isNaN(y)) return false;
      return f.operator === '<' ? x < y : f.operator === '<=' ? x <= y : f.operator === '>' ? x > y : x >= y;
    }
  }
}

/** How one value prints: strings raw, everything else as compact JSON. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  return JSON.stringify(v);
}

export function executeJsonPath(nodes: readonly Node[], root: unknown, current: unknown = root): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'path') out += evalPath(n.path, root, current).map(valueText).join(' ');
    else for (const item of evalPath(n.path, root, current)) out += executeJsonPath(n.body, root, item);
  }
  return out;
}

/** The values one path expression finds in an object (custom-columns, --sort-by). */
export function queryJsonPath(expression: string, obj: unknown): unknown[] {
  const nodes = parseJsonPath(expression);
  const values: unknown[] = [];
  for (const n of nodes) if (n.kind === 'path') values.push(...evalPath(n.path, obj, obj));
  return values;
}
