/**
 * Tokens of the POSIX shell subset a container's `sh -c` script uses: words (with quoting and
 * $-expansions kept as parts, expanded when the command runs), operators and newlines.
 */
export type WordPart =
  | { readonly t: 'lit'; readonly v: string; readonly quoted: boolean }
  | { readonly t: 'var'; readonly name: string; readonly quoted: boolean }
  | { readonly t: 'cmd'; readonly script: string; readonly quoted: boolean }
  | { readonly t: 'arith'; readonly expr: string; readonly quoted: boolean };

export type Word = readonly WordPart[];

export type Token = { readonly kind: 'word'; readonly word: Word } | { readonly kind: 'op'; readonly op: string };

const OPERATORS = ['&&', '||', '>>', '2>&1', '>&2', '2>', ';;', ';', '|', '&', '(', ')', '>', '<', '\n'];
const WORD_BREAKING_OPERATORS = OPERATORS.filter((o) => !o.startsWith('2'));

export class ShellSyntaxError extends Error {}

/** The literal text of a word when it has no expansions and no quotes (reserved words, `=` assignments). */
export function plainText(word: Word): string | undefined {
  let out = '';
  for (const p of word) {
    if (p.t !== 'lit' || p.quoted) return undefined;
    out += p.v;
  }
  return out;
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let parts: WordPart[] = [];
  let lit = '';
  let inWord = false;

  const pushLit = (quoted: boolean) => {
    if (lit) parts.push({ t: 'lit', v: lit, quoted });
    lit = '';
  };
  const endWord = () => {
    pushLit(false);
    if (inWord) tokens.push({ kind: 'word', word: parts });
    parts = [];
    inWord = false;
  };

  /** Read a `command` substitution starting at src[i]. */
  const backquote = (quoted: boolean): WordPart => {
    const end = src.indexOf('`', i + 1);
    if (end < 0) throw new ShellSyntaxError('unterminated backquote');
    const script = src.slice(i + 1, end);
    i = end + 1;
    return { t: 'cmd', script, quoted };
  };

  /** Read a $-expansion starting at src[i] === '$'; returns the part and the index after it. */
  const dollar = (quoted: boolean): WordPart | undefined => {
    const next = src[i + 1];
    if (src.startsWith('$((', i)) {
      const end = matching(src, i + 1, '(', ')');
      const inner = src.slice(i + 3, end - 1);
      i = end + 1;
      return { t: 'arith', expr: inner, quoted };
    }
    if (next === '(') {
      const end = matching(src, i + 1, '(', ')');
      const inner = src.slice(i + 2, end);
      i = end + 1;
      return { t: 'cmd', script: inner, quoted };
    }
    if (next === '{') {
      const end = src.indexOf('}', i + 2);
      if (end < 0) throw new ShellSyntaxError('bad substitution');
      const name = src.slice(i + 2, end);
      i = end + 1;
      return { t: 'var', name, quoted };
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!])/.exec(src.slice(i + 1));
    if (!m) return undefined;
    i += 1 + m[1]!.length;
    return { t: 'var', name: m[1]!, quoted };
  };

  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') {
      endWord();
      i++;
      continue;
    }
    if (c === '#' && !inWord) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    // `2>` only starts a token of its own (`echo a 2>/dev/null`), never inside a word.
    const op = (inWord ? WORD_BREAKING_OPERATORS : OPERATORS).find((o) => src.startsWith(o, i));
    if (op) {
      endWord();
      tokens.push({ kind: 'op', op });
      i += op.length;
      continue;
    }
    inWord = true;
    if (c === "'") {
      pushLit(false);
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unterminated quoted string');
      parts.push({ t: 'lit', v: src.slice(i + 1, end), quoted: true });
      i = end + 1;
      continue;
    }
    if (c === '"') {
      pushLit(false);
      i++;
      let buf = '';
      const flush = () => {
        parts.push({ t: 'lit', v: buf, quoted: true });
        buf = '';
      };
      for (;;) {
        if (i >= src.length) throw new ShellSyntaxError('unterminated quoted string');
        const d = src[i]!;
        if (d === '"') {
          i++;
          break;
        }
        if (d === '\\' && i + 1 < src.length && '$`"\\\n'.includes(src[i + 1]!)) {
          buf += src[i + 1] === '\n' ? '' : src[i + 1];
          i += 2;
          continue;
        }
        if (d === '$') {
          const part = dollar(true);
          if (part) {
            flush();
            parts.push(part);
            continue;
          }
        }
        if (d === '`') {
          flush();
          parts.push(backquote(true));
          continue;
        }
        buf += d;
        i++;
      }
      flush();
      continue;
    }
    if (c === '\\') {
      pushLit(false);
      parts.push({ t: 'lit', v: src[i + 1] ?? '', quoted: true });
      i += 2;
      continue;
    }
    if (c === '$') {
      const part = dollar(false);
      if (part) {
        pushLit(false);
        parts.push(part);
        continue;
      }
    }
    if (c === '`') {
      pushLit(false);
      parts.push(backquote(false));
      continue;
    }
    lit += c;
    i++;
  }
  endWord();
  return tokens;
}

/** The index of the bracket that closes the one at `open`. */
function matching(src: string, open: number, o: string, c: string): number {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    if (src[j] === o) depth++;
    else if (src[j] === c) {
      depth--;
      if (depth === 0) return j;
    }
  }
  throw new ShellSyntaxError(`unterminated ${o}`);
}
