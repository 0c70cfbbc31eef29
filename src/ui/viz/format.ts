/** Short human figures for cards: millicores as cores, bytes as GiB/MiB. */
export function cores(millis: number): string {
  const c = millis / 1000;
  return c >= 10 || Number.isInteger(c) ? String(Math.round(c * 10) / 10) : c.toFixed(2).replace(/0$/, '');
}

export function bytes(n: number): string {
  const gib = n / 2 ** 30;
  if (gib >= 1) return `${gib >= 100 ? Math.round(gib) : Math.round(gib * 10) / 10} GiB`;
  return `${Math.round(n / 2 ** 20)} MiB`;
}

/** Virtual time as HH:MM:SS since the cluster booted. */
export function clockText(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * Shorten in the middle: `web-6966957b9c-x2k4p` → `web-69…x2k4p`. Pods of one owner share their
 * prefix, so the end is what tells them apart.
 */
export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.ceil((max - 1) / 2);
  return `${text.slice(0, Math.max(1, max - 1 - tail))}…${text.slice(text.length - tail)}`;
}
