/**
 * Virtual time to wall-clock strings. The simulated cluster's clock starts at a fixed instant so
 * that timestamps in a run are reproducible.
 */
export const SIMULATION_EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);

/** RFC 3339 with second precision, as metadata.creationTimestamp is serialised. */
export function rfc3339(virtualMs: number): string {
  return new Date(SIMULATION_EPOCH_MS + Math.floor(virtualMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 with microseconds, as Event.eventTime (MicroTime) is serialised. */
export function rfc3339Micro(virtualMs: number): string {
  return new Date(SIMULATION_EPOCH_MS + virtualMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Back from a timestamp written by rfc3339 to virtual milliseconds. */
export function parseTimestamp(timestamp: string): number {
  return Date.parse(timestamp) - SIMULATION_EPOCH_MS;
}
