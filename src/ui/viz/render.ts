import { easeCubicInOut, select, type Selection, zoom, type ZoomBehavior } from 'd3';
import 'd3-transition';
import type { NodeView, PodView } from '../../worker/protocol';
import { bytes, cores, truncate } from './format';
import { POD_ICONS } from './icons';
import { CHIP_H, type ClusterLayout, type NodeBox, PAD, type PodBox } from './layout';

/** Accessible names and visible words, already translated. */
export interface RenderText {
  queue: string;
  queueEmpty: string;
  node(n: NodeView, pods: number): string;
  pod(p: PodView): string;
  gpu(index: number, name: string): string;
  cpu: string;
  memory: string;
  pods: string;
}

type G = Selection<SVGGElement, unknown, null, undefined>;

const FLIGHT_MS = 850;
const MOVE_MS = 450;

/**
 * Draws the cluster with d3 joins keyed by object id, so each pod keeps its element for life:
 * a new pod appears in the queue lane, flies to its node when bound, pulses while its
 * containers are created, and fades when it goes.
 */
export class ClusterRenderer {
  private readonly root: G;
  private readonly lanes: G;
  private readonly nodesLayer: G;
  private readonly podsLayer: G;
  private readonly zoomBehavior: ZoomBehavior<SVGSVGElement, unknown>;

