import { select, type Selection } from 'd3';
import { type Box, type ClusterLayout, type NodeBox, PAD, type PodBox, type PoolLabel } from '../layout';
import { reducedMotion } from '../motion';
import { FAR_ZOOM, type ClusterRendererApi, type RenderText, type Scene, type SceneHandlers, type ViewTransform } from '../scene';
import { drawNodes } from './node-cards';
import { drawPods, tickCountdowns, type PodFrame } from './pod-chips';
import './cluster-svg.css';

type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * The SVG renderer, for clusters small enough to give every pod its own element: crisp text,
 * CSS styling, and real focusable elements a keyboard and a screen reader can reach.
 */
export class SvgRenderer implements ClusterRendererApi {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly root: G;
  private readonly lanes: G;
  private readonly nodesLayer: G;
  private readonly podsLayer: G;
  private readonly drawnNodes = new Map<string, NodeBox>();
  private readonly drawnPods = new Map<string, PodBox>();
  private lastLayout: ClusterLayout | undefined;
  private lastText: RenderText | undefined;

  constructor(
    host: HTMLElement,
    label: string,
    private readonly handlers: SceneHandlers,
  ) {
    this.svg = select(host).append('svg').attr('class', 'cluster-svg').attr('role', 'group').attr('aria-label', label);
    this.root = this.svg.append('g').attr('class', 'viewport');
    this.lanes = this.root.append('g').attr('class', 'lanes');
    this.nodesLayer = this.root.append('g').attr('class', 'nodes');
    this.podsLayer = this.root.append('g').attr('class', 'pods');
  }

  update(scene: Scene): void {
    const frame: PodFrame = { ...scene, reduced: reducedMotion() };
    if (scene.layout === this.lastLayout && scene.text === this.lastText) {
      // Only the clock moved: tick the countdowns and the selection ring.
      tickCountdowns(this.podsLayer, frame);
      return;
    }
    this.lastLayout = scene.layout;
    this.lastText = scene.text;
    this.svg.attr('width', '100%').attr('height', '100%');
    this.svg.classed('compact', scene.layout.density === 'compact');
    drawLanes(this.lanes, scene.layout, scene.text);
    drawNodes(this.nodesLayer, scene.layout, scene.text, this.handlers, this.drawnNodes, scene.instant);
    drawPods(this.podsLayer, frame, this.handlers, this.drawnPods);
  }

  setTransform(t: ViewTransform): void {
    this.root.attr('transform', `translate(${t.x},${t.y}) scale(${t.k})`);
    this.svg.classed('far', t.k < FAR_ZOOM);
  }

  restyle(): void {
    // CSS custom properties restyle the SVG by themselves.
  }

  destroy(): void {
    this.svg.remove();
  }
}

function drawLanes(lanes: G, layout: ClusterLayout, text: RenderText): void {
  const q = layout.queue;
  const queue = lanes
    .selectAll<SVGGElement, Box>('g.queue')
    .data([q])
    .join((enter) => {
      const g = enter.append('g').attr('class', 'queue');
      g.append('rect').attr('class', 'lane').attr('rx', 12);
      g.append('text').attr('class', 'lane-title').attr('x', PAD).attr('y', 20);
      g.append('text').attr('class', 'lane-note');
      return g;
    });
  queue.attr('transform', `translate(${q.x},${q.y})`);
  queue.select('rect.lane').attr('width', q.w).attr('height', q.h);
  queue.select('text.lane-title').text(text.queue.toUpperCase());
  let queued = 0;
  for (const p of layout.pods.values()) if (p.inQueue) queued++;
  queue
    .select('text.lane-note')
    .attr('x', queued ? q.w - PAD : PAD)
    .attr('y', queued ? 20 : 30 + layout.metrics.podH / 2 + 4)
    .attr('text-anchor', queued ? 'end' : 'start')
    .attr('class', queued ? 'lane-note more' : 'lane-note')
    .text(queued === 0 ? text.queueEmpty : layout.queueOverflow > 0 ? text.queueMore(layout.queueOverflow) : '');

  lanes
    .selectAll<SVGTextElement, PoolLabel>('text.pool')
    .data(layout.pools, (d) => d.name)
    .join('text')
    .attr('class', 'pool')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .text((d) => text.pool(d.name, d.nodes, d.pods));
}
