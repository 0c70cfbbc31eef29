import type { ClusterLayout } from '../layout';
import { reducedMotion } from '../motion';
import { FAR_ZOOM, type ClusterRendererApi, type RenderText, type Scene, type SceneHandlers, type Target, type ViewTransform } from '../scene';
import { el, setText, translate } from './el';
import { NodeCards } from './node-cards';
import { PodChips } from './pod-chips';
import { ServiceLinks } from './service-links';
import './cluster-dom.css';

/** The object an event happened on, from the data attributes the cards and chips carry. */
function targetOf(node: EventTarget | null): { target: Target; el: HTMLElement } | undefined {
  const found = (node as Element | null)?.closest?.<HTMLElement>('[data-kind]');
  if (!found) return undefined;
  const d = found.dataset;
  if (d.kind === 'Gpu') return { target: { kind: 'Gpu', node: d.node!, index: Number(d.index) }, el: found };
  return { target: { kind: d.kind as 'Pod' | 'Node' | 'Service', id: d.id! }, el: found };
}

/**
 * The renderer for clusters drawn at `detail` density: HTML elements positioned by the layout in
 * one world layer that zoom and pan transform. Every pod, node and GPU is a real focusable
 * element a keyboard and a screen reader reach; events are delegated from the root.
 */
export class DomRenderer implements ClusterRendererApi {
  private readonly root: HTMLDivElement;
  private readonly world: HTMLDivElement;
  private readonly queue: HTMLDivElement;
  private readonly queueTitle: HTMLSpanElement;
  private readonly queueNote: HTMLSpanElement;
  private readonly pools: HTMLDivElement;
  private readonly cards: NodeCards;
  private readonly pods: PodChips;
  private readonly services: ServiceLinks;
  private lastSelected: Target | undefined;
  private lastLayout: ClusterLayout | undefined;
  private lastText: RenderText | undefined;
  /** What the hovered or focused pod or GPU is linked to (see `link`). */
  private linkSelectors: string[] = [];

  constructor(host: HTMLElement, label: string, handlers: SceneHandlers) {
    this.queueTitle = el('span', 'lane-title');
    this.queueNote = el('span', 'lane-note');
    this.queue = el('div', 'queue', {}, this.queueTitle, this.queueNote);
    this.pools = el('div', 'pools', { 'aria-hidden': 'true' });
    const nodes = el('div', 'nodes');
    const pods = el('div', 'pods');
    const services = el('div', 'services');
    const lines = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    lines.setAttribute('class', 'links');
    lines.setAttribute('aria-hidden', 'true');
    this.world = el('div', 'world', {}, this.queue, this.pools, nodes, lines, services, pods);
    this.root = el('div', 'cluster-dom', { role: 'group', 'aria-label': label }, this.world);
    host.append(this.root);
    this.cards = new NodeCards(nodes);
    this.pods = new PodChips(pods);
    this.services = new ServiceLinks(services, lines);

    this.root.addEventListener('click', (e) => {
      const hit = targetOf(e.target);
      if (hit) handlers.select(hit.target);
    });
    this.root.addEventListener('keydown', (e) => {
      const hit = targetOf(e.target);
      if (!hit || hit.el !== e.target || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      handlers.select(hit.target);
    });
    this.root.addEventListener('contextmenu', (e) => {
      const hit = targetOf(e.target);
      if (!hit) return;
      e.preventDefault();
      handlers.menu(hit.target, e.clientX, e.clientY);
    });
    const hover = (e: Event) => {
      const hit = targetOf(e.target);
      handlers.hover(hit?.target.kind === 'Pod' ? hit.target : undefined, hit?.el.getBoundingClientRect());
      this.link(e.target);
    };
    this.root.addEventListener('pointerover', hover);
    this.root.addEventListener('focusin', hover);
    this.root.addEventListener('pointerleave', () => {
      handlers.hover(undefined);
      this.link(null);
    });
    this.root.addEventListener('focusout', () => {
      handlers.hover(undefined);
      this.link(null);
    });
  }

  update(scene: Scene): void {
    const frame = { ...scene, reduced: reducedMotion() };
    if (scene.layout === this.lastLayout && scene.text === this.lastText && scene.selected === this.lastSelected) {
      // Only the clock moved: tick the countdowns.
      this.pods.tick(frame);
      return;
    }
    this.lastLayout = scene.layout;
    this.lastText = scene.text;
    this.lastSelected = scene.selected;
    const { layout, text } = scene;
    this.world.style.width = `${layout.width}px`;
    this.world.style.height = `${layout.height}px`;
    this.drawLanes(layout, text);
    this.cards.update(layout, text, scene.instant);
    this.pods.update(frame);
    this.services.update(layout, text, scene.selected);
    if (this.linkSelectors.length) this.showLinks();
  }

  /**
   * Light up what the pointed-at thing is linked to: a pod's GPUs and MIG instances, or a GPU's
   * (or one instance's) pods. Both ends carry `namespace/name` words: `data-ref` on a pod,
   * `data-pods` on a GPU or instance. The selectors are kept, since a node's GPUs are redrawn
   * when its view changes.
   */
  private link(at: EventTarget | null): void {
    const found = (at as Element | null)?.closest?.<HTMLElement>('[data-ref], [data-pods]');
    const refs = !found ? [] : found.dataset.ref ? [found.dataset.ref] : (found.dataset.pods ?? '').split(' ').filter(Boolean);
    this.linkSelectors = refs.map((ref) => (found!.dataset.ref ? `[data-pods~="${CSS.escape(ref)}"]` : `[data-ref="${CSS.escape(ref)}"]`));
    this.showLinks();
  }

  private showLinks(): void {
    for (const e of this.root.querySelectorAll('.linked')) e.classList.remove('linked');
    for (const selector of this.linkSelectors) for (const e of this.root.querySelectorAll(selector)) e.classList.add('linked');
  }

  private drawLanes(layout: ClusterLayout, text: RenderText): void {
    const q = layout.queue;
    Object.assign(this.queue.style, { transform: translate(q.x, q.y), width: `${q.w}px`, height: `${q.h}px` });
    setText(this.queueTitle, text.queue);
    this.queueNote.className = layout.queued ? 'lane-note more' : 'lane-note';
    setText(this.queueNote, layout.queued === 0 ? text.queueEmpty : layout.queueOverflow > 0 ? text.queueMore(layout.queueOverflow) : '');
    const labels = layout.pools.map((p) => {
      const label = el('span', 'pool', {}, text.pool(p.name, p.nodes, p.pods));
      label.style.transform = translate(p.x, p.y - 12);
      return label;
    });
    this.pools.replaceChildren(...labels);
  }

  setTransform(t: ViewTransform): void {
    this.world.style.transform = `translate(${t.x}px, ${t.y}px) scale(${t.k})`;
    this.root.classList.toggle('far', t.k < FAR_ZOOM);
  }

  restyle(): void {
    // CSS custom properties restyle the elements by themselves.
  }

  destroy(): void {
    this.root.remove();
  }
}