  constructor(
    private readonly svg: SVGSVGElement,
    private readonly reducedMotion: () => boolean,
  ) {
    const s = select(svg);
    this.root = s.append('g').attr('class', 'viewport');
    this.lanes = this.root.append('g').attr('class', 'lanes');
    this.nodesLayer = this.root.append('g').attr('class', 'nodes');
    this.podsLayer = this.root.append('g').attr('class', 'pods');
    this.zoomBehavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent([0.25, 3])
      .filter((event: Event) => (event.type === 'wheel' ? (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey : !(event as MouseEvent).button))
      .on('zoom', (event: { transform: { toString(): string } }) => this.root.attr('transform', event.transform.toString()));
    s.call(this.zoomBehavior);
  }

  resetZoom(): void {
    select(this.svg).call(this.zoomBehavior.transform as never, { k: 1, x: 0, y: 0, toString: () => 'translate(0,0) scale(1)' } as never);
  }

  update(layout: ClusterLayout, text: RenderText): void {
    select(this.svg).attr('viewBox', `0 0 ${layout.width} ${layout.height}`).attr('height', layout.height);
    this.drawLanes(layout, text);
    this.drawNodes(layout, text);
    this.drawPods(layout, text);
  }

  private duration(ms: number): number {
    return this.reducedMotion() ? 0 : ms;
  }

  private drawLanes(layout: ClusterLayout, text: RenderText): void {
    const q = layout.queue;
    const queue = this.lanes
      .selectAll<SVGGElement, ClusterLayout['queue']>('g.queue')
      .data([q])
      .join((enter) => {
        const g = enter.append('g').attr('class', 'queue');
        g.append('rect').attr('class', 'lane').attr('rx', 12);
        g.append('text').attr('class', 'lane-title').attr('x', PAD).attr('y', 20);
        g.append('text').attr('class', 'lane-empty');
        return g;
      });
    queue.attr('transform', `translate(${q.x},${q.y})`);
    queue.select('rect.lane').attr('width', q.w).attr('height', q.h);
    queue.select('text.lane-title').text(text.queue.toUpperCase());
    const empty = ![...layout.pods.values()].some((p) => p.inQueue);
    queue
      .select('text.lane-empty')
      .attr('x', PAD)
      .attr('y', 30 + CHIP_H / 2 + 4)
      .text(empty ? text.queueEmpty : '');

    this.lanes
      .selectAll<SVGTextElement, ClusterLayout['pools'][number]>('text.pool')
      .data(layout.pools, (d) => d.name)
      .join('text')
      .attr('class', 'pool')
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .text((d) => `${d.name.toUpperCase()} · ${d.nodes}`);
  }

  private drawNodes(layout: ClusterLayout, text: RenderText): void {
    const boxes = [...layout.nodes.values()];
    const podCount = new Map<string, number>();
    for (const p of layout.pods.values()) if (p.pod.node) podCount.set(p.pod.node, (podCount.get(p.pod.node) ?? 0) + 1);
    const sel = this.nodesLayer
      .selectAll<SVGGElement, NodeBox>('g.node')
      .data(boxes, (d) => d.node.id)
      .join(
        (enter) => {
          const g = enter.append('g').attr('class', 'node').attr('transform', (d) => `translate(${d.x},${d.y})`).style('opacity', 0);
          g.append('rect').attr('class', 'card').attr('rx', 12);
          g.append('circle').attr('class', 'dot').attr('cx', PAD + 5).attr('cy', 20).attr('r', 5);
          g.append('text').attr('class', 'name').attr('x', PAD + 16).attr('y', 24);
          g.append('text').attr('class', 'state').attr('y', 24).attr('text-anchor', 'end');
          g.append('text').attr('class', 'sub').attr('x', PAD).attr('y', 42);
          g.append('g').attr('class', 'bars');
          g.append('g').attr('class', 'gpus');
          g.transition().duration(this.duration(400)).style('opacity', 1);
          return g;
        },
        (update) => update,
        (exit) => exit.transition().duration(this.duration(300)).style('opacity', 0).remove(),
      );
    sel
      .attr('role', 'group')
      .attr('aria-label', (d) => text.node(d.node, podCount.get(d.node.id) ?? 0))
      .attr('class', (d) => `node cond-${d.node.condition.toLowerCase()}${d.node.unschedulable ? ' cordoned' : ''}`);
    sel.transition('move').duration(this.duration(MOVE_MS)).attr('transform', (d) => `translate(${d.x},${d.y})`);
    sel.select('rect.card').attr('width', (d) => d.w).attr('height', (d) => d.h);
    sel.select('text.name').text((d) => truncate(d.node.name, 22));
    sel
      .select('text.state')
      .attr('x', (d) => d.w - PAD)
      .text((d) => d.node.status.replace(',SchedulingDisabled', ' · cordoned'));
    sel.select('text.sub').text((d) => {
      const n = d.node;
      const role = n.roles.length ? ` · ${n.roles.join(',')}` : '';
      return `${cores(n.allocatable.cpuMillis)} CPU · ${bytes(n.allocatable.memoryBytes)} · ${n.runtime.split(':')[0]}${role}`;
    });
    sel.select<SVGGElement>('g.bars').each(function (d) {
      drawBars(select(this), d, text);
    });
    sel.select<SVGGElement>('g.gpus').each(function (d) {
      drawGpus(select(this), d, text);
    });
  }

  private drawPods(layout: ClusterLayout, text: RenderText): void {
    const boxes = [...layout.pods.values()];
    const entry = layout.queueEntry;
    const flight = this.duration(FLIGHT_MS);
    const sel = this.podsLayer
      .selectAll<SVGGElement, PodBox>('g.pod')
      .data(boxes, (d) => d.pod.id)
      .join(
        (enter) => {
          // A pod never seen in the queue still enters through it, then flies to its node.
          const g = enter
            .append('g')
            .attr('class', 'pod')
            .attr('tabindex', 0)
            .attr('transform', (d) => (d.inQueue || flight === 0 ? `translate(${d.x},${d.y})` : `translate(${entry.x},${entry.y})`))
            .style('opacity', 0);
          g.append('title');
          g.append('rect').attr('class', 'chip').attr('rx', 7).attr('height', CHIP_H);
          g.append('path').attr('class', 'icon').attr('transform', 'translate(6,4)');
          g.append('text').attr('class', 'label').attr('x', 25).attr('y', 16);
          g.append('text').attr('class', 'restarts').attr('y', 16).attr('text-anchor', 'end');
          g.transition('appear').duration(this.duration(250)).style('opacity', 1);
          return g;
        },
        (update) => update,
        (exit) =>
          exit
            .transition('appear')
            .duration(this.duration(450))
            .style('opacity', 0)
            .attr('transform', function () {
              return `${select(this).attr('transform')} scale(0.85)`;
            })
            .remove(),
      );
    sel
      .attr('class', (d) => `pod state-${d.pod.visual}${d.pod.deleting ? ' deleting' : ''}`)
      .attr('role', 'img')
      .attr('aria-label', (d) => text.pod(d.pod));
    sel.select('title').text((d) => [text.pod(d.pod), d.pod.schedulingMessage].filter(Boolean).join('\n'));
    sel
      .transition('move')
      .duration((d) => (d.inQueue ? this.duration(MOVE_MS) : flight))
      .ease(easeCubicInOut)
      .attr('transform', (d) => `translate(${d.x},${d.y})`);
    sel.select('rect.chip').attr('width', (d) => d.w);
    sel
      .select('path.icon')
      .attr('d', (d) => POD_ICONS[d.pod.visual].d)
      .attr('class', (d) => `icon${POD_ICONS[d.pod.visual].fill ? ' filled' : ''}`);
    sel.select('text.label').text((d) => truncate(d.pod.name, Math.floor((d.w - 34 - (d.pod.restarts ? 26 : 0)) / 6.6)));
    sel
      .select('text.restarts')
      .attr('x', (d) => d.w - 7)
      .text((d) => (d.pod.restarts ? `↻${d.pod.restarts}` : ''));
  }
}

function drawBars(g: Selection<SVGGElement, unknown, null, undefined>, d: NodeBox, text: RenderText): void {
  const n = d.node;
  const rows = [
    { key: 'cpu', label: text.cpu, used: n.requested.cpuMillis, total: n.allocatable.cpuMillis, fmt: (v: number) => cores(v) },
    { key: 'mem', label: text.memory, used: n.requested.memoryBytes, total: n.allocatable.memoryBytes, fmt: bytes },
    { key: 'pods', label: text.pods, used: n.requested.pods, total: n.allocatable.pods, fmt: (v: number) => String(v) },
  ];
  const trackX = PAD + 50;
  const trackW = d.w - trackX - PAD - 100;
  const row = g
    .selectAll<SVGGElement, (typeof rows)[number]>('g.bar')
    .data(rows, (r) => r.key)
    .join((enter) => {
      const e = enter.append('g').attr('class', (r) => `bar bar-${r.key}`);
      e.append('text').attr('class', 'bar-label').attr('x', PAD).attr('y', 10);
      e.append('rect').attr('class', 'track').attr('x', trackX).attr('y', 3).attr('height', 7).attr('rx', 3.5);
      e.append('rect').attr('class', 'fill').attr('x', trackX).attr('y', 3).attr('height', 7).attr('rx', 3.5);
      e.append('text').attr('class', 'bar-value').attr('y', 10).attr('text-anchor', 'end');
      return e;
    });
  row.attr('transform', (_r, i) => `translate(0,${52 + i * 17})`);
  row.select('text.bar-label').text((r) => r.label);
  row.select('rect.track').attr('width', Math.max(10, trackW));
  row
    .select('rect.fill')
    .classed('over', (r) => r.used > r.total * 0.9)
    .transition()
    .duration(400)
    .attr('width', (r) => (r.total > 0 ? Math.max(0, Math.min(1, r.used / r.total)) * Math.max(10, trackW) : 0));
  row
    .select('text.bar-value')
    .attr('x', d.w - PAD)
    .text((r) => `${r.fmt(r.used)} / ${r.fmt(r.total)}`);
}

function drawGpus(g: Selection<SVGGElement, unknown, null, undefined>, d: NodeBox, text: RenderText): void {
  const gpus = d.node.gpus;
  g.attr('transform', `translate(${PAD},${52 + 3 * 17 + 2})`);
  g.selectAll<SVGTextElement, string>('text.gpu-model')
    .data(gpus.length ? [`${gpus.length} × ${gpus[0]!.name}`] : [])
    .join('text')
    .attr('class', 'gpu-model')
    .attr('y', 9)
    .text((s) => s);
  const size = Math.min(30, (d.w - 2 * PAD - 4 * (gpus.length - 1)) / Math.max(1, gpus.length));
  const boxes = g
    .selectAll<SVGGElement, (typeof gpus)[number]>('g.gpu')
    .data(gpus, (x) => x.uuid)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'gpu').attr('role', 'img');
      e.append('rect').attr('rx', 4);
      e.append('text').attr('text-anchor', 'middle');
      return e;
    });
  boxes
    .attr('transform', (x) => `translate(${x.index * (size + 4)},14)`)
    .attr('aria-label', (x) => text.gpu(x.index, x.name));
  boxes.select('rect').attr('width', size).attr('height', 20);
  boxes
    .select('text')
    .attr('x', size / 2)
    .attr('y', 14)
    .text((x) => String(x.index));
}
