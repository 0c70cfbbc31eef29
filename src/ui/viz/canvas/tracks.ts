import type { ClusterLayout, PodBox } from '../layout';
import { APPEAR_MS, EXIT_MS, FADE_MS, FLIGHT_MS, MOVE_MS } from '../motion';

interface Track {
  readonly fromX: number;
  readonly fromY: number;
  readonly t0: number;
  readonly dur: number;
  /** fly: travel with easing; fade: fade out where it was, in where it goes; appear: fade in. */
  readonly mode: 'fly' | 'fade' | 'appear';
}

interface Ghost {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly t0: number;
}

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2);

/**
 * The canvas renderer's animation state: where each pod is between two layouts. A pod that
 * moves gets a track from where it is now to its new box; a pod that goes leaves a ghost that
 * fades out. Under reduced motion, tracks fade instead of travelling.
 */
export class PodTracks {
  private readonly tracks = new Map<string, Track>();
  private ghosts: Ghost[] = [];
  private previous: ReadonlyMap<string, PodBox> = new Map();

  follow(layout: ClusterLayout, now: number, instant: boolean, reduced: boolean): void {
    const entry = layout.queueEntry;
    for (const box of layout.pods.values()) {
      const id = box.pod.id;
      const prev = this.previous.get(id);
      if (instant) {
        this.tracks.delete(id);
        continue;
      }
      if (!prev) {
        if (box.inQueue || reduced) this.tracks.set(id, { fromX: box.x, fromY: box.y, t0: now, dur: APPEAR_MS, mode: 'appear' });
        else this.tracks.set(id, { fromX: entry.x, fromY: entry.y, t0: now, dur: FLIGHT_MS, mode: 'fly' });
        continue;
      }
      if (prev.x === box.x && prev.y === box.y) continue;
      const at = this.position(id, prev, now);
      if (reduced) this.tracks.set(id, { fromX: at.x, fromY: at.y, t0: now, dur: FADE_MS * 2.5, mode: 'fade' });
      else this.tracks.set(id, { fromX: at.x, fromY: at.y, t0: now, dur: prev.inQueue && !box.inQueue ? FLIGHT_MS : MOVE_MS, mode: 'fly' });
    }
    for (const [id, prev] of this.previous) {
      if (layout.pods.has(id)) continue;
      this.tracks.delete(id);
      if (!instant) {
        const at = this.position(id, prev, now);
        this.ghosts.push({ x: at.x, y: at.y, w: prev.w, h: prev.h, t0: now });
      }
    }
    this.previous = layout.pods;
  }

  /** Where a pod is drawn now, and how opaque. */
  position(id: string, box: PodBox, now = performance.now()): { x: number; y: number; alpha: number } {
    const t = this.tracks.get(id);
    if (!t) return { x: box.x, y: box.y, alpha: 1 };
    const e = Math.min(1, (now - t.t0) / t.dur);
    if (t.mode === 'appear') return { x: box.x, y: box.y, alpha: e };
    if (t.mode === 'fade') {
      const half = FADE_MS / (FADE_MS * 2.5);
      return e < half ? { x: t.fromX, y: t.fromY, alpha: 1 - e / half } : { x: box.x, y: box.y, alpha: (e - half) / (1 - half) };
    }
    const k = ease(e);
    return { x: t.fromX + (box.x - t.fromX) * k, y: t.fromY + (box.y - t.fromY) * k, alpha: 1 };
  }

  /** Drop finished tracks; true while any pod is still moving or fading. */
  advance(now: number): boolean {
    for (const [id, t] of this.tracks) if (now - t.t0 >= t.dur) this.tracks.delete(id);
    this.ghosts = this.ghosts.filter((g) => now - g.t0 < EXIT_MS);
    return this.tracks.size > 0 || this.ghosts.length > 0;
  }

  /** Pods that are gone, fading out where they were. */
  *exiting(now: number): Iterable<Ghost & { alpha: number }> {
    for (const g of this.ghosts) yield { ...g, alpha: 1 - (now - g.t0) / EXIT_MS };
  }
}
