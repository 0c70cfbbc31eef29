import { plainText, ShellSyntaxError, type Token, tokenize, type Word } from './lexer';

/**
 * A recursive-descent parser for the shell subset: lists joined by `;`, `&`, newlines, `&&` and
 * `||`; pipelines; `while`/`until`, `for`, `if` and `{ }`/`( )` groups; assignments and
 * redirections (`>`, `>>`, `2>`, `2>&1`, `>&2`, `<`).
 */
export interface Redirect {
  readonly fd: 1 | 2;
  readonly op: '>' | '>>' | 'dup' | '<';
  readonly target?: Word;
  /** For `2>&1` / `>&2`: the descriptor written to. */
  readonly to?: 1 | 2;
}

export type ShellNode =
  | { readonly k: 'simple'; readonly assigns: readonly { name: string; value: Word }[]; readonly words: readonly Word[]; readonly redirects: readonly Redirect[] }
  | { readonly k: 'list'; readonly items: readonly ShellNode[] }
  | { readonly k: 'and' | 'or'; readonly left: ShellNode; readonly right: ShellNode }
  | { readonly k: 'pipe'; readonly cmds: readonly ShellNode[] }
  | { readonly k: 'not'; readonly cmd: ShellNode }
  | { readonly k: 'while'; readonly until: boolean; readonly cond: ShellNode; readonly body: ShellNode }
  | { readonly k: 'for'; readonly name: string; readonly items: readonly Word[]; readonly body: ShellNode }
  | { readonly k: 'if'; readonly branches: readonly { cond: ShellNode; body: ShellNode }[]; readonly otherwise?: ShellNode }
  | { readonly k: 'group'; readonly body: ShellNode };

const RESERVED = new Set(['while', 'until', 'do', 'done', 'for', 'in', 'if', 'then', 'elif', 'else', 'fi', '{', '}', '!']);

