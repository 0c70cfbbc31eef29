/**
 * Readline-style editing of the input line as pure functions on (text, cursor), so the
 * keyboard handling is testable without a DOM: Ctrl+A/E to the ends, Ctrl+U/K to cut before or
 * after the cursor, Ctrl+W to cut the word before it, and Tab completion.
 */
export interface LineState {
  readonly text: string;
  readonly cursor: number;
}

export const toStart = (s: LineState): LineState => ({ text: s.text, cursor: 0 });
export const toEnd = (s: LineState): LineState => ({ text: s.text, cursor: s.text.length });
export const cutBefore = (s: LineState): LineState => ({ text: s.text.slice(s.cursor), cursor: 0 });
export const cutAfter = (s: LineState): LineState => ({ text: s.text.slice(0, s.cursor), cursor: s.cursor });

/** Ctrl+W: delete back to the start of the previous whitespace-separated word. */
export function cutWordBefore(s: LineState): LineState {
  let i = s.cursor;
  while (i > 0 && /\s/.test(s.text[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(s.text[i - 1]!)) i--;
  return { text: s.text.slice(0, i) + s.text.slice(s.cursor), cursor: i };
}

/** The longest prefix all candidates share. */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0]!;
  for (const c of candidates) {
    while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

export interface CompletionOutcome {
  readonly state: LineState;
  /** Several candidates and nothing more to add: the shell lists them. */
  readonly list?: readonly string[];
}

/**
 * Apply a completion as bash does: one candidate completes the word and adds a space (unless it
 * ends in `=` or `/`, where more follows); several extend the word to their common prefix, and
 * list themselves when the prefix adds nothing.
 */
export function applyCompletion(s: LineState, candidates: readonly string[], replaceFrom: number): CompletionOutcome {
  if (candidates.length === 0) return { state: s };
  const typed = s.text.slice(replaceFrom, s.cursor);
  const after = s.text.slice(s.cursor);
  if (candidates.length === 1) {
    const word = candidates[0]!;
    const suffix = /[=/]$/.test(word) || after.startsWith(' ') ? '' : ' ';
    const text = s.text.slice(0, replaceFrom) + word + suffix + after;
    return { state: { text, cursor: replaceFrom + word.length + suffix.length } };
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > typed.length) {
    return { state: { text: s.text.slice(0, replaceFrom) + prefix + after, cursor: replaceFrom + prefix.length } };
  }
  return { state: s, list: candidates };
}

/** Lay candidates out in columns as bash lists them, for a terminal `width` characters wide. */
export function columns(candidates: readonly string[], width: number): string {
  const col = Math.max(...candidates.map((c) => c.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / col));
  const rows = Math.ceil(candidates.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = candidates[c * rows + r];
      if (item !== undefined) line += item.padEnd(col);
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}
