import { easeCubicInOut, select, type Selection } from 'd3';
import 'd3-transition';
import type { ContainerView, PodView } from '../../../worker/protocol';
import { truncate } from '../format';
import { POD_ICONS } from '../icons';
import { CONTAINER_ROW_H, type ClusterLayout, type PodBox } from '../layout';
import { APPEAR_MS, EXIT_MS, FADE_MS, FLIGHT_MS, MOVE_MS, SHAKE_MS } from '../motion';
import { sameTarget, type RenderText, type SceneHandlers, type Target } from '../scene';
import { activate } from './node-cards';

type G = Selection<SVGGElement, unknown, null, undefined>;

export interface PodFrame {
  readonly layout: ClusterLayout;
  readonly text: RenderText;
  readonly nowMs: number;
  readonly selected?: Target;
  readonly instant: boolean;
  readonly reduced: boolean;
}

const at = (b: { x: number; y: number }) => `translate(${b.x},${b.y})`;

/** Seconds left in a back-off, for the countdown on a crashing pod's chip. */
export function backOffLeft(c: ContainerView, nowMs: number): number | undefined {
  if (c.backOffUntilMs === undefined || c.state !== 'waiting') return undefined;
  return Math.max(0, Math.ceil((c.backOffUntilMs - nowMs) / 1000));
}

function podBackOff(p: PodView, nowMs: number): number | undefined {
  let left: number | undefined;
  for (const c of p.containers) {
    const s = backOffLeft(c, nowMs);
    if (s !== undefined) left = Math.max(left ?? 0, s);
  }
  return left;
}

function badge(p: PodView, nowMs: number, text: RenderText): string {
  const wait = podBackOff(p, nowMs);
  const restarts = p.restarts ? `↻${p.restarts}` : '';
  return wait !== undefined ? `${restarts} ${text.backOff(wait)}`.trim() : restarts;
}

/**
 * Draw the pods, keyed by uid so each keeps its element for life: it fades in in the queue
 * lane, flies to its node when bound, pulses while created, shakes when a container crashes,
 * and fades when it goes. Only pods whose view or box changed are touched.
 */
export function drawPods(layer: G, frame: PodFrame, handlers: SceneHandlers, drawn: Map<string, PodBox>): void {
  const { layout, text, instant, reduced } = frame;
  const compact = layout.density === 'compact';
  const boxes = [...layout.pods.values()];
  const entry = layout.queueEntry;
  const sel = layer
    .selectAll<SVGGElement, PodBox>('g.pod')
    .data(boxes, (d) => d.pod.id)
    .join(
      (enter) => {
        // A pod never seen in the queue still enters through it, then flies to its node.
        const g = enter
          .append('g')
          .attr('transform', (d) => (d.inQueue || instant || reduced ? at(d) : at(entry)))
          .style('opacity', instant ? 1 : 0);
        g.append('rect').attr('class', 'chip');
        g.append('path').attr('class', 'icon');
        g.append('text').attr('class', 'label').attr('x', 25).attr('y', 16);
        g.append('text').attr('class', 'badge').attr('y', 16).attr('text-anchor', 'end');
        g.append('g').attr('class', 'containers');
        if (!instant) g.transition('appear').duration(APPEAR_MS).style('opacity', 1);
        return g;
      },
      (update) => update,
      (exit) => {
        drawnRemove(exit, drawn);
        return exit
          .interrupt('move')
          .transition('appear')
          .duration(instant ? 0 : EXIT_MS)
          .style('opacity', 0)
          .remove();
      },
    );

  const changed = sel.filter(function (d) {
    const prev = drawn.get(d.pod.id);
    return !prev || prev.pod !== d.pod || prev.x !== d.x || prev.y !== d.y || prev.w !== d.w || prev.h !== d.h;
  });
  const crashed = new Set<string>();
  const moved = new Map<string, 'flight' | 'move'>();
  changed.each((d) => {
    const prev = drawn.get(d.pod.id);
    if (prev && d.pod.restarts > prev.pod.restarts) crashed.add(d.pod.id);
    if (prev && (prev.x !== d.x || prev.y !== d.y)) moved.set(d.pod.id, prev.inQueue && !d.inQueue ? 'flight' : 'move');
    else if (!prev && !d.inQueue && !instant) moved.set(d.pod.id, 'flight');
  });
  for (const b of boxes) drawn.set(b.pod.id, b);

  changed
    .attr('class', (d) => `pod state-${d.pod.visual}${compact ? ' compact' : ''}${d.expanded ? ' expanded' : ''}`)
    .attr('role', 'button')
    .attr('tabindex', compact ? -1 : 0)
    .attr('aria-label', (d) => text.pod(d.pod))
    .attr('aria-expanded', (d) => (compact ? null : String(d.expanded)))
    .attr('data-queued', (d) => (d.inQueue ? '' : null))
    .on('click', (_e, d) => handlers.select({ kind: 'Pod', id: d.pod.id }))
    .on('keydown', (e: KeyboardEvent, d) => activate(e, () => handlers.select({ kind: 'Pod', id: d.pod.id })))
    .on('contextmenu', (e: MouseEvent, d) => {
      e.preventDefault();
      handlers.menu({ kind: 'Pod', id: d.pod.id }, e.clientX, e.clientY);
    })
    .on('mouseenter focus', function (_e, d) {
      handlers.hover({ kind: 'Pod', id: d.pod.id }, (this as SVGGElement).getBoundingClientRect());
    })
    .on('mouseleave blur', () => handlers.hover(undefined));

  changed
    .select('rect.chip')
    .attr('rx', compact ? 2 : 7)
    .attr('width', (d) => d.w)
    .attr('height', (d) => d.h);
  changed
    .select('path.icon')
    .attr('transform', compact ? 'translate(0.5,0.5) scale(0.5)' : 'translate(6,4)')
    .attr('d', (d) => (compact && d.pod.visual !== 'failed' ? '' : POD_ICONS[d.pod.visual].d))
    .attr('class', (d) => `icon${POD_ICONS[d.pod.visual].fill ? ' filled' : ''}`);
  changed.select('text.label').text((d) => (compact ? '' : truncate(d.pod.name, Math.floor((d.w - 34 - (badge(d.pod, frame.nowMs, text).length ? 50 : 0)) / 6.6))));
  changed
    .select('text.badge')
    .attr('x', (d) => d.w - 7)
    .text((d) => (compact ? '' : badge(d.pod, frame.nowMs, text)));
  changed.select<SVGGElement>('g.containers').each(function (d) {
    drawContainers(select(this), d, frame);
  });

  // Movement: flights from the queue, short moves when a card reflows, fades under reduced motion.
  changed
    .filter((d) => moved.has(d.pod.id))
    .each(function (d) {
      const g = select(this);
      const kind = moved.get(d.pod.id)!;
      if (reduced) {
        g.interrupt('move')
          .transition('move')
          .duration(FADE_MS)
          .style('opacity', 0)
          .transition()
          .duration(0)
          .attr('transform', at(d))
          .transition()
          .duration(FADE_MS * 1.5)
          .style('opacity', d.pod.visual === 'terminating' ? 0.6 : 1);
        return;
      }
      g.interrupt('move')
        .transition('move')
        .duration(kind === 'flight' ? FLIGHT_MS : MOVE_MS)
        .ease(easeCubicInOut)
        .attr('transform', at(d));
    });

  // A crash shakes the chip and bumps its restart counter.
  changed
    .filter((d) => crashed.has(d.pod.id))
    .each(function () {
      const el = this as SVGGElement;
      el.classList.remove('crashed');
      void el.getBoundingClientRect();
      el.classList.add('crashed');
      setTimeout(() => el.classList.remove('crashed'), SHAKE_MS);
    });

  sel.classed('selected', (d) => sameTarget(frame.selected, { kind: 'Pod', id: d.pod.id }));
}