export function parseScript(src: string): ShellNode {
  const p = new Parser(tokenize(src));
  const node = p.list([]);
  if (!p.atEnd()) throw new ShellSyntaxError(`syntax error: ${p.unexpected()}`);
  return node;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }

  /** What ash says it found: `end of file` and `newline` bare, anything else quoted. */
  unexpected(): string {
    const t = this.tokens[this.i];
    if (!t) return 'unexpected end of file';
    if (t.kind === 'op' && t.op === '\n') return 'unexpected newline';
    return `unexpected "${t.kind === 'op' ? t.op : (plainText(t.word) ?? 'word')}"`;
  }

  private peekReserved(): string | undefined {
    const t = this.tokens[this.i];
    if (t?.kind !== 'word') return undefined;
    const text = plainText(t.word);
    return text !== undefined && RESERVED.has(text) ? text : undefined;
  }

  private peekOp(): string | undefined {
    const t = this.tokens[this.i];
    return t?.kind === 'op' ? t.op : undefined;
  }

  private skipNewlines(): void {
    while (this.peekOp() === '\n' || this.peekOp() === ';') this.i++;
  }

  private expectReserved(word: string): void {
    this.skipNewlines();
    if (this.peekReserved() !== word) throw new ShellSyntaxError(`syntax error: ${this.unexpected()} (expecting "${word}")`);
    this.i++;
  }

  /** A list, stopping before any of the reserved words in `stop` (done, fi, …) or a `)`. */
  list(stop: readonly string[]): ShellNode {
    const items: ShellNode[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.atEnd() || this.peekOp() === ')') break;
      const reserved = this.peekReserved();
      if (reserved && stop.includes(reserved)) break;
      items.push(this.andOr(stop));
      const op = this.peekOp();
      if (op === ';' || op === '\n' || op === '&') this.i++;
      else break;
    }
    return items.length === 1 ? items[0]! : { k: 'list', items };
  }

  private andOr(stop: readonly string[]): ShellNode {
    let left = this.pipeline(stop);
    for (;;) {
      const op = this.peekOp();
      if (op !== '&&' && op !== '||') return left;
      this.i++;
      while (this.peekOp() === '\n') this.i++;
      const right = this.pipeline(stop);
      left = { k: op === '&&' ? 'and' : 'or', left, right };
    }
  }

  private pipeline(stop: readonly string[]): ShellNode {
    if (this.peekReserved() === '!') {
      this.i++;
      return { k: 'not', cmd: this.pipeline(stop) };
    }
    const cmds = [this.command(stop)];
    while (this.peekOp() === '|') {
      this.i++;
      cmds.push(this.command(stop));
    }
    return cmds.length === 1 ? cmds[0]! : { k: 'pipe', cmds };
  }

  private command(stop: readonly string[]): ShellNode {
    const reserved = this.peekReserved();
    if (reserved === 'while' || reserved === 'until') {
      this.i++;
      const cond = this.list(['do']);
      this.expectReserved('do');
      const body = this.list(['done']);
      this.expectReserved('done');
      return { k: 'while', until: reserved === 'until', cond, body };
    }
    if (reserved === 'for') {
      this.i++;
      const nameTok = this.tokens[this.i++];
      const name = nameTok?.kind === 'word' ? plainText(nameTok.word) : undefined;
      if (!name) throw new ShellSyntaxError('syntax error: bad for loop variable');
      const items: Word[] = [];
      if (this.peekReserved() === 'in') {
        this.i++;
        while (this.tokens[this.i]?.kind === 'word' && this.peekReserved() !== 'do') items.push((this.tokens[this.i++] as { word: Word }).word);
      }
      this.expectReserved('do');
      const body = this.list(['done']);
      this.expectReserved('done');
      return { k: 'for', name, items, body };
    }
    if (reserved === 'if') {
      this.i++;
      const branches: { cond: ShellNode; body: ShellNode }[] = [];
      let otherwise: ShellNode | undefined;
      for (;;) {
        const cond = this.list(['then']);
        this.expectReserved('then');
        const body = this.list(['elif', 'else', 'fi']);
        branches.push({ cond, body });
        this.skipNewlines();
        const next = this.peekReserved();
        if (next !== 'elif' && next !== 'else' && next !== 'fi') throw new ShellSyntaxError(`syntax error: ${this.unexpected()} (expecting "fi")`);
        this.i++;
        if (next === 'elif') continue;
        if (next === 'else') {
          otherwise = this.list(['fi']);
          this.expectReserved('fi');
        }
        break;
      }
      return otherwise ? { k: 'if', branches, otherwise } : { k: 'if', branches };
    }
    if (reserved === '{') {
      this.i++;
      const body = this.list(['}']);
      this.expectReserved('}');
      return { k: 'group', body };
    }
    if (this.peekOp() === '(') {
      this.i++;
      const body = this.list([]);
      if (this.peekOp() !== ')') throw new ShellSyntaxError('syntax error: missing ")"');
      this.i++;
      return { k: 'group', body };
    }
    if (reserved && reserved !== '}' && stop.includes(reserved)) throw new ShellSyntaxError(`syntax error: unexpected "${reserved}"`);
    return this.simple();
  }

  private simple(): ShellNode {
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.tokens[this.i];
      if (!t) break;
      if (t.kind === 'op') {
        const r = this.redirect(t.op);
        if (!r) break;
        redirects.push(r);
        continue;
      }
      const first = t.word[0];
      if (words.length === 0 && first?.t === 'lit' && !first.quoted) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v);
        if (m) {
          const rest = first.v.slice(m[0].length);
          assigns.push({ name: m[1]!, value: [...(rest ? [{ ...first, v: rest }] : []), ...t.word.slice(1)] });
          this.i++;
          continue;
        }
      }
      if (words.length > 0 && this.peekReserved() === '}') break;
      words.push(t.word);
      this.i++;
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) throw new ShellSyntaxError(`syntax error: ${this.unexpected()}`);
    return { k: 'simple', assigns, words, redirects };
  }

  private redirect(op: string): Redirect | undefined {
    const target = (): Word => {
      const t = this.tokens[this.i];
      if (t?.kind !== 'word') throw new ShellSyntaxError('syntax error: unexpected redirection');
      this.i++;
      return t.word;
    };
    switch (op) {
      case '>':
      case '>>':
        this.i++;
        return { fd: 1, op, target: target() };
      case '2>':
        this.i++;
        return { fd: 2, op: '>', target: target() };
      case '<':
        this.i++;
        return { fd: 1, op: '<', target: target() };
      case '2>&1':
        this.i++;
        return { fd: 2, op: 'dup', to: 1 };
      case '>&2':
        this.i++;
        return { fd: 1, op: 'dup', to: 2 };
      default:
        return undefined;
    }
  }
}
