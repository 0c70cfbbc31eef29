/**
 * ANSI SGR colour codes in command output (kubectl cluster-info prints green and yellow) turned
 * into styled spans. Other escape sequences are dropped.
 */
export interface Span {
  readonly text: string;
  /** A colour name: black, red, green, yellow, blue, magenta, cyan, white (bright variants prefixed `bright-`). */
  readonly color?: string;
  readonly bold?: boolean;
}

const NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

export function parseAnsi(text: string): Span[] {
  const spans: Span[] = [];
  let color: string | undefined;
  let bold = false;
  // eslint-disable-next-line no-control-regex
  const re = /\x1b\[([0-9;]*)([A-Za-z])/g;
  let last = 0;
  let m: RegExpExecArray | null;
  const push = (t: string) => {
    if (t) spans.push({ text: t, ...(color ? { color } : {}), ...(bold ? { bold } : {}) });
  };
  while ((m = re.exec(text))) {
    push(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== 'm') continue;
    for (const code of (m[1] || '0').split(';').map(Number)) {
      if (code === 0) {
        color = undefined;
        bold = false;
      } else if (code === 1) bold = true;
      else if (code === 22) bold = false;
      else if (code >= 30 && code <= 37) color = NAMES[code - 30];
      else if (code >= 90 && code <= 97) color = `bright-${NAMES[code - 90]}`;
      else if (code === 39) color = undefined;
    }
  }
  push(text.slice(last));
  return spans;
}

/** The text without escape codes, for screen readers and copying. */
export function stripAnsi(text: string): string {
  return parseAnsi(text).map((s) => s.text).join('');
}
