import type { PodVisualState } from '../../worker/protocol';

/** 16×16 icons for pod states, so state never relies on colour alone. */
export const POD_ICONS: Record<PodVisualState, { d: string; fill: boolean }> = {
  pending: { d: 'M4.5 2h7M4.5 14h7M5 2.5c0 3 6 3.5 6 5.5s-6 2.5-6 5.5M11 2.5c0 3-6 3.5-6 5.5s6 2.5 6 5.5', fill: false },
  creating: { d: 'M13.5 8A5.5 5.5 0 1 1 8 2.5M8 2.5l2.2-1.6M8 2.5l1.9 1.9', fill: false },
  running: { d: 'M5 3.2v9.6L13 8z', fill: true },
  notready: { d: 'M5 3.2v9.6L13 8zM2.5 2.5l11 11', fill: false },
  failed: { d: 'M4 4l8 8M12 4l-8 8', fill: false },
  succeeded: { d: 'M3.5 8.5l3 3 6-7', fill: false },
  terminating: { d: 'M4.5 4.5h7v7h-7z', fill: true },
  unknown: { d: 'M6 6a2 2 0 1 1 3 1.7c-.7.4-1 .8-1 1.6M8 12v.5', fill: false },
};

/** Node health at a glance: a check, a warning triangle (cordoned, pressure), a cross (down). */
export const CONDITION_ICONS = {
  ok: 'M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13zM5 8.2l2 2 4-4.4',
  warning: 'M8 1.8 15 14H1zM8 6v4M8 11.8v.4',
  down: 'M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 1 1 0-13zM5.5 5.5l5 5M10.5 5.5l-5 5',
} as const;
