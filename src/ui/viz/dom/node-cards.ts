import type { NodeView } from '../../../worker/protocol';
import { bytes, cores } from '../format';
import { CONDITION_ICONS } from '../icons';
import type { ClusterLayout, NodeBox } from '../layout';
import { APPEAR_MS } from '../motion';
import type { RenderText } from '../scene';
import { el, icon, setAttr, setIcon, setText, translate } from './el';
import { gpuBlock } from './gpus';

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
      key: 'ext',
      label: r.name.replace(/^nvidia\.com\//, ''),
      used: r.requested,
      total: r.allocatable,
      text: r.allocatable < r.capacity ? `${r.requested} / ${r.allocatable} (${r.capacity})` : `${r.requested} / ${r.allocatable}`,
    })),
  ];
}

export interface CardChip {
  readonly text: string;
  readonly full: string;
  readonly kind: 'taint' | 'gpu' | 'label' | 'problem';
}

/** The chips under a card's header: problems and taints (amber), the labels worth seeing (GPU green). */
export function cardChips(n: NodeView): CardChip[] {
  const chips: CardChip[] = [];
  for (const p of n.problems) chips.push({ text: p, full: p, kind: 'problem' });
  for (const t of n.taints) chips.push({ text: t.replace(/^node(-role)?\.kubernetes\.io\//, ''), full: t, kind: 'taint' });
  for (const [k, v] of Object.entries(n.keyLabels)) {
    if (k === 'topology.kubernetes.io/zone') continue;
    const short = k === 'nvidia.com/gpu.product' ? v : `${k.replace(/^nvidia\.com\//, '')}=${v}`;
    chips.push({ text: short, full: `${k}=${v}`, kind: k.startsWith('nvidia.com/') ? 'gpu' : 'label' });
  }
  return chips;
}

function conditionIcon(n: NodeView): keyof typeof CONDITION_ICONS {
  if (n.condition !== 'Ready') return 'down';
  return n.unschedulable || n.problems.length ? 'warning' : 'ok';
}

function subtitle(n: NodeView): string {
  const role = n.roles.length ? ` · ${n.roles.join(',')}` : '';
  return `${cores(n.allocatable.cpuMillis)} CPU · ${bytes(n.allocatable.memoryBytes)} · ${n.runtime.split(':')[0]}${role}`;
}

interface Card {
  readonly root: HTMLDivElement;
  readonly head: HTMLDivElement;
  readonly cond: SVGSVGElement;
  readonly name: HTMLSpanElement;
  readonly state: HTMLSpanElement;
  readonly sub: HTMLDivElement;
  readonly chips: HTMLDivElement;
  readonly bars: HTMLDivElement;
  readonly gpus: HTMLDivElement;
  readonly aggregate: HTMLSpanElement;
  /** "No pods" where the pods would be. */
  readonly empty: HTMLSpanElement;
  box?: NodeBox;
  text?: RenderText;
}

/**
 * The node cards, one element each, positioned by the layout. A card is rebuilt only when its
 * node view or box changed; moves between rows glide with a CSS transition.
 */
export class NodeCards {
  private readonly cards = new Map<string, Card>();

  constructor(private readonly layer: HTMLElement) {}

  update(layout: ClusterLayout, text: RenderText, instant: boolean): void {
    const podCount = new Map<string, number>();
    for (const p of layout.pods.values()) if (p.pod.node && !p.inQueue) podCount.set(p.pod.node, (podCount.get(p.pod.node) ?? 0) + 1);
    for (const [id, card] of this.cards) {
      if (layout.nodes.has(id)) continue;
      this.cards.delete(id);
      card.root.animate([{ opacity: 1 }, { opacity: 0 }], { duration: instant ? 0 : 300 }).onfinish = () => card.root.remove();
    }
    for (const box of layout.nodes.values()) {
      let card = this.cards.get(box.node.id);
      if (!card) {
        card = this.create(box);
        this.cards.set(box.node.id, card);
        this.layer.append(card.root);
        if (!instant) card.root.animate([{ opacity: 0 }, { opacity: 1 }], { duration: APPEAR_MS * 1.6 });
      }
      const count = podCount.get(box.node.id) ?? 0;
      setText(card.aggregate, String(count));
      setText(card.empty, count ? '' : text.noPods);
      card.empty.style.top = `${box.rows.podsTop}px`;
      setAttr(card.root, 'aria-label', text.node(box.node, count));
      if (card.box?.node === box.node && card.box.x === box.x && card.box.y === box.y && card.box.h === box.h && card.text === text) continue;
      this.fill(card, box, text);
    }
  }

  private create(box: NodeBox): Card {
    const cond = icon('', 'cond-icon');
    const name = el('span', 'name');
    const state = el('span', 'state');
    const sub = el('div', 'sub');
    const head = el('div', 'head', { role: 'button', tabindex: '0', 'data-kind': 'Node', 'data-id': box.node.id }, cond, name, state, sub);
    const chips = el('div', 'tags');
    const bars = el('div', 'bars');
    const gpus = el('div', 'gpus');
    const aggregate = el('span', 'aggregate', { 'aria-hidden': 'true' });
    const empty = el('span', 'empty', { 'aria-hidden': 'true' });
    const root = el('div', 'node', { role: 'group' }, head, chips, bars, gpus, empty, aggregate);
    root.style.transform = translate(box.x, box.y);
    return { root, head, cond, name, state, sub, chips, bars, gpus, aggregate, empty };
  }

  private fill(card: Card, box: NodeBox, text: RenderText): void {
    const n = box.node;
    const prev = card.box;
    card.box = box;
    card.text = text;
    // The MIG manager's progress (nvidia.com/mig.config.state): pending while it repartitions.
    const mig = n.keyLabels['nvidia.com/mig.config.state'];
    card.root.className = `node cond-${n.condition.toLowerCase()}${n.unschedulable ? ' cordoned' : ''}${mig ? ` mig-${mig}` : ''}`;
    card.root.style.transform = translate(box.x, box.y);
    card.root.style.width = `${box.w}px`;
    card.root.style.height = `${box.h}px`;
    setAttr(card.head, 'aria-label', text.nodeStatus(n));
    setIcon(card.cond, CONDITION_ICONS[conditionIcon(n)]);
    setText(card.name, n.name);
    setText(card.state, n.status.replace(',SchedulingDisabled', ' · cordoned'));
    setText(card.sub, subtitle(n));
    if (prev?.node === n && prev.rows === box.rows) return;

    card.chips.style.top = `${box.rows.chipsTop}px`;
    card.chips.replaceChildren(...cardChips(n).map((c) => el('span', `tag tag-${c.kind}`, { title: c.full }, c.text)));

    card.bars.style.top = `${box.rows.barsTop}px`;
    const bars = cardBars(n, text);
    while (card.bars.children.length > bars.length) card.bars.lastElementChild!.remove();
    bars.forEach((b, i) => {
      let row = card.bars.children[i] as HTMLDivElement | undefined;
      if (!row) {
        row = el('div', '', {}, el('span', 'bar-label'), el('span', 'track', {}, el('span', 'fill')), el('span', 'bar-value'));
        card.bars.append(row);
      }
      row.className = `bar bar-${b.key}`;
      row.title = `${b.label}: ${b.text}`;
      setText(row.children[0]!, b.label);
      const fill = row.children[1]!.firstElementChild as HTMLSpanElement;
      fill.style.width = `${b.total > 0 ? Math.max(0, Math.min(1, b.used / b.total)) * 100 : 0}%`;
      fill.classList.toggle('over', b.used > b.total * 0.9);
      setText(row.children[2]!, b.text);
    });

    card.gpus.style.top = `${box.rows.gpusTop}px`;
    if (prev?.node.gpus !== n.gpus || prev.node.name !== n.name) card.gpus.replaceChildren(...gpuBlock(n, text));
  }
}
