/**
 * kubectl's table layout: a tabwriter with minimum width 0, tab width 8, padding 3, padding
 * character ' ' and no trailing padding on the last column.
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]! + 3))).join(''))
    .join('\n');
}
