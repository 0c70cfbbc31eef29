/**
 * The timings of the view's animations, and the reduced-motion policy: with
 * `prefers-reduced-motion`, nothing travels across the screen; a pod fades out where it was and
 * fades in where it goes.
 */
export const FLIGHT_MS = 850;
export const MOVE_MS = 450;
export const APPEAR_MS = 250;
export const EXIT_MS = 450;
export const FADE_MS = 180;
export const SHAKE_MS = 650;

const query = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;

export function reducedMotion(): boolean {
  return query?.matches ?? false;
}
