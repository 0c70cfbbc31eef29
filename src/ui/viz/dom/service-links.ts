import type { ClusterLayout } from '../layout';
import type { RenderText, Target } from '../scene';
import { el, setAttr, setText, translate } from './el';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A curve from the bottom of a Service badge down to the top of a pod chip. */
export function linkPath(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const dy = Math.max(30, (to.y - from.y) / 2);
  return `M${from.x},${from.y} C${from.x},${from.y + dy} ${to.x},${to.y - dy} ${to.x},${to.y}`;
}

/**
 * Services as badges under the scheduling queue, with a line to each of their endpoints: solid
 * to the ready ones (where traffic goes), dashed to the rest. Selecting a Service brings its
 * lines forward and dims the others.
 */
export class ServiceLinks {
  private readonly badges = new Map<string, HTMLDivElement>();

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
        const path = document.createElementNS(SVG_NS, 'path');
        path.setAttribute('d', linkPath(from, { x: pod.x + pod.w / 2, y: pod.y }));
        path.setAttribute('class', `link${e.ready ? ' ready' : ''}${focus === s.id ? ' focus' : focus ? ' dim' : ''}`);
        paths.push(path);
      }
    }
    this.lines.setAttribute('width', String(layout.width));
    this.lines.setAttribute('height', String(layout.height));
    this.lines.replaceChildren(...paths);
  }
}
