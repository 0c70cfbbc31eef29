/**
 * The FailedScheduling message (framework.FitError.Error()): one `<count> <reason>` per reason,
 * sorted as strings, joined by ", ", after `0/N nodes are available: `.
 */
export function fitErrorMessage(numAllNodes: number, reasonsByNode: ReadonlyMap<string, readonly string[]>): string {
  const counts = new Map<string, number>();
  for (const reasons of reasonsByNode.values()) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${n} ${reason}`).sort();
  return `0/${numAllNodes} nodes are available: ${parts.join(', ')}.`;
}
