/**
 * Here-documents, so a manifest can be pasted into the terminal as on a real shell:
 *
 *     kubectl apply -f - <<EOF
 *     apiVersion: v1
 *     …
 *     EOF
 *
 * `<<WORD`, `<<'WORD'`, `<<"WORD"` and `<<-WORD` (which strips leading tabs) are understood; the
 * body becomes the command's standard input and the `<<…` part leaves the command line.
 */
export interface HeredocStart {
  /** The command line without the `<<WORD` redirection. */
  readonly command: string;
  readonly delimiter: string;
  readonly stripTabs: boolean;
}

const HEREDOC = /\s*<<(-?)\s*(?:'([^']+)'|"([^"]+)"|([A-Za-z_][A-Za-z0-9_]*))\s*/;

/** Whether a command line opens a here-document, and with which delimiter. */
export function heredocStart(line: string): HeredocStart | undefined {
  const m = HEREDOC.exec(line);
  if (!m) return undefined;
  const delimiter = m[2] ?? m[3] ?? m[4]!;
  const command = (line.slice(0, m.index) + ' ' + line.slice(m.index + m[0].length)).trim();
  return { command, delimiter, stripTabs: m[1] === '-' };
}

/** Collects the lines of an open here-document until its delimiter line. */
export class HeredocReader {
  private readonly lines: string[] = [];

  constructor(readonly start: HeredocStart) {}

  /** Add one line; returns the finished standard input when the line is the delimiter. */
  feed(line: string): string | undefined {
    const candidate = this.start.stripTabs ? line.replace(/^\t+/, '') : line;
    if (candidate === this.start.delimiter) return this.lines.length ? `${this.lines.join('\n')}\n` : '';
    this.lines.push(candidate);
    return undefined;
  }
}

/** Text pasted with newlines becomes lines typed one after the other (a trailing newline runs the last). */
export function splitPaste(text: string): { lines: string[]; rest: string } {
  const parts = text.replace(/\r\n?/g, '\n').split('\n');
  const rest = parts.pop()!;
  return { lines: parts, rest };
}
