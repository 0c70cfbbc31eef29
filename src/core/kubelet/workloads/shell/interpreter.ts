import type { LogLine, Process, ProcessEnv, Stream, TimedStep } from '../process';
import { evalArithmetic } from './arithmetic';
import { COMMANDS } from './commands';
import { ShellSyntaxError, type Word } from './lexer';
import { parseScript, type Redirect, type ShellNode } from './parser';

/**
 * A small real shell: it parses a `sh -c` script and runs it in virtual time. Each command costs a
 * millisecond, `sleep` waits, output becomes log lines, and commands it does not know fail with
 * `sh: x: not found`, as busybox's ash says it. As PID 1 it ignores SIGTERM unless the script set a
 * `trap`, and, like ash, it runs the trap only once the current foreground command has finished.
 */
export class ShellExit {
  constructor(readonly code: number) {}
}

/** Output an exec'd command wrote, in the order it wrote it, by stream. */
export interface OutputChunk {
  readonly stream: Stream;
  readonly text: string;
}

type Sink =
  | { readonly kind: 'log'; readonly stream: Stream }
  | { readonly kind: 'buffer'; readonly buf: string[] }
  | { readonly kind: 'chunks'; readonly chunks: OutputChunk[]; readonly stream: Stream }
  | { readonly kind: 'discard' };

/** Output is written out, with the time it took, every this many milliseconds of busy work. */
const FLUSH_MS = 100;
/** What one command costs in virtual time, so that a loop without `sleep` still advances the clock. */
const COMMAND_COST_MS = 1;

export type Spawn = (argv: readonly string[]) => Process | undefined;

export class Shell {
  readonly vars = new Map<string, string>();
  status = 0;
  readonly traps = new Map<string, string>();
  /** The program this shell replaced itself with (`exec nginx …`), which now receives signals. */
  execProgram: Process | undefined;
  private pendingMs = 0;
  private lines: LogLine[] = [];
  private out: Sink = { kind: 'log', stream: 'stdout' };
  private err: Sink = { kind: 'log', stream: 'stderr' };
  private termHandled = false;
  private busy = false;

  constructor(
    readonly env: ProcessEnv,
    /** `sh` (busybox ash) or `bash`: error messages differ. */
    readonly name: string,
    readonly signals: { term: boolean },
    readonly spawn: Spawn,
  ) {
    // The process environment in the runtime's order: the image's PATH, HOSTNAME (containerd),
    // the container's variables, and HOME, which runc adds last when nothing set it.
    this.vars.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    this.vars.set('HOSTNAME', env.hostname);
    for (const [k, v] of Object.entries(env.env)) this.vars.set(k, v);
    if (!this.vars.has('HOME')) this.vars.set('HOME', '/root');
  }

  /** Virtual now, counting the work done since the last step was handed out. */
  now(): number {
    return this.env.access.now() + this.pendingMs;
  }

  write(fd: 1 | 2, text: string): void {
    const sink = fd === 1 ? this.out : this.err;
    if (sink.kind === 'discard') return;
    if (sink.kind === 'buffer') {
      sink.buf.push(text);
      return;
    }
    if (sink.kind === 'chunks') {
      sink.chunks.push({ stream: sink.stream, text });
      return;
    }
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    for (const l of body.split('\n')) this.lines.push({ stream: sink.stream, text: l });
  }

  /** Capture both output streams, in order (an exec'd command's output is returned, not logged). */
  captureInto(chunks: OutputChunk[]): void {
    this.out = { kind: 'chunks', chunks, stream: 'stdout' };
    this.err = { kind: 'chunks', chunks, stream: 'stderr' };
  }

  /** `sh: foo: not found` (ash) or `bash: line 1: foo: command not found`. */
  errorPrefix(): string {
    return this.name === 'bash' ? 'bash: line 1:' : `${this.name}:`;
  }

  *flush(): Generator<TimedStep, void, void> {
    if (this.pendingMs === 0 && this.lines.length === 0) return;
    const lines = this.lines;
    const afterMs = this.pendingMs;
    this.lines = [];
    this.pendingMs = 0;
    yield* this.step({ afterMs, event: lines.length ? { kind: 'log', lines } : { kind: 'tick' } });
  }

  /** Hand out one step; when time resumes, run a TERM trap if a signal came meanwhile. */
  *step(s: TimedStep): Generator<TimedStep, void, void> {
    yield s;
    if (this.signals.term && !this.termHandled) {
      this.termHandled = true;
      const trap = this.traps.get('TERM');
      if (trap) yield* this.runScript(trap);
    }
  }

