/** A tiny element factory for the DOM renderer: tag with classes, attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A 16×16 icon from a path, hidden from assistive technology (the element's label says it). */
export function icon(d: string, className: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', className);
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', d);
  svg.append(path);
  return svg;
}

export function setIcon(svg: SVGSVGElement, d: string): void {
  svg.firstElementChild?.setAttribute('d', d);
}

/** Set text only when it changed: writing the same text still invalidates layout. */
export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

export function setAttr(node: Element, name: string, value: string | undefined): void {
  if (value === undefined) node.removeAttribute(name);
  else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

export const translate = (x: number, y: number) => `translate(${x}px, ${y}px)`;
