import type { NodeView, PodView, ServiceView } from '../../worker/protocol';

/**
 * Where everything goes in the cluster view: a scheduling-queue lane on top, then node cards
 * grouped by pool and flowed into rows, each card holding its pods. Pure geometry, so it can be
 * tested and shared by the SVG and canvas renderers.
 *
 * Two densities: `detail` draws pods as named chips (small clusters, where a learner reads
 * every pod), `compact` draws them as small squares in a grid (large clusters).
 */
export type Density = 'detail' | 'compact';

export interface Metrics {
  readonly cardW: number;
  readonly headerH: number;
  readonly podW: number;
  readonly podH: number;
  readonly podGap: number;
  readonly queueChipW: number;
}

export const PAD = 12;
const CARD_GAP = 16;
const POOL_LABEL_H = 26;
const MARGIN = 16;
const QUEUE_TITLE_H = 30;
/** Container rows of an expanded chip. */
export const CONTAINER_ROW_H = 19;
/** Queue rows shown before the rest is summarised as "+N more". */
const MAX_QUEUE_ROWS = 4;

export const DETAIL: Metrics = { cardW: 268, headerH: 44, podW: (268 - 2 * PAD - 6) / 2, podH: 24, podGap: 6, queueChipW: 150 };
export const COMPACT: Metrics = { cardW: 156, headerH: 30, podW: 9, podH: 9, podGap: 3, queueChipW: 9 };

/** Above these sizes pods become squares: nobody reads 400 names at once. */
export const COMPACT_ABOVE = { nodes: 24, pods: 240 };
/** Back to chips only well below the line, so a Deployment scaling around it does not flicker. */
const DETAIL_BELOW = { nodes: 24, pods: 200 };

