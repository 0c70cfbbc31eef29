import { layoutCluster, type ClusterLayout, type LayoutInput } from './layout';

/** Layout widths tried, as multiples of the view's, for a small cluster that does not fit its view. */
const WIDER = [1.25, 1.5, 2];
/** A wider layout must draw the cluster this much larger (or, overflowing, shorter) to be chosen. */
const MIN_GAIN = 0.02;
/** ...and this much to replace the layout on screen, whose cards would all move. */
const KEEP_MARGIN = 0.08;

/** The scale at which `layout` fits a `viewW`×`viewH` view (1 at most: the view never enlarges). */
export function fitScale(layout: Pick<ClusterLayout, 'width' | 'height'>, viewW: number, viewH: number): number {
  return Math.min(1, viewW / layout.width, viewH / layout.height);
}

/**
 * The layout the view shows: at the view's width when the cluster fits; otherwise one a little
 * wider, so that pools sit side by side (a DGX pool beside the CPU pool) instead of in one tall
 * column the view must shrink until half of it is empty space.
 *
 * The view shrinks to fit down to `minScale` and no further, so no layout is wider than the view
 * holds at that scale: a cluster that still does not fit overflows downwards, where the wheel
 * scrolls, never sideways. Of the widths that fit whole, the one drawn largest wins; when none
 * fits, the shortest, which leaves the least below the fold.
 *
 * `keptWidth` is the width shown now: it stays while it is nearly as good, so that a pod more or
 * less does not send every card to a new place (and out from under the learner's pointer).
 */
export function fittedLayout(given: LayoutInput, viewH: number, minScale = 0, keptWidth?: number): ClusterLayout {
  // Laid out more than once: iterators (a Map's values) would be spent by the first layout.
  const input = { ...given, nodes: [...given.nodes], pods: [...given.pods], services: [...(given.services ?? [])] };
  const base = layoutCluster(input);
  if (fitScale(base, input.width, viewH) >= 1) return base;
  const widest = minScale > 0 ? 1 / minScale : Infinity;
  // A large cluster (compact density) tries only the widest width: laying out thousands of pods is
  // the costly step, and such a cluster seldom fits, so the shortest layout is the one that counts.
  const tried = base.density === 'detail' ? WIDER : [widest];
  const factors = [...new Set(tried.map((f) => Math.min(f, widest)))].filter((f) => f > 1 && Number.isFinite(f));
  const candidates = [base, ...factors.map((f) => layoutCluster({ ...input, width: Math.floor(input.width * f), density: base.density }))];
  const scale = (l: ClusterLayout) => fitScale(l, input.width, viewH);
  const fitting = candidates.filter((l) => scale(l) >= minScale);
  const best = fitting.length
    ? fitting.reduce((b, l) => (scale(l) > scale(b) + MIN_GAIN ? l : b))
    : candidates.reduce((b, l) => (l.height < b.height * (1 - MIN_GAIN) ? l : b));
  const kept = candidates.find((l) => l.width === keptWidth);
  if (!kept || kept === best) return best;
  const nearlyAsGood = fitting.length ? fitting.includes(kept) && scale(kept) >= scale(best) - KEEP_MARGIN : kept.height <= best.height * (1 + KEEP_MARGIN);
  return nearlyAsGood ? kept : best;
}
