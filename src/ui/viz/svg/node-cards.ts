import { select, type Selection } from 'd3';
import 'd3-transition';
import type { NodeView } from '../../../worker/protocol';
import { bytes, cores, truncate } from '../format';
import { CONDITION_ICONS } from '../icons';
import { type ClusterLayout, type NodeBox, PAD } from '../layout';
import { MOVE_MS } from '../motion';
import type { RenderText, SceneHandlers } from '../scene';

type G = Selection<SVGGElement, unknown, null, undefined>;

interface Bar {
  readonly key: string;
  readonly label: string;
  readonly used: number;
  readonly total: number;
  readonly text: string;
}

/** The usage bars of a card: requests against allocatable, extended resources included. */
export function cardBars(n: NodeView, text: RenderText): Bar[] {
  return [
    { key: 'cpu', label: text.cpu, used: n.requested.cpuMillis, total: n.allocatable.cpuMillis, text: `${cores(n.requested.cpuMillis)} / ${cores(n.allocatable.cpuMillis)}` },
    { key: 'mem', label: text.memory, used: n.requested.memoryBytes, total: n.allocatable.memoryBytes, text: `${bytes(n.requested.memoryBytes)} / ${bytes(n.allocatable.memoryBytes)}` },
    { key: 'pods', label: text.pods, used: n.requested.pods, total: n.allocatable.pods, text: `${n.requested.pods} / ${n.allocatable.pods}` },
    ...n.extendedResources.map((r) => ({
      key: r.name,
      label: r.name.replace(/^nvidia\.com\//, ''),
      used: r.requested,
      total: r.allocatable,
      text: r.allocatable < r.capacity ? `${r.requested} / ${r.allocatable} (${r.capacity})` : `${r.requested} / ${r.allocatable}`,
    })),
  ];
}

/** The chips under a card's header: taints (amber) and the labels worth seeing (GPU green). */
export function cardChips(n: NodeView): { text: string; full: string; kind: 'taint' | 'gpu' | 'label' | 'problem' }[] {
  const chips: { text: string; full: string; kind: 'taint' | 'gpu' | 'label' | 'problem' }[] = [];
  for (const p of n.problems) chips.push({ text: p, full: p, kind: 'problem' });
  for (const t of n.taints) chips.push({ text: t.replace(/^node(-role)?\.kubernetes\.io\//, ''), full: t, kind: 'taint' });
  for (const [k, v] of Object.entries(n.keyLabels)) {
    if (k === 'topology.kubernetes.io/zone') continue;
    const short = k === 'nvidia.com/gpu.product' ? v : `${k.replace(/^nvidia\.com\//, '')}=${v}`;
    chips.push({ text: short, full: `${k}=${v}`, kind: k.startsWith('nvidia.com/') ? 'gpu' : 'label' });
  }
  return chips;
}

/** Draw the node cards, touching only those whose node or box changed since the last frame. */
export function drawNodes(layer: G, layout: ClusterLayout, text: RenderText, handlers: SceneHandlers, drawn: Map<string, NodeBox>, instant: boolean): void {
  const boxes = [...layout.nodes.values()];
  const podCount = new Map<string, number>();
  for (const p of layout.pods.values()) if (p.pod.node && !p.inQueue) podCount.set(p.pod.node, (podCount.get(p.pod.node) ?? 0) + 1);
  const sel = layer
    .selectAll<SVGGElement, NodeBox>('g.node')
    .data(boxes, (d) => d.node.id)
    .join(
      (enter) => {
        const g = enter
          .append('g')
          .attr('transform', (d) => `translate(${d.x},${d.y})`)
          .style('opacity', instant ? 1 : 0);
        g.append('rect').attr('class', 'card').attr('rx', 12);
        const head = g.append('g').attr('class', 'head').attr('tabindex', 0).attr('role', 'button');
        head.append('rect').attr('class', 'head-hit').attr('rx', 10).attr('x', 2).attr('y', 2);
        head.append('path').attr('class', 'cond-icon').attr('transform', `translate(${PAD - 2},10) scale(0.875)`);
        head.append('text').attr('class', 'name').attr('x', PAD + 18).attr('y', 22);
        head.append('text').attr('class', 'state').attr('y', 22).attr('text-anchor', 'end');
        head.append('text').attr('class', 'sub').attr('x', PAD).attr('y', 38);
        g.append('g').attr('class', 'chips');
        g.append('g').attr('class', 'bars');
        g.append('g').attr('class', 'gpus');
        g.append('text').attr('class', 'aggregate');
        if (!instant) g.transition().duration(400).style('opacity', 1);
        return g;
      },
      (update) => update,
      (exit) => exit.transition().duration(300).style('opacity', 0).remove(),
    );
  const changed = sel.filter((d) => {
    const prev = drawn.get(d.node.id);
    return !prev || prev.node !== d.node || prev.x !== d.x || prev.y !== d.y || prev.h !== d.h || prev.w !== d.w;
  });
  drawn.clear();
  for (const b of boxes) drawn.set(b.node.id, b);
  if (changed.empty()) return;

  const compact = layout.density === 'compact';
  changed
    .attr('role', 'group')
    .attr('aria-label', (d) => text.node(d.node, podCount.get(d.node.id) ?? 0))
    .attr('class', (d) => `node cond-${d.node.condition.toLowerCase()}${d.node.unschedulable ? ' cordoned' : ''}${compact ? ' compact' : ''}`);
  changed
    .transition('move')
    .duration(instant ? 0 : MOVE_MS)
    .attr('transform', (d) => `translate(${d.x},${d.y})`);
  changed.select('rect.card').attr('width', (d) => d.w).attr('height', (d) => d.h);

  const head = changed.select<SVGGElement>('g.head');
  head
    .attr('aria-label', (d) => text.nodeStatus(d.node))
    .on('click', (_e, d) => handlers.select({ kind: 'Node', id: d.node.id }))
    .on('keydown', (e: KeyboardEvent, d) => activate(e, () => handlers.select({ kind: 'Node', id: d.node.id })))
    .on('contextmenu', (e: MouseEvent, d) => {
      e.preventDefault();
      handlers.menu({ kind: 'Node', id: d.node.id }, e.clientX, e.clientY);
    });
  head.select('rect.head-hit').attr('width', (d) => d.w - 4).attr('height', compact ? 24 : 40);
  head.select('path.cond-icon').attr('d', (d) => CONDITION_ICONS[conditionIcon(d.node)]);
  head.select('text.name').text((d) => truncate(d.node.name, compact ? 15 : 22));
  head
    .select('text.state')
    .attr('x', (d) => d.w - PAD)
    .text((d) => (compact ? '' : statusWord(d.node)));
  head.select('text.sub').text((d) => (compact ? '' : subtitle(d.node)));

  changed.select<SVGGElement>('g.chips').each(function (d) {
    drawChips(select(this), d, compact);
  });
  changed.select<SVGGElement>('g.bars').each(function (d) {
    drawBars(select(this), d, text, compact);
  });
  changed.select<SVGGElement>('g.gpus').each(function (d) {
    drawGpus(select(this), d, text, handlers, compact);
  });
  changed
    .select('text.aggregate')
    .attr('x', (d) => d.w - PAD)
    .attr('y', 27)
    .attr('text-anchor', 'end')
    .text((d) => String(podCount.get(d.node.id) ?? 0));
}

export function activate(e: KeyboardEvent, run: () => void): void {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    run();
  }
}

function conditionIcon(n: NodeView): keyof typeof CONDITION_ICONS {
  if (n.condition !== 'Ready') return 'down';
  return n.unschedulable || n.problems.length ? 'warning' : 'ok';
}

function statusWord(n: NodeView): string {
  return n.status.replace(',SchedulingDisabled', ' · cordoned');
}

function subtitle(n: NodeView): string {
  const role = n.roles.length ? ` · ${n.roles.join(',')}` : '';
  return `${cores(n.allocatable.cpuMillis)} CPU · ${bytes(n.allocatable.memoryBytes)} · ${n.runtime.split(':')[0]}${role}`;
}

function drawChips(g: G, d: NodeBox, compact: boolean): void {
  const chips = compact ? [] : cardChips(d.node);
  g.attr('transform', `translate(${PAD},${d.rows.chipsTop})`);
  let x = 0;
  const maxX = d.w - 2 * PAD;
  const placed = chips.flatMap((c) => {
    const label = truncate(c.text, 26);
    const w = label.length * 6.1 + 14;
    if (x + w > maxX) return [];
    const at = x;
    x += w + 4;
    return [{ ...c, label, x: at, w }];
  });
  const sel = g
    .selectAll<SVGGElement, (typeof placed)[number]>('g.chip')
    .data(placed, (c) => c.full)
    .join((enter) => {
      const e = enter.append('g');
      e.append('title');
      e.append('rect').attr('rx', 9).attr('height', 18);
      e.append('text').attr('x', 7).attr('y', 12.5);
      return e;
    });
  sel.attr('class', (c) => `chip chip-${c.kind}`).attr('transform', (c) => `translate(${c.x},0)`);
  sel.select('title').text((c) => c.full);
  sel.select('rect').attr('width', (c) => c.w);
  sel.select('text').text((c) => c.label);
}

function drawBars(g: G, d: NodeBox, text: RenderText, compact: boolean): void {
  const rows = compact ? cardBars(d.node, text).slice(0, 2) : cardBars(d.node, text);
  const trackX = compact ? PAD : PAD + 58;
  const trackW = Math.max(10, compact ? d.w - 2 * PAD : d.w - trackX - PAD - 104);
  const rowH = compact ? 6 : 16;
  g.attr('transform', `translate(0,${d.rows.barsTop})`);
  const row = g
    .selectAll<SVGGElement, Bar>('g.bar')
    .data(rows, (r) => r.key)
    .join((enter) => {
      const e = enter.append('g');
      e.append('title');
      e.append('text').attr('class', 'bar-label').attr('x', PAD).attr('y', 10);
      e.append('rect').attr('class', 'track').attr('rx', 3);
      e.append('rect').attr('class', 'fill').attr('rx', 3);
      e.append('text').attr('class', 'bar-value').attr('y', 10).attr('text-anchor', 'end');
      return e;
    });
  const barH = compact ? 4 : 7;
  row.attr('class', (r) => `bar bar-${r.key.replace(/[^a-z0-9]/gi, '-')}`).attr('transform', (_r, i) => `translate(0,${i * rowH})`);
  row.select('title').text((r) => `${r.label}: ${r.text}`);
  row.select('text.bar-label').text((r) => (compact ? '' : truncate(r.label, 10)));
  row.select('rect.track').attr('x', trackX).attr('y', compact ? 0 : 3).attr('height', barH).attr('width', trackW);
  row
    .select('rect.fill')
    .attr('x', trackX)
    .attr('y', compact ? 0 : 3)
    .attr('height', barH)
    .classed('over', (r) => r.used > r.total * 0.9)
    .transition()
    .duration(400)
    .attr('width', (r) => (r.total > 0 ? Math.max(0, Math.min(1, r.used / r.total)) * trackW : 0));
  row
    .select('text.bar-value')
    .attr('x', d.w - PAD)
    .text((r) => (compact ? '' : r.text));
}

function drawGpus(g: G, d: NodeBox, text: RenderText, handlers: SceneHandlers, compact: boolean): void {
  const gpus = d.node.gpus;
  g.attr('transform', `translate(${PAD},${d.rows.gpusTop})`);
  g.selectAll<SVGTextElement, string>('text.gpu-model')
    .data(gpus.length && !compact ? [`${gpus.length} × ${gpus[0]!.name}`] : [])
    .join('text')
    .attr('class', 'gpu-model')
    .attr('y', 9)
    .text((s) => s);
  const gap = compact ? 2 : 4;
  const size = Math.min(compact ? 14 : 30, (d.w - 2 * PAD - gap * (gpus.length - 1)) / Math.max(1, gpus.length));
  const boxes = g
    .selectAll<SVGGElement, (typeof gpus)[number]>('g.gpu')
    .data(gpus, (x) => x.uuid)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'gpu').attr('role', 'button').attr('tabindex', compact ? -1 : 0);
      e.append('rect').attr('rx', compact ? 2 : 4);
      e.append('text').attr('text-anchor', 'middle');
      return e;
    });
  boxes
    .attr('transform', (x) => `translate(${x.index * (size + gap)},${compact ? 0 : 14})`)
    .attr('aria-label', (x) => text.gpu(d.node.name, x.index, x.name))
    .on('click', (e: MouseEvent, x) => {
      e.stopPropagation();
      handlers.select({ kind: 'Gpu', node: d.node.id, index: x.index });
    })
    .on('keydown', (e: KeyboardEvent, x) => activate(e, () => handlers.select({ kind: 'Gpu', node: d.node.id, index: x.index })))
    .on('contextmenu', (e: MouseEvent, x) => {
      e.preventDefault();
      handlers.menu({ kind: 'Gpu', node: d.node.id, index: x.index }, e.clientX, e.clientY);
    });
  boxes.select('rect').attr('width', size).attr('height', compact ? 8 : 20);
  boxes
    .select('text')
    .attr('x', size / 2)
    .attr('y', 14)
    .text((x) => (compact ? '' : String(x.index)));
}
