import { SIMULATION_EPOCH_MS } from '../../engine/time';

/**
 * Timestamps as each program prints them in its own logs, from virtual time (the cluster's clock
 * runs in UTC).
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const p2 = (n: number) => String(n).padStart(2, '0');

function parts(ms: number) {
  const d = new Date(SIMULATION_EPOCH_MS + ms);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    d: d.getUTCDate(),
    wd: d.getUTCDay(),
    h: p2(d.getUTCHours()),
    mi: p2(d.getUTCMinutes()),
    s: p2(d.getUTCSeconds()),
    ms: String(d.getUTCMilliseconds()).padStart(3, '0'),
  };
}

/** `date` in busybox and coreutils: Mon Jan  5 09:00:00 UTC 2026. */
export function unixDate(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]} ${MONTHS[t.mo]} ${String(t.d).padStart(2, ' ')} ${t.h}:${t.mi}:${t.s} UTC ${t.y}`;
}

/** nginx error log: 2026/01/05 09:00:03. */
export function nginxTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}/${p2(t.mo + 1)}/${p2(t.d)} ${t.h}:${t.mi}:${t.s}`;
}

/** Common Log Format, as nginx and httpd access logs print it: 05/Jan/2026:09:00:13 +0000. */
export function clfTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)}/${MONTHS[t.mo]}/${t.y}:${t.h}:${t.mi}:${t.s} +0000`;
}

/** Redis: 05 Jan 2026 09:00:03.123. */
export function redisTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${t.h}:${t.mi}:${t.s}.${t.ms}`;
}

/** Apache httpd error log: Mon Jan 05 09:00:03.123000 2026. */
export function httpdTime(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]} ${MONTHS[t.mo]} ${p2(t.d)} ${t.h}:${t.mi}:${t.s}.${t.ms}000 ${t.y}`;
}

/** glog (Triton): the part after the level letter, 0105 09:00:03.123000. */
export function glogTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.mo + 1)}${p2(t.d)} ${t.h}:${t.mi}:${t.s}.${t.ms}000`;
}

/** Python's http.server access log: 05/Jan/2026 09:00:13. */
export function pythonTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)}/${MONTHS[t.mo]}/${t.y} ${t.h}:${t.mi}:${t.s}`;
}

/** Seconds since the Unix epoch, as `date +%s` prints them. */
export function epochSeconds(ms: number): number {
  return Math.floor((SIMULATION_EPOCH_MS + ms) / 1000);
}
