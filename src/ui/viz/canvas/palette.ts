import type { PodVisualState } from '../../../worker/protocol';

/** The theme's colours, read from the CSS custom properties so the canvas matches the SVG view. */
export interface Palette {
  readonly font: string;
  readonly text: string;
  readonly textMuted: string;
  readonly textFaint: string;
  readonly surface: string;
  readonly surfaceSunken: string;
  readonly border: string;
  readonly borderStrong: string;
  readonly lane: string;
  readonly accent: string;
  readonly memory: string;
  readonly service: string;
  readonly serviceSoft: string;
  readonly gpu: string;
  readonly gpuSoft: string;
  readonly running: string;
  readonly pending: string;
  readonly failed: string;
  readonly failedSoft: string;
  /** Per pod state: the strong colour, the soft fill, and whether the square is drawn hollow. */
  readonly state: Record<PodVisualState, { stroke: string; fill: string; hollow: boolean }>;
}

export function readPalette(el: Element = document.documentElement): Palette {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  const st = (name: string, hollow: boolean) => ({ stroke: v(`--state-${name}`), fill: v(`--state-${name}-soft`), hollow });
  return {
    font: v('--font-ui') || 'sans-serif',
    text: v('--text'),
    textMuted: v('--text-muted'),
    textFaint: v('--text-faint'),
    surface: v('--surface'),
    surfaceSunken: v('--surface-sunken'),
    border: v('--border'),
    borderStrong: v('--border-strong'),
    lane: v('--surface-2'),
    accent: v('--accent'),
    memory: v('--memory'),
    service: v('--service'),
    serviceSoft: v('--service-soft'),
    gpu: v('--gpu'),
    gpuSoft: v('--gpu-soft'),
    running: v('--state-running'),
    pending: v('--state-pending'),
    failed: v('--state-failed'),
    failedSoft: v('--state-failed-soft'),
    // Hollow squares for states that are not (yet) running, filled for the rest: shape as well as colour.
    state: {
      pending: st('pending', true),
      creating: st('creating', true),
      running: st('running', false),
      notready: st('pending', true),
      failed: st('failed', false),
      succeeded: { stroke: v('--state-done'), fill: v('--state-done-soft'), hollow: true },
      terminating: st('terminating', true),
      unknown: st('terminating', true),
    },
  };
}
