/**
 * Virtual time to wall-clock strings. The simulated cluster's clock starts at a fixed instant so
 * that timestamps in a run are reproducible.
 */
export const SIMULATION_EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);

/**
 * The last conversions, remembered: within one instant many objects are stamped with the same
 * time (a status write, its events, a heartbeat), and controllers read the same timestamps back
 * on every sync. Formatting and parsing are pure, so a remembered answer is the same answer.
 */
let lastSecond = NaN;
let lastSecondText = '';
let lastMicroMs = NaN;
let lastMicroText = '';
const parsed = new Map<string, number>();
/** Distinct timestamps parsed before the memory is cleared (a long run stamps ever new ones). */
const PARSED_LIMIT = 50_000;

/** RFC 3339 with second precision, as metadata.creationTimestamp is serialised. */
export function rfc3339(virtualMs: number): string {
  const second = Math.floor(virtualMs / 1000);
  if (second !== lastSecond) {
    lastSecondText = new Date(SIMULATION_EPOCH_MS + second * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = second;
  }
  return lastSecondText;
}

/** RFC 3339 with microseconds, as Event.eventTime (MicroTime) is serialised. */
export function rfc3339Micro(virtualMs: number): string {
  if (virtualMs !== lastMicroMs) {
    // toISOString ends in `.sssZ`: three more digits make microseconds.
    lastMicroText = `${new Date(SIMULATION_EPOCH_MS + virtualMs).toISOString().slice(0, -1)}000Z`;
    lastMicroMs = virtualMs;
  }
  return lastMicroText;
}

/** Back from a timestamp written by rfc3339 to virtual milliseconds. */
export function parseTimestamp(timestamp: string): number {
  let ms = parsed.get(timestamp);
  if (ms === undefined) {
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    ms = Date.parse(timestamp) - SIMULATION_EPOCH_MS;
    parsed.set(timestamp, ms);
  }
  return ms;
}