  *cost(ms = COMMAND_COST_MS): Generator<TimedStep, void, void> {
    this.pendingMs += ms;
    if (this.pendingMs < FLUSH_MS) return;
    yield* this.flush();
    if (!this.busy) {
      // A loop without sleep keeps a core busy.
      this.busy = true;
      yield* this.step({ afterMs: 0, event: { kind: 'usage', usage: { cpuMillis: 1000 } } });
    }
  }

  *sleep(ms: number): Generator<TimedStep, void, void> {
    yield* this.flush();
    if (this.busy) {
      this.busy = false;
      yield* this.step({ afterMs: 0, event: { kind: 'usage', usage: { cpuMillis: 0 } } });
    }
    yield* this.step({ afterMs: ms, event: { kind: 'tick' } });
  }

  /** Parse and run a script; syntax errors are reported as ash reports them, with status 2. */
  *runScript(script: string): Generator<TimedStep, number, void> {
    let node: ShellNode;
    try {
      node = parseScript(script);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      this.write(2, `${this.errorPrefix()} ${e.message}\n`);
      return (this.status = 2);
    }
    return yield* this.run(node);
  }

  *run(node: ShellNode): Generator<TimedStep, number, void> {
    switch (node.k) {
      case 'list':
        for (const item of node.items) yield* this.run(item);
        return this.status;
      case 'and':
        if ((yield* this.run(node.left)) === 0) yield* this.run(node.right);
        return this.status;
      case 'or':
        if ((yield* this.run(node.left)) !== 0) yield* this.run(node.right);
        return this.status;
      case 'not':
        return (this.status = (yield* this.run(node.cmd)) === 0 ? 1 : 0);
      case 'pipe': {
        // Output of all but the last command is discarded: there are no real pipes.
        const saved = this.out;
        for (let i = 0; i < node.cmds.length; i++) {
          this.out = i < node.cmds.length - 1 ? { kind: 'discard' } : saved;
          yield* this.run(node.cmds[i]!);
        }
        this.out = saved;
        return this.status;
      }
      case 'group':
        return yield* this.run(node.body);
      case 'while': {
        this.status = 0;
        let last = 0;
        for (;;) {
          const c = yield* this.run(node.cond);
          yield* this.cost();
          if ((c === 0) === node.until) break;
          last = yield* this.run(node.body);
        }
        return (this.status = last);
      }
      case 'for': {
        const items: string[] = [];
        for (const w of node.items) items.push(...(yield* this.expand(w)));
        let last = 0;
        for (const item of items) {
          this.vars.set(node.name, item);
          last = yield* this.run(node.body);
          yield* this.cost();
        }
        return (this.status = last);
      }
      case 'if': {
        for (const b of node.branches) {
          if ((yield* this.run(b.cond)) === 0) return yield* this.run(b.body);
        }
        return node.otherwise ? yield* this.run(node.otherwise) : (this.status = 0);
      }
      case 'simple':
        return yield* this.simple(node);
    }
  }

  private *simple(node: Extract<ShellNode, { k: 'simple' }>): Generator<TimedStep, number, void> {
    yield* this.cost();
    const argv: string[] = [];
    for (const w of node.words) argv.push(...(yield* this.expand(w)));
    const values: [string, string][] = [];
    for (const a of node.assigns) values.push([a.name, (yield* this.expand(a.value, false)).join('')]);
    if (argv.length === 0) {
      for (const [k, v] of values) this.vars.set(k, v);
      return (this.status = 0);
    }
    const saved = [this.out, this.err] as const;
    const files = yield* this.applyRedirects(node.redirects);
    try {
      this.status = yield* this.exec(argv);
    } finally {
      this.out = saved[0];
      this.err = saved[1];
      for (const f of files) {
        const text = f.buf.join('');
        this.env.fs.set(f.path, f.append ? (this.env.fs.get(f.path) ?? '') + text : text);
      }
    }
    return this.status;
  }

  /** Run one command line: a builtin, a program from the catalogue, or `not found`. */
  *exec(argv: readonly string[]): Generator<TimedStep, number, void> {
    const name = argv[0]!;
    const base = name.slice(name.lastIndexOf('/') + 1);
    const builtin = COMMANDS[base];
    if (builtin) {
      const r = builtin(this, argv.slice(1));
      return typeof r === 'number' ? r : yield* r;
    }
    const program = this.spawn(argv);
    if (program) return yield* this.runChild(program, false);
    this.write(2, this.name === 'bash' ? `${this.errorPrefix()} ${name}: command not found\n` : `${this.errorPrefix()} ${name}: not found\n`);
    return 127;
  }

