/**
 * Go's text/tabwriter, which kubectl writes all its tables and describe output through. Text is
 * split into cells at tabs; a cell is padded to the widest cell of its *column block* — the run
 * of consecutive lines that have a cell in that column — so a line without tabs ends every
 * block. The text after a line's last tab is not a cell and is never padded. Alignment is left,
 * the padding character a space (kubectl's settings: minwidth 0, tabwidth 8, flags 0).
 *
 * This block rule is why `Events:  <none>` in `kubectl describe node` lines up with the
 * allocated-resources table just above it: both belong to one block.
 */
export interface TabwriterOptions {
  /** Spaces added to the widest cell of a column: 3 for `kubectl get`, 2 for describe. */
  readonly padding: number;
  readonly minWidth?: number;
}

export function tabwrite(text: string, options: TabwriterOptions): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const out: string[] = new Array<string>(lines.length);
  const widths: number[] = [];
  const padding = options.padding;
  const minWidth = options.minWidth ?? 0;

  const write = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j]!;
        s += j < cells.length - 1 && j < widths.length ? cell.padEnd(widths[j]!) : cell;
      }
      out[i] = s;
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let pos = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      // A block of lines with a cell in this column starts here.
      write(pos, i);
      let width = minWidth;
      let end = i;
      for (; end < line1; end++) {
        const cells = lines[end]!;
        if (column >= cells.length - 1) break;
        width = Math.max(width, cells[column]!.length + padding);
      }
      widths.push(width);
      format(i, end);
      widths.pop();
      pos = end;
      i = end - 1;
    }
    write(pos, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/** A table of rows: cells joined by tabs, aligned as `kubectl get` aligns them (padding 3). */
export function formatTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return tabwrite(rows.map((r) => r.join('\t')).join('\n'), { padding: 3 });
}

/**
 * The table writer of `kubectl get --watch`: it remembers column widths between flushes, so
 * rows streamed later stay aligned with the header, widening a column when a longer cell comes
 * (kubernetes PR #72418, "fix tabwriter to remember column widths").
 */
export class StickyTable {
  private widths: number[];

  constructor(widths: readonly number[] = []) {
    this.widths = [...widths];
  }

  columnWidths(): readonly number[] {
    return this.widths;
  }

  format(rows: readonly (readonly string[])[]): string {
    for (const row of rows) {
      row.forEach((cell, i) => {
        if (i < row.length - 1) this.widths[i] = Math.max(this.widths[i] ?? 0, cell.length + 3);
      });
    }
    return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(this.widths[i]!) : cell)).join('')).join('\n');
  }
}
