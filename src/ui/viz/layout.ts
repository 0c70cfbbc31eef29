import type { NodeView, PodView } from '../../worker/protocol';

/**
 * Where everything goes in the cluster view: a scheduling-queue lane on top, then node cards
 * grouped by pool and flowed into rows, each card holding its pods in a grid. Pure geometry,
 * so it can be tested and reused by any renderer.
 */
export const CARD_W = 268;
export const CHIP_H = 24;
export const CHIP_GAP = 6;
export const PAD = 12;
const CARD_GAP = 16;
const HEADER_H = 50;
const BAR_H = 17;
const BARS = 3;
const GPU_ROW_H = 40;
const POOL_LABEL_H = 26;
const QUEUE_CHIP_W = 150;
const MARGIN = 16;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface NodeBox extends Box {
  readonly node: NodeView;
  /** Top of the pods area, relative to the card. */
  readonly podsTop: number;
}

export interface PodBox extends Box {
  readonly pod: PodView;
  readonly inQueue: boolean;
}

export interface PoolLabel {
  readonly name: string;
  readonly nodes: number;
  readonly x: number;
  readonly y: number;
}

export interface ClusterLayout {
  readonly width: number;
  readonly height: number;
  readonly queue: Box;
  readonly pools: readonly PoolLabel[];
  readonly nodes: ReadonlyMap<string, NodeBox>;
  readonly pods: ReadonlyMap<string, PodBox>;
  /** Where a pod that was never seen queued starts its flight. */
  readonly queueEntry: { readonly x: number; readonly y: number };
}

export const chipWidth = (): number => (CARD_W - 2 * PAD - CHIP_GAP) / 2;

function cardHeight(node: NodeView, podCount: number): number {
  const rows = Math.max(1, Math.ceil(podCount / 2));
  return HEADER_H + BARS * BAR_H + (node.gpus.length ? GPU_ROW_H : 0) + 8 + rows * (CHIP_H + CHIP_GAP) + PAD;
}

export function podsTopOf(node: NodeView): number {
  return HEADER_H + BARS * BAR_H + (node.gpus.length ? GPU_ROW_H : 0) + 8;
}

export function layoutCluster(nodes: Iterable<NodeView>, pods: Iterable<PodView>, viewWidth: number): ClusterLayout {
  const width = Math.max(viewWidth, CARD_W + 2 * MARGIN);
  const byNode = new Map<string, PodView[]>();
  const queued: PodView[] = [];
  const nodeList = [...nodes];
  const known = new Set(nodeList.map((n) => n.id));
  for (const p of pods) {
    if (p.node && known.has(p.node)) {
      let list = byNode.get(p.node);
      if (!list) byNode.set(p.node, (list = []));
      list.push(p);
    } else if (!p.node) {
      queued.push(p);
    }
  }
  const byCreation = (a: PodView, b: PodView) => a.createdMs - b.createdMs || (a.name < b.name ? -1 : 1);
  queued.sort(byCreation);

  // The queue lane: chips flow left to right and wrap.
  const perRow = Math.max(1, Math.floor((width - 2 * MARGIN - 2 * PAD + CHIP_GAP) / (QUEUE_CHIP_W + CHIP_GAP)));
  const queueRows = Math.max(1, Math.ceil(queued.length / perRow));
  const queue: Box = { x: MARGIN, y: MARGIN, w: width - 2 * MARGIN, h: 30 + queueRows * (CHIP_H + CHIP_GAP) + PAD - CHIP_GAP };
  const podBoxes = new Map<string, PodBox>();
  queued.forEach((p, i) => {
    const col = i % perRow;
    const row = Math.floor(i / perRow);
    podBoxes.set(p.id, {
      pod: p,
      inQueue: true,
      x: queue.x + PAD + col * (QUEUE_CHIP_W + CHIP_GAP),
      y: queue.y + 30 + row * (CHIP_H + CHIP_GAP),
      w: QUEUE_CHIP_W,
      h: CHIP_H,
    });
  });

  // Pools in order of first appearance. Each pool is a block of cards under its label; blocks
  // flow left to right and wrap, so small pools share a row.
  const pools = new Map<string, NodeView[]>();
  for (const n of nodeList) {
    let list = pools.get(n.pool);
    if (!list) pools.set(n.pool, (list = []));
    list.push(n);
  }
  const usable = width - 2 * MARGIN;
  const perLine = Math.max(1, Math.floor((usable + CARD_GAP) / (CARD_W + CARD_GAP)));
  const nodeBoxes = new Map<string, NodeBox>();
  const labels: PoolLabel[] = [];
  let x = MARGIN;
  let y = queue.y + queue.h + 20;
  let rowBottom = y;
  for (const [pool, members] of pools) {
    const cols = Math.min(perLine, members.length);
    const blockW = cols * CARD_W + (cols - 1) * CARD_GAP;
    if (x > MARGIN && x + blockW > MARGIN + usable) {
      x = MARGIN;
      y = rowBottom + 10;
    }
    labels.push({ name: pool, nodes: members.length, x, y: y + 16 });
    let cy = y + POOL_LABEL_H;
    for (let start = 0; start < members.length; start += perLine) {
      const line = members.slice(start, start + perLine);
      const rowH = Math.max(...line.map((n) => cardHeight(n, byNode.get(n.id)?.length ?? 0)));
      line.forEach((n, i) => {
        const cx = x + i * (CARD_W + CARD_GAP);
        const podsTop = podsTopOf(n);
        nodeBoxes.set(n.id, { node: n, x: cx, y: cy, w: CARD_W, h: rowH, podsTop });
        const onNode = (byNode.get(n.id) ?? []).sort(byCreation);
        onNode.forEach((p, j) => {
          podBoxes.set(p.id, {
            pod: p,
            inQueue: false,
            x: cx + PAD + (j % 2) * (chipWidth() + CHIP_GAP),
            y: cy + podsTop + Math.floor(j / 2) * (CHIP_H + CHIP_GAP),
            w: chipWidth(),
            h: CHIP_H,
          });
        });
      });
      cy += rowH + CARD_GAP;
    }
    rowBottom = Math.max(rowBottom, cy - CARD_GAP);
    x += blockW + CARD_GAP * 2;
  }
  y = rowBottom + CARD_GAP;
  return {
    width,
    height: y + MARGIN,
    queue,
    pools: labels,
    nodes: nodeBoxes,
    pods: podBoxes,
    queueEntry: { x: queue.x + PAD, y: queue.y + 30 },
  };
}
