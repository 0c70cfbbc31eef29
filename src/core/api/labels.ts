import type { LabelSelector } from 'kubernetes-types/meta/v1';

/**
 * Label selectors (apimachinery pkg/labels): the object form used in specs (matchLabels,
 * matchExpressions) and the string form kubectl takes with -l (`app=web,tier!=db,env in (a,b),!x`).
 */
export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

export type Labels = Readonly<Record<string, string>> | undefined;

export function matchesRequirement(r: Requirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels![r.key]! : undefined;
  switch (r.operator) {
    case 'In':
      return has && r.values.includes(value!);
    case 'NotIn':
      return !has || !r.values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has) return false;
      const left = Number.parseInt(value!, 10);
      const right = Number.parseInt(r.values[0] ?? '', 10);
      if (Number.isNaN(left) || Number.isNaN(right)) return false;
      return r.operator === 'Gt' ? left > right : left < right;
    }
  }
}

export function matchesAll(requirements: readonly Requirement[], labels: Labels): boolean {
  // An indexed loop: requirement lists are often frozen, which takes for-of off V8's fast path.
  for (let i = 0; i < requirements.length; i++) if (!matchesRequirement(requirements[i]!, labels)) return false;
  return true;
}

/**
 * The requirements of selectors in stored objects, which are frozen: controllers match the same
 * selector against many objects on every sync, and a frozen selector cannot change.
 */
const parsedSelectors = new WeakMap<LabelSelector, readonly Requirement[]>();

function isDeeplyFrozen(selector: LabelSelector): boolean {
  const { matchLabels, matchExpressions } = selector;
  if (!Object.isFrozen(selector) || (matchLabels && !Object.isFrozen(matchLabels)) || (matchExpressions && !Object.isFrozen(matchExpressions))) return false;
  return (matchExpressions ?? []).every((e) => Object.isFrozen(e) && (!e.values || Object.isFrozen(e.values)));
}

/** A LabelSelector's requirements. An empty selector has none and selects everything. */
export function selectorRequirements(selector: LabelSelector): readonly Requirement[] {
  const known = parsedSelectors.get(selector);
  if (known) return known;
  const out: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) out.push({ key, operator: 'In', values: [value] });
  for (const e of selector.matchExpressions ?? []) out.push({ key: e.key, operator: e.operator as Operator, values: e.values ?? [] });
  if (isDeeplyFrozen(selector)) parsedSelectors.set(selector, Object.freeze(out));
  return out;
}

const parsedMatchLabels = new WeakMap<Readonly<Record<string, string>>, readonly Requirement[]>();

/** The requirements of a plain label map used as a selector (a Service's spec.selector), remembered when frozen. */
export function matchLabelsRequirements(matchLabels: Readonly<Record<string, string>>): readonly Requirement[] {
  const known = parsedMatchLabels.get(matchLabels);
  if (known) return known;
  const out = selectorRequirements({ matchLabels });
  if (Object.isFrozen(matchLabels)) parsedMatchLabels.set(matchLabels, Object.freeze([...out]));
  return out;
}

/**
 * Whether a spec selector selects these labels. A missing selector selects nothing, an empty one
 * everything (metav1.LabelSelectorAsSelector).
 */
export function selectorMatches(selector: LabelSelector | undefined | null, labels: Labels): boolean {
  if (!selector) return false;
  return matchesAll(selectorRequirements(selector), labels);
}

/** The string form kubectl prints (SELECTOR column, describe). */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) parts.push(`${k}=${v}`);
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort();
    if (e.operator === 'In') parts.push(`${e.key} in (${values.join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values.join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

export class SelectorParseError extends Error {}

/** Parse kubectl's -l syntax. Throws SelectorParseError with labels.Parse's wording. */
export function parseSelector(input: string): Requirement[] {
  const out: Requirement[] = [];
  const s = input.trim();
  if (s === '') return out;
  let i = 0;
  const skipSpace = () => {
    while (i < s.length && s[i] === ' ') i++;
  };
  const readKey = (): string => {
    skipSpace();
    const start = i;
    while (i < s.length && /[A-Za-z0-9_./-]/.test(s[i]!)) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipSpace();
    let negate = false;
    if (s[i] === '!') {
      negate = true;
      i++;
    }
    const key = readKey();
    if (!key) throw new SelectorParseError(`unable to parse requirement: found '${s[i] ?? ''}', expected: identifier`);
    skipSpace();
    if (negate) {
      out.push({ key, operator: 'DoesNotExist', values: [] });
    } else if (i >= s.length || s[i] === ',') {
      out.push({ key, operator: 'Exists', values: [] });
    } else if (s.startsWith('!=', i)) {
      i += 2;
      out.push({ key, operator: 'NotIn', values: [readValue()] });
    } else if (s.startsWith('==', i)) {
      i += 2;
      out.push({ key, operator: 'In', values: [readValue()] });
    } else if (s[i] === '=') {
      i += 1;
      out.push({ key, operator: 'In', values: [readValue()] });
    } else if (s[i] === '>' || s[i] === '<') {
      const op = s[i] === '>' ? 'Gt' : 'Lt';
      i += 1;
      out.push({ key, operator: op, values: [readValue()] });
    } else if (/^notin\s*\(/.test(s.slice(i)) || /^in\s*\(/.test(s.slice(i))) {
      const op = s.startsWith('notin', i) ? 'NotIn' : 'In';
      i = s.indexOf('(', i) + 1;
      const close = s.indexOf(')', i);
      if (close < 0) throw new SelectorParseError(`unable to parse requirement: found '', expected: )`);
      const values = s.slice(i, close).split(',').map((v) => v.trim()).filter((v) => v !== '');
      i = close + 1;
      out.push({ key, operator: op, values });
    } else {
      throw new SelectorParseError(`unable to parse requirement: found '${s[i]}', expected: in, notin, =, ==, !=, gt, lt`);
    }
    skipSpace();
    if (i < s.length) {
      if (s[i] !== ',') throw new SelectorParseError(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
      if (s.slice(i).trim() === '') throw new SelectorParseError("found '', expected: identifier after ','");
    }
  }
  return out;

  function readValue(): string {
    skipSpace();
    const start = i;
    while (i < s.length && s[i] !== ',' && s[i] !== ' ') i++;
    return s.slice(start, i);
  }
}
