import type { EditRequest } from '../../core';
import { HeredocReader, heredocStart } from './heredoc';

/** What a command printed, as the terminal receives it from the simulation. */
export interface TerminalOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** The command goes on streaming (`kubectl get -w`) until stopWatch(). */
  readonly watching?: boolean;
  /** `kubectl debug node/<name> -it` opened a shell on that node. */
  readonly nodeShell?: { readonly node: string };
  /** The node shell's `exit`. */
  readonly exited?: boolean;
  /** The output in printed order, when stdout and stderr interleave (drain). */
  readonly lines?: readonly { readonly stream: 'stdout' | 'stderr'; readonly text: string }[];
  /** `kubectl edit` opened an edit: the app shows it in an editor tab and saves it with the worker's saveEdit. */
  readonly edit?: EditRequest;
}

export interface Completion {
  readonly candidates: readonly string[];
  readonly replaceFrom: number;
}

/**
 * What the terminal needs from its host (the worker, through the UI): run a kubectl line with
 * optional stdin and a callback for streamed output, stop a watch, complete a line, and run a
 * line in a node shell.
 */
export interface TerminalBackend {
  run(line: string, stdin: string | undefined, onChunk: (text: string) => void): Promise<TerminalOutput>;
  stopWatch?(): void | Promise<void>;
  complete(line: string, cursor: number): Promise<Completion>;
  runInNode?(node: string, line: string): Promise<TerminalOutput>;
}

export type Entry =
  | { readonly kind: 'input'; readonly prompt: string; readonly text: string }
  | { readonly kind: 'output'; readonly text: string; readonly stream: 'stdout' | 'stderr' };

export const PROMPT = '$ ';
export const CONTINUATION_PROMPT = '> ';

/**
 * The shell behind the terminal: echoes what was typed, runs kubectl through the backend,
 * collects here-documents, keeps streaming watches until interrupted, and switches to a node's
 * root prompt after `kubectl debug node/…`. Only `kubectl`, `clear` and `history` exist here,
 * as in a minimal shell; anything else is `command not found`.
 */
export class TerminalSession {
  entries: Entry[] = [];
  busy = false;
  watching = false;
  node: string | undefined;
  private heredoc: { reader: HeredocReader } | undefined;
  /** The output of the latest command, for the screen-reader announcement. */
  lastOutput = '';

  constructor(
    private readonly backend: TerminalBackend,
    private readonly onchange: () => void = () => {},
    private readonly history: () => readonly string[] = () => [],
    /** Opens `kubectl edit`'s text in an editor tab (the app's concern); without it, edit says it cannot open an editor. */
    private readonly openEditor?: (edit: EditRequest) => void,
  ) {}

  /** The outcome of saving (or closing) an edit tab, printed as kubectl prints it when its editor closes. */
  reportEdit(out: TerminalOutput): void {
    this.show(out);
  }

  prompt(): string {
    if (this.heredoc) return CONTINUATION_PROMPT;
    return this.node ? `root@${this.node}:/# ` : PROMPT;
  }

  /** Enter was pressed on `line`. */
  async submit(line: string): Promise<void> {
    const prompt = this.prompt();
    this.entries.push({ kind: 'input', prompt, text: line });
    if (this.heredoc) {
      const stdin = this.heredoc.reader.feed(line);
      if (stdin !== undefined) {
        const command = this.heredoc.reader.start.command;
        this.heredoc = undefined;
        await this.execute(command, stdin);
      } else this.onchange();
      return;
    }
    const start = heredocStart(line);
    if (start) {
      this.heredoc = { reader: new HeredocReader(start) };
      this.onchange();
      return;
    }
    await this.execute(line, undefined);
  }

  /** Ctrl+C: stop a watch, abandon a here-document, or show ^C for the typed line. */
  async interrupt(typed: string): Promise<void> {
    if (this.watching) {
      this.watching = false;
      this.append('^C', 'stdout');
      await this.backend.stopWatch?.();
      this.onchange();
      return;
    }
    this.entries.push({ kind: 'input', prompt: this.prompt(), text: `${typed}^C` });
    this.heredoc = undefined;
    this.onchange();
  }

  /** The worker streaming the watch was restarted: the watch is over, and the prompt comes back. */
  watchLost(): void {
    if (!this.watching) return;
    this.watching = false;
    this.onchange();
  }

  clear(): void {
    this.entries = [];
    this.onchange();
  }

  private async execute(line: string, stdin: string | undefined): Promise<void> {
    const words = line.trim().split(/\s+/);
    const program = words[0] ?? '';
    if (program === '') return this.onchange();
    if (program === 'clear') return this.clear();
    if (program === 'history') {
      this.show({ stdout: this.history().map((h, i) => `${String(i + 1).padStart(5)}  ${h}`).join('\n'), stderr: '', exitCode: 0 });
      return;
    }
    this.busy = true;
    this.onchange();
    try {
      if (this.node) {
        const out = this.backend.runInNode ? await this.backend.runInNode(this.node, line) : { stdout: '', stderr: 'exit', exitCode: 0, exited: true };
        if (out.exited) this.node = undefined;
        this.show(out);
        return;
      }
      if (program !== 'kubectl') {
        this.show({ stdout: '', stderr: `bash: ${program}: command not found`, exitCode: 127 });
        return;
      }
      const out = await this.backend.run(line, stdin, (chunk) => {
        if (!this.watching) return;
        this.append(chunk, 'stdout');
        this.onchange();
      });
      if (out.edit) {
        if (this.openEditor) this.openEditor(out.edit);
        else this.show({ stdout: '', stderr: 'error: no editor is available to open the object in', exitCode: 1 });
      }
      this.show(out);
      if (out.watching) this.watching = true;
      if (out.nodeShell) this.node = out.nodeShell.node;
    } finally {
      this.busy = false;
      this.onchange();
    }
  }

  private show(out: TerminalOutput): void {
    if (out.lines) {
      for (const l of out.lines) this.append(l.text, l.stream);
      this.lastOutput = out.lines.map((l) => l.text).join('\n');
      this.onchange();
      return;
    }
    // kubectl prints results, then the errors it collected; warnings (delete --force) come first.
    const warningFirst = out.stderr.startsWith('Warning:');
    if (out.stderr && warningFirst) this.append(out.stderr, 'stderr');
    if (out.stdout) this.append(out.stdout, 'stdout');
    if (out.stderr && !warningFirst) this.append(out.stderr, 'stderr');
    this.lastOutput = [out.stderr, out.stdout].filter(Boolean).join('\n');
    this.onchange();
  }

  private append(text: string, stream: 'stdout' | 'stderr'): void {
    this.entries.push({ kind: 'output', text, stream });
    // Keep the scrollback bounded, as terminals do.
    if (this.entries.length > 5000) this.entries.splice(0, this.entries.length - 5000);
  }
}
