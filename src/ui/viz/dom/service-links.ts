import type { ClusterLayout } from '../layout';
import type { RenderText, Target } from '../scene';
import { el, setAttr, setText, translate } from './el';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string>): SVGElement {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** A curve from the bottom of a Service badge down to the top of a pod chip. */
export function linkPath(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const dy = Math.max(30, (to.y - from.y) / 2);
  return `M${from.x},${from.y} C${from.x},${from.y + dy} ${to.x},${to.y - dy} ${to.x},${to.y}`;
}

let masks = 0;

/**
 * Services as badges under the scheduling queue, with a line to each of their endpoints: solid
 * to the ready ones (where traffic goes), dashed to the rest. Over the node cards' headers and
 * bars the lines fade (a mask), so they do not run over text at full strength; selecting a Service
 * draws its lines whole, brings them forward and dims the others.
 */
export class ServiceLinks {
  private readonly badges = new Map<string, HTMLDivElement>();
  private readonly maskId = `service-links-mask-${++masks}`;

  constructor(
    private readonly layer: HTMLElement,
    private readonly lines: SVGSVGElement,
  ) {}

  update(layout: ClusterLayout, text: RenderText, selected: Target | undefined): void {
    for (const [id, badge] of this.badges) {
      if (layout.services.has(id)) continue;
      badge.remove();
      this.badges.delete(id);
    }
    const focus = selected?.kind === 'Service' ? selected.id : undefined;
    const paths: SVGPathElement[] = [];
    const focused: SVGPathElement[] = [];
    for (const box of layout.services.values()) {
      const s = box.service;
      let badge = this.badges.get(s.id);
      if (!badge) {
        badge = el('div', 'service', { role: 'button', tabindex: '0', 'data-kind': 'Service', 'data-id': s.id }, el('span', 'svc-name'), el('span', 'svc-meta'));
        this.layer.append(badge);
        this.badges.set(s.id, badge);
      }
      const ready = s.endpoints.filter((e) => e.ready).length;
      badge.style.transform = translate(box.x, box.y);
      badge.style.width = `${box.w}px`;
      badge.style.height = `${box.h}px`;
      badge.classList.toggle('selected', focus === s.id);
      badge.classList.toggle('none-ready', ready === 0);
      setAttr(badge, 'aria-label', text.service(s));
      setText(badge.children[0]!, s.name);
      setText(badge.children[1]!, `${s.clusterIP || s.type} · ${ready}/${s.endpoints.length}`);
      const from = { x: box.x + box.w / 2, y: box.y + box.h };
      for (const e of s.endpoints) {
        const pod = e.podId ? layout.pods.get(e.podId) : undefined;
        if (!pod) continue;
        const path = svg('path', { d: linkPath(from, { x: pod.x + pod.w / 2, y: pod.y }) }) as SVGPathElement;
        path.setAttribute('class', `link${e.ready ? ' ready' : ''}${focus === s.id ? ' focus' : focus ? ' dim' : ''}`);
        (focus === s.id ? focused : paths).push(path);
      }
    }
    this.lines.setAttribute('width', String(layout.width));
    this.lines.setAttribute('height', String(layout.height));
    const behindCards = svg('g', { mask: `url(#${this.maskId})` });
    behindCards.append(...paths);
    this.lines.replaceChildren(this.cardsMask(layout), behindCards, ...focused);
  }

  /** Full strength except over the top of each node card (name, tags, bars, GPUs), where lines fade to a trace. */
  private cardsMask(layout: ClusterLayout): SVGMaskElement {
    const mask = svg('mask', { id: this.maskId, maskUnits: 'userSpaceOnUse', x: '0', y: '0', width: String(layout.width), height: String(layout.height) });
    mask.append(svg('rect', { x: '0', y: '0', width: String(layout.width), height: String(layout.height), fill: 'white' }));
    for (const n of layout.nodes.values()) {
      mask.append(svg('rect', { x: String(n.x), y: String(n.y), width: String(n.w), height: String(Math.max(0, n.rows.podsTop - 2)), fill: '#5a5a5a' }));
    }
    return mask as SVGMaskElement;
  }
}