function drawnRemove(exit: Selection<SVGGElement, PodBox, SVGGElement, unknown>, drawn: Map<string, PodBox>): void {
  exit.each((d) => drawn.delete(d.pod.id));
}

/** Tick the back-off countdowns, which change with the clock rather than with the pod. */
export function tickCountdowns(layer: G, frame: PodFrame): void {
  if (frame.layout.density === 'compact') return;
  layer
    .selectAll<SVGGElement, PodBox>('g.pod')
    .filter((d) => d.pod.containers.some((c) => c.backOffUntilMs !== undefined))
    .each(function (d) {
      const g = select(this);
      g.select('text.badge').text(badge(d.pod, frame.nowMs, frame.text));
      if (d.expanded) drawContainers(g.select<SVGGElement>('g.containers'), d, frame);
    });
}

function drawContainers(g: Selection<SVGGElement, unknown, null, undefined>, d: PodBox, frame: PodFrame): void {
  const rows = d.expanded ? d.pod.containers : [];
  const sel = g
    .selectAll<SVGGElement, ContainerView>('g.container')
    .data(rows, (c) => c.name)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'container');
      e.append('circle').attr('r', 3.5).attr('cx', 12).attr('cy', -4);
      e.append('text').attr('class', 'c-name').attr('x', 22);
      e.append('text').attr('class', 'c-state').attr('text-anchor', 'end');
      return e;
    });
  sel
    .attr('transform', (_c, i) => `translate(0,${24 + (i + 1) * CONTAINER_ROW_H - 4})`)
    .attr('class', (c) => `container c-${c.state}${c.ready ? ' ready' : ''}`);
  sel.select('text.c-name').text((c) => truncate(c.name, Math.floor((d.w - 150) / 6.4)));
  sel
    .select('text.c-state')
    .attr('x', d.w - 8)
    .text((c) => {
      const wait = backOffLeft(c, frame.nowMs);
      const state = c.reason ?? (c.state === 'running' ? (c.ready ? 'Running' : 'Running, not ready') : c.state);
      const restarts = c.restarts ? ` · ↻${c.restarts}` : '';
      return `${state}${restarts}${wait !== undefined ? ` · ${frame.text.backOff(wait)}` : ''}`;
    });
}