export function densityFor(nodes: number, pods: number, current?: Density): Density {
  if (nodes > COMPACT_ABOVE.nodes || pods > COMPACT_ABOVE.pods) return 'compact';
  if (current === 'compact' && pods >= DETAIL_BELOW.pods) return 'compact';
  return nodes > DETAIL_BELOW.nodes ? 'compact' : 'detail';
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** What a card shows between its header and its pods, in order; each row's height is fixed. */
export interface CardRows {
  /** Top of each block, relative to the card. */
  readonly chipsTop: number;
  readonly barsTop: number;
  readonly bars: number;
  readonly gpusTop: number;
  readonly gpuH: number;
  readonly podsTop: number;
}

export interface NodeBox extends Box {
  readonly node: NodeView;
  readonly rows: CardRows;
}

export interface PodBox extends Box {
  readonly pod: PodView;
  readonly inQueue: boolean;
  readonly expanded: boolean;
}

export interface ServiceBox extends Box {
  readonly service: ServiceView;
}

/** Service badges: one row (or more) under the queue, lines go down from them to their pods. */
export const SERVICE_W = 190;
export const SERVICE_H = 34;
const SERVICE_GAP = 10;

export interface PoolLabel {
  readonly name: string;
  readonly nodes: number;
  readonly pods: number;
  readonly x: number;
  readonly y: number;
}

export interface ClusterLayout {
  readonly density: Density;
  readonly metrics: Metrics;
  readonly width: number;
  readonly height: number;
  readonly queue: Box;
  /** Pods waiting for a node, drawn in the lane or not. */
  readonly queued: number;
  /** Pending pods not drawn because the lane is full. */
  readonly queueOverflow: number;
  readonly pools: readonly PoolLabel[];
  readonly services: ReadonlyMap<string, ServiceBox>;
  readonly nodes: ReadonlyMap<string, NodeBox>;
  readonly pods: ReadonlyMap<string, PodBox>;
  /** Where a pod that was never seen queued starts its flight. */
  readonly queueEntry: { readonly x: number; readonly y: number };
}

export interface LayoutInput {
  readonly nodes: Iterable<NodeView>;
  readonly pods: Iterable<PodView>;
  readonly services?: Iterable<ServiceView>;
  readonly width: number;
  readonly density?: Density;
  /** Pods drawn open, with a row per container (detail density only). */
  readonly expanded?: ReadonlySet<string>;
}

const CHIP_ROW_H = 18;
const BAR_ROW_H = 16;

/** The fixed rows of a card: taint and label chips, usage bars (one per resource), GPUs. */
export function cardRows(node: NodeView, density: Density): CardRows {
  const m = density === 'detail' ? DETAIL : COMPACT;
  if (density === 'compact') {
    const gpuH = node.gpus.length ? 10 : 0;
    const barsTop = m.headerH;
    const bars = 2;
    const gpusTop = barsTop + bars * 6 + 4;
    return { chipsTop: m.headerH, barsTop, bars, gpusTop, gpuH, podsTop: gpusTop + gpuH + (gpuH ? 6 : 2) };
  }
  const chipsTop = m.headerH;
  const hasChips = node.taints.length > 0 || Object.keys(node.keyLabels).some((k) => k !== 'topology.kubernetes.io/zone');
  const barsTop = chipsTop + (hasChips ? CHIP_ROW_H + 6 : 0);
  const bars = 3 + node.extendedResources.length;
  const gpusTop = barsTop + bars * BAR_ROW_H + 4;
  const gpuH = gpuAreaHeight(node);
  return { chipsTop, barsTop, bars, gpusTop, gpuH, podsTop: gpusTop + gpuH + 6 };
}

/**
 * A card's width: GPU nodes whose GPUs have MIG geometry get two columns, so that each GPU's
 * slices are large enough to read.
 */
export function cardWidth(node: NodeView, density: Density): number {
  if (density === 'compact') return COMPACT.cardW;
  return node.gpus.some((g) => g.slices) ? 2 * DETAIL.cardW + CARD_GAP : DETAIL.cardW;
}

/** GPUs with MIG geometry are drawn four to a row, each with its compute and memory slices. */
export const SLICED_GPUS_PER_ROW = 4;
export const SLICED_GPU_H = 40;

/** The GPU block of a card: the model line, then one row of plain GPUs or rows of sliced ones. */
function gpuAreaHeight(node: NodeView): number {
  if (!node.gpus.length) return 0;
  if (!node.gpus.some((g) => g.slices)) return 38;
  return 14 + Math.ceil(node.gpus.length / SLICED_GPUS_PER_ROW) * (SLICED_GPU_H + 4);
}

const byCreation = (a: PodView, b: PodView) => a.createdMs - b.createdMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function layoutCluster(input: LayoutInput): ClusterLayout {
  const nodeList = [...input.nodes];
  const podList = [...input.pods];
  const density = input.density ?? densityFor(nodeList.length, podList.length);
  const m = density === 'detail' ? DETAIL : COMPACT;
  const expanded = density === 'detail' ? (input.expanded ?? new Set<string>()) : new Set<string>();
  const width = Math.max(input.width, m.cardW + 2 * MARGIN);

  const byNode = new Map<string, PodView[]>();
  const queued: PodView[] = [];
  const known = new Set(nodeList.map((n) => n.id));
  for (const p of podList) {
    if (p.node && known.has(p.node)) {
      let list = byNode.get(p.node);
      if (!list) byNode.set(p.node, (list = []));
      list.push(p);
    } else if (!p.node) queued.push(p);
  }
  queued.sort(byCreation);

  // The queue lane: chips flow left to right and wrap; past a few rows the rest is counted.
  const podBoxes = new Map<string, PodBox>();
  const perRow = Math.max(1, Math.floor((width - 2 * MARGIN - 2 * PAD + m.podGap) / (m.queueChipW + m.podGap)));
  const shown = Math.min(queued.length, perRow * MAX_QUEUE_ROWS);
  const queueRows = Math.max(1, Math.ceil(shown / perRow));
  const queue: Box = { x: MARGIN, y: MARGIN, w: width - 2 * MARGIN, h: QUEUE_TITLE_H + queueRows * (m.podH + m.podGap) + PAD - m.podGap };
  for (let i = 0; i < shown; i++) {
    const p = queued[i]!;
    podBoxes.set(p.id, {
      pod: p,
      inQueue: true,
      expanded: false,
      x: queue.x + PAD + (i % perRow) * (m.queueChipW + m.podGap),
      y: queue.y + QUEUE_TITLE_H + Math.floor(i / perRow) * (m.podH + m.podGap),
      w: m.queueChipW,
      h: m.podH,
    });
  }

  // Services under the queue, sorted by namespace and name.
  const serviceBoxes = new Map<string, ServiceBox>();
  const services = [...(input.services ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const servicesPerRow = Math.max(1, Math.floor((width - 2 * MARGIN + SERVICE_GAP) / (SERVICE_W + SERVICE_GAP)));
  const servicesTop = queue.y + queue.h + 14;
  services.forEach((svc, i) => {
    serviceBoxes.set(svc.id, {
      service: svc,
      x: MARGIN + (i % servicesPerRow) * (SERVICE_W + SERVICE_GAP),
      y: servicesTop + Math.floor(i / servicesPerRow) * (SERVICE_H + SERVICE_GAP),
      w: SERVICE_W,
      h: SERVICE_H,
    });
  });
  const servicesBottom = services.length ? servicesTop + Math.ceil(services.length / servicesPerRow) * (SERVICE_H + SERVICE_GAP) - SERVICE_GAP : queue.y + queue.h;

  // Pools in order of first appearance. Each pool is a block of cards under its label; blocks
  // flow left to right and wrap, so small pools share a row.
  const pools = new Map<string, NodeView[]>();
  for (const n of nodeList) {
    let list = pools.get(n.pool);
    if (!list) pools.set(n.pool, (list = []));
    list.push(n);
  }
  const usable = width - 2 * MARGIN;
  const nodeBoxes = new Map<string, NodeBox>();
  const labels: PoolLabel[] = [];
  let x = MARGIN;
  let y = servicesBottom + 20;
  let rowBottom = y;
  for (const [pool, members] of pools) {
    const cardW = Math.min(usable, Math.max(...members.map((n) => cardWidth(n, density))));
    const perLine = Math.max(1, Math.floor((usable + CARD_GAP) / (cardW + CARD_GAP)));
    const cols = Math.min(perLine, members.length);
    const blockW = cols * cardW + (cols - 1) * CARD_GAP;
    if (x > MARGIN && x + blockW > MARGIN + usable) {
      x = MARGIN;
      y = rowBottom + 10;
    }
    labels.push({ name: pool, nodes: members.length, pods: members.reduce((n, node) => n + (byNode.get(node.id)?.length ?? 0), 0), x, y: y + 16 });
    let cy = y + POOL_LABEL_H;
    for (let start = 0; start < members.length; start += perLine) {
      const line = members.slice(start, start + perLine);
      const placed = line.map((n) => placePods(n, (byNode.get(n.id) ?? []).sort(byCreation), density, expanded, cardW));
      const rowH = Math.max(...placed.map((p) => p.height));
      line.forEach((n, i) => {
        const cx = x + i * (cardW + CARD_GAP);
        const { rows, pods } = placed[i]!;
        nodeBoxes.set(n.id, { node: n, rows, x: cx, y: cy, w: cardW, h: rowH });
        for (const p of pods) podBoxes.set(p.pod.id, { ...p, x: p.x + cx, y: p.y + cy });
      });
      cy += rowH + CARD_GAP;
    }
    rowBottom = Math.max(rowBottom, cy - CARD_GAP);
    x += blockW + CARD_GAP * 2;
  }
  return {
    density,
    metrics: m,
    width,
    height: rowBottom + CARD_GAP + MARGIN,
    queue,
    queued: queued.length,
    queueOverflow: queued.length - shown,
    pools: labels,
    services: serviceBoxes,
    nodes: nodeBoxes,
    pods: podBoxes,
    queueEntry: { x: queue.x + PAD, y: queue.y + QUEUE_TITLE_H },
  };
}

/** A card's pods, relative to the card, and the card's height. */
function placePods(node: NodeView, pods: readonly PodView[], density: Density, expanded: ReadonlySet<string>, cardW: number): { rows: CardRows; pods: PodBox[]; height: number } {
  const m = density === 'detail' ? DETAIL : COMPACT;
  const rows = cardRows(node, density);
  const out: PodBox[] = [];
  let col = 0;
  let y = rows.podsTop;
  let rowH = m.podH;
  const fullW = cardW - 2 * PAD;
  const perRow = Math.max(1, Math.floor((fullW + m.podGap) / (m.podW + m.podGap)));
  for (const pod of pods) {
    if (expanded.has(pod.id)) {
      // An open chip takes a whole row, with a line per container.
      if (col > 0) {
        y += rowH + m.podGap;
        col = 0;
      }
      const h = m.podH + pod.containers.length * CONTAINER_ROW_H + 6;
      out.push({ pod, inQueue: false, expanded: true, x: PAD, y, w: fullW, h });
      y += h + m.podGap;
      rowH = m.podH;
      continue;
    }
    out.push({ pod, inQueue: false, expanded: false, x: PAD + col * (m.podW + m.podGap), y, w: m.podW, h: m.podH });
    col++;
    if (col === perRow) {
      col = 0;
      y += m.podH + m.podGap;
    }
  }
  const bottom = col > 0 ? y + m.podH : y - m.podGap;
  const empty = pods.length === 0 ? m.podH : 0;
  return { rows, pods: out, height: Math.max(bottom, rows.podsTop + empty) + PAD };
}
