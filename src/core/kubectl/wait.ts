/**
 * The virtual clock as the commands that wait (`rollout status`) need it: the time of the next
 * due task and a way to run up to an instant.
 */
export interface WaitClock {
  now(): number;
  nextAt(): number | undefined;
  runUntil(ms: number): void;
}

/**
 * Without --timeout kubectl waits until Ctrl+C. Commands that wait in the simulation (rollout
 * status, drain) run the virtual clock forward, so an endless wait is cut off after this much
 * virtual time and says so (docs/fidelity.md).
 */
export const WAIT_CAP_MS = 15 * 60_000;

/**
 * Run the clock forward one instant at a time — every task due at the next instant, then look —
 * until `done()` is true or `untilMs` is reached. Stopping at the exact instant the condition
 * holds is what a watch would see; the command that waits reports itself as a mutation, so the
 * simulation logs it and a replay waits the same way.
 */
export function waitOnClock(clock: WaitClock, untilMs: number, done: () => boolean): void {
  while (!done() && clock.now() < untilMs) {
    const next = clock.nextAt();
    clock.runUntil(next === undefined || next > untilMs ? untilMs : next);
  }
}