  /** Run a catalogue program in the foreground; with `exec` it replaces the shell and its exit ends the container. */
  *runChild(program: Process, replace: boolean): Generator<TimedStep, number, void> {
    yield* this.flush();
    if (replace) this.execProgram = program;
    for (;;) {
      const r = program.steps.next();
      if (r.done) {
        // A server that never exits: the shell waits on it forever.
        yield { afterMs: Number.POSITIVE_INFINITY, event: { kind: 'tick' } };
        return 0;
      }
      if (r.value.event.kind === 'exit') {
        if (replace) throw new ShellExit(r.value.event.code);
        yield* this.step({ afterMs: r.value.afterMs, event: { kind: 'tick' } });
        return r.value.event.code;
      }
      yield* this.step(r.value);
    }
  }

  /** Expand a word: variables, command substitution, arithmetic; unquoted results are split on whitespace. */
  *expand(word: Word, split = true): Generator<TimedStep, string[], void> {
    const fields: string[] = [''];
    let any = false;
    for (const p of word) {
      let text: string;
      if (p.t === 'lit') {
        text = p.v;
        any = true;
        fields[fields.length - 1] += text;
        continue;
      }
      if (p.t === 'var') text = this.variable(p.name);
      else if (p.t === 'arith') {
        try {
          text = String(evalArithmetic(p.expr, (n) => this.vars.get(n)));
        } catch (e) {
          if (!(e instanceof ShellSyntaxError)) throw e;
          this.write(2, `${this.errorPrefix()} ${e.message}\n`);
          throw new ShellExit(2);
        }
      } else text = (yield* this.capture(p.script)).replace(/\n+$/, '');
      if (p.quoted || !split) {
        any = true;
        fields[fields.length - 1] += text;
        continue;
      }
      const pieces = text.split(/[ \t\n]+/);
      pieces.forEach((piece, i) => {
        if (i > 0) fields.push('');
        fields[fields.length - 1] += piece;
      });
      if (text.trim()) any = true;
    }
    const out = fields.filter((f, i) => f !== '' || (any && fields.length === 1 && i === 0));
    return split ? out : [fields.join(' ')];
  }

  private variable(name: string): string {
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return '1';
      case '#':
        return '0';
      case '0':
        return this.name;
      case 'RANDOM':
        return String(this.env.rng.int(32768));
      default:
        return this.vars.get(name) ?? '';
    }
  }

  /** `$(…)`: run a script with its output captured. */
  *capture(script: string): Generator<TimedStep, string, void> {
    const saved = this.out;
    const buf: string[] = [];
    this.out = { kind: 'buffer', buf };
    try {
      yield* this.runScript(script);
    } finally {
      this.out = saved;
    }
    return buf.join('');
  }

  private *applyRedirects(redirects: readonly Redirect[]): Generator<TimedStep, { path: string; append: boolean; buf: string[] }[], void> {
    const files: { path: string; append: boolean; buf: string[] }[] = [];
    for (const r of redirects) {
      if (r.op === '<') continue;
      if (r.op === 'dup') {
        if (r.fd === 2) this.err = this.out;
        else this.out = this.err;
        continue;
      }
      const path = (yield* this.expand(r.target!, false)).join('');
      let sink: Sink;
      if (path === '/dev/null') sink = { kind: 'discard' };
      else if (path === '/dev/stdout') sink = { kind: 'log', stream: 'stdout' };
      else if (path === '/dev/stderr') sink = { kind: 'log', stream: 'stderr' };
      else {
        const buf: string[] = [];
        files.push({ path, append: r.op === '>>', buf });
        sink = { kind: 'buffer', buf };
      }
      if (r.fd === 1) this.out = sink;
      else this.err = sink;
    }
    return files;
  }
}

/** The steps of a whole `sh -c` run: the script, then the exit with its status. */
export function* shellProcess(shell: Shell, script: string): Generator<TimedStep, void, void> {
  let code: number;
  try {
    code = yield* shell.runScript(script);
  } catch (e) {
    if (!(e instanceof ShellExit)) throw e;
    code = e.code;
  }
  yield* shell.flush();
  yield { afterMs: 0, event: { kind: 'exit', code } };
}
