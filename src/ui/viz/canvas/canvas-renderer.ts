import type { GpuView, PodVisualState } from '../../../worker/protocol';
import { truncate } from '../format';
import { type ClusterLayout, type NodeBox, PAD, type PodBox } from '../layout';
import { reducedMotion } from '../motion';
import { FAR_ZOOM, sameTarget, type ClusterRendererApi, type Scene, type SceneHandlers, type Target, type ViewTransform } from '../scene';
import { readPalette, type Palette } from './palette';
import { PodTracks } from './tracks';

/**
 * The canvas renderer, for clusters too large for an element per pod: one bitmap redrawn per
 * animation frame while something moves, with pods batched by state into single paths, cards
 * outside the viewport skipped, and semantic zoom (far out, cards aggregate their pods into a
 * bar of states). Hit testing maps the pointer back to a pod, GPU or node.
 */
export class CanvasRenderer implements ClusterRendererApi {
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private palette: Palette;
  private scene: Scene | undefined;
  private transform: ViewTransform = { k: 1, x: 0, y: 0 };
  private width = 0;
  private height = 0;
  private frame = 0;
  private readonly tracks = new PodTracks();
  private hovered: Target | undefined;
  private font = '';
  private labelAt = -Infinity;
  private pulseTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly updateLabel: () => void;

  constructor(
    private readonly host: HTMLElement,
    label: () => string,
    private readonly handlers: SceneHandlers,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'cluster-canvas';
    this.canvas.setAttribute('role', 'img');
    this.updateLabel = () => this.canvas.setAttribute('aria-label', label());
    host.appendChild(this.canvas);
    this.ctx = this.canvas.getContext('2d', { alpha: true })!;
    this.palette = readPalette();
    this.canvas.addEventListener('pointermove', this.onPointerMove);
    this.canvas.addEventListener('pointerleave', this.onPointerLeave);
    this.canvas.addEventListener('click', this.onClick);
    this.canvas.addEventListener('contextmenu', this.onContextMenu);
  }

  update(scene: Scene): void {
    const now = performance.now();
    if (scene.layout !== this.scene?.layout) this.tracks.follow(scene.layout, now, scene.instant, reducedMotion());
    this.scene = scene;
    // The summary label counts every pod: once a second is enough for a screen reader.
    if (now - this.labelAt > 1000) {
      this.labelAt = now;
      this.updateLabel();
    }
    this.request();
  }

  setTransform(t: ViewTransform): void {
    this.transform = t;
    this.request();
  }

  resize(width: number, height: number): void {
    this.font = '';
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    this.width = width;
    this.height = height;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.request();
  }

  restyle(): void {
    this.palette = readPalette();
    this.font = '';
    this.request();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.pulseTimer);
    this.canvas.remove();
  }

  private request(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.frame = 0;
    const scene = this.scene;
    if (!scene || !this.width) return;
    const now = performance.now();
    const { ctx } = this;
    const dpr = this.canvas.width / this.width;
    const t = this.transform;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
    const view = { x0: -t.x / t.k, y0: -t.y / t.k, x1: (this.width - t.x) / t.k, y1: (this.height - t.y) / t.k };
    const far = t.k < FAR_ZOOM;
    const layout = scene.layout;
    this.drawQueue(layout, scene);
    for (const p of layout.pools) {
      if (p.y < view.y0 - 20 || p.y > view.y1 + 20) continue;
      this.text(scene.text.pool(p.name, p.nodes, p.pods), p.x, p.y, 11, this.palette.textMuted, '700');
    }
    for (const n of layout.nodes.values()) {
      if (n.x > view.x1 || n.x + n.w < view.x0 || n.y > view.y1 || n.y + n.h < view.y0) continue;
      this.drawNode(n, far);
    }
    this.drawServices(layout, scene, far);
    const { moving, pulsing } = this.drawPods(layout, view, far, now, scene);
    if (moving) this.request();
    else if (pulsing && !this.pulseTimer) {
      // Between flights, starting pods blink in two steps: one redraw per step, not sixty a second.
      this.pulseTimer = setTimeout(() => {
        this.pulseTimer = undefined;
        this.request();
      }, PULSE_STEP_MS - (now % PULSE_STEP_MS));
    }
  }

  private drawQueue(layout: ClusterLayout, scene: Scene): void {
    const q = layout.queue;
    const { ctx, palette } = this;
    ctx.save();
    ctx.setLineDash([5, 4]);
    ctx.strokeStyle = palette.borderStrong;
    ctx.fillStyle = palette.lane;
    ctx.beginPath();
    ctx.roundRect(q.x, q.y, q.w, q.h, 12);
    ctx.fill();
    ctx.stroke();
    ctx.restore();
    this.text(scene.text.queue.toUpperCase(), q.x + PAD, q.y + 20, 11, palette.textMuted, '700');
    if (layout.queued === 0) this.text(scene.text.queueEmpty, q.x + PAD, q.y + 38, 12, palette.textFaint, 'italic 400');
    else if (layout.queueOverflow > 0) this.text(scene.text.queueMore(layout.queueOverflow), q.x + q.w - PAD, q.y + 20, 11, palette.pending, '700', 'right');
  }

  private drawNode(n: NodeBox, far: boolean): void {
    const { ctx, palette } = this;
    const node = n.node;
    const down = node.condition !== 'Ready';
    ctx.beginPath();
    ctx.roundRect(n.x, n.y, n.w, n.h, 10);
    ctx.fillStyle = down ? palette.surfaceSunken : palette.surface;
    ctx.fill();
    ctx.save();
    if (down) ctx.setLineDash([6, 4]);
    ctx.lineWidth = sameTarget(this.scene?.selected, { kind: 'Node', id: node.id }) ? 2.5 : 1;
    ctx.strokeStyle = down ? palette.failed : ctx.lineWidth > 1 ? palette.accent : palette.border;
    ctx.stroke();
    ctx.restore();
    // Status: a filled dot when Ready, a ring when cordoned, a cross when down.
    const cx = n.x + PAD + 4;
    const cy = n.y + 15;
    ctx.beginPath();
    ctx.arc(cx, cy, 4.5, 0, Math.PI * 2);
    if (down) {
      ctx.strokeStyle = palette.failed;
      ctx.lineWidth = 1.6;
      ctx.moveTo(cx - 3, cy - 3);
      ctx.lineTo(cx + 3, cy + 3);
      ctx.moveTo(cx + 3, cy - 3);
      ctx.lineTo(cx - 3, cy + 3);
      ctx.stroke();
    } else if (node.unschedulable) {
      ctx.strokeStyle = palette.pending;
      ctx.lineWidth = 2;
      ctx.stroke();
    } else {
      ctx.fillStyle = palette.running;
      ctx.fill();
    }
    this.text(truncate(node.name, far ? 9 : 17), n.x + PAD + 14, n.y + 20, far ? 16 : 12, down ? palette.textMuted : palette.text, '650');
    if (far) {
      this.drawAggregate(n);
      return;
    }
    // Usage bars: CPU and memory requests against allocatable.
    const bars = [
      { used: node.requested.cpuMillis, total: node.allocatable.cpuMillis, color: palette.accent },
      { used: node.requested.memoryBytes, total: node.allocatable.memoryBytes, color: palette.memory },
    ];
    const w = n.w - 2 * PAD;
    bars.forEach((b, i) => {
      const y = n.y + n.rows.barsTop + i * 6;
      ctx.fillStyle = palette.surfaceSunken;
      ctx.fillRect(n.x + PAD, y, w, 4);
      ctx.fillStyle = b.used > b.total * 0.9 ? palette.pending : b.color;
      ctx.fillRect(n.x + PAD, y, b.total ? Math.min(1, b.used / b.total) * w : 0, 4);
    });
    const gpus = node.gpus.length;
    if (gpus) {
      const size = Math.min(14, (w - 2 * (gpus - 1)) / gpus);
      node.gpus.forEach((g, i) => this.drawGpu(g, n.x + PAD + i * (size + 2), n.y + n.rows.gpusTop, size));
    }
  }

  /**
   * One GPU as a small box: filled when a pod holds it, red and crossed out when broken (an Xid
   * or off the bus: a shape, not colour alone), faint and dashed while no device plugin serves it.
   */
  private drawGpu(g: GpuView, x: number, y: number, size: number): void {
    const { ctx, palette } = this;
    const broken = g.health === 'unhealthy' || g.health === 'lost';
    const held = g.pods.length > 0 || (g.mig?.instances.some((i) => i.pods.length > 0) ?? false);
    ctx.save();
    if (g.health === 'unadvertised') {
      ctx.globalAlpha = 0.45;
      ctx.setLineDash([2, 1.5]);
    }
    ctx.fillStyle = broken ? palette.failedSoft : held ? palette.gpu : palette.gpuSoft;
    ctx.strokeStyle = broken ? palette.failed : palette.gpu;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.rect(x, y, size, 8);
    ctx.fill();
    ctx.stroke();
    if (broken) {
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + size, y + 8);
      ctx.moveTo(x + size, y);
      ctx.lineTo(x, y + 8);
      ctx.stroke();
    }
    ctx.restore();
  }

  /**
   * Service badges and lines to their ready endpoints. At this scale every line at once is a
   * blur, so lines are faint unless their Service is selected.
   */
  private drawServices(layout: ClusterLayout, scene: Scene, far: boolean): void {
    const { ctx, palette } = this;
    const focus = scene.selected?.kind === 'Service' ? scene.selected.id : undefined;
    for (const box of layout.services.values()) {
      const s = box.service;
      const from = { x: box.x + box.w / 2, y: box.y + box.h };
      if (!far) {
        ctx.beginPath();
        for (const e of s.endpoints) {
          const pod = e.ready && e.podId ? layout.pods.get(e.podId) : undefined;
          if (!pod) continue;
          const to = { x: pod.x + pod.w / 2, y: pod.y };
          const dy = Math.max(30, (to.y - from.y) / 2);
          ctx.moveTo(from.x, from.y);
          ctx.bezierCurveTo(from.x, from.y + dy, to.x, to.y - dy, to.x, to.y);
        }
        ctx.globalAlpha = focus === s.id ? 1 : focus ? 0.08 : 0.25;
        ctx.strokeStyle = palette.service;
        ctx.lineWidth = focus === s.id ? 2 : 1;
        ctx.stroke();
        ctx.globalAlpha = 1;
      }
      ctx.beginPath();
      ctx.roundRect(box.x, box.y, box.w, box.h, box.h / 2);
      ctx.fillStyle = palette.serviceSoft;
      ctx.fill();
      ctx.lineWidth = focus === s.id ? 2.5 : 1.5;
      ctx.strokeStyle = focus === s.id ? palette.accent : palette.service;
      ctx.stroke();
      const ready = s.endpoints.filter((e) => e.ready).length;
      this.text(truncate(s.name, 22), box.x + 14, box.y + 15, 12, palette.text, '700');
      this.text(`${s.clusterIP || s.type} · ${ready}/${s.endpoints.length}`, box.x + 14, box.y + 28, 10.5, palette.textMuted);
    }
  }

  /** Semantic zoom: far out, a card shows its pods as a count and one bar of their states. */
  private drawAggregate(n: NodeBox): void {
    const scene = this.scene!;
    const counts = new Map<PodVisualState, number>();
    let total = 0;
    for (const p of scene.layout.pods.values()) {
      if (p.inQueue || p.pod.node !== n.node.id) continue;
      counts.set(p.pod.visual, (counts.get(p.pod.visual) ?? 0) + 1);
      total++;
    }
    const { ctx, palette } = this;
    const w = n.w - 2 * PAD;
    const y = n.y + 30;
    let x = n.x + PAD;
    ctx.fillStyle = palette.surfaceSunken;
    ctx.fillRect(x, y, w, 10);
    for (const state of STATE_ORDER) {
      const c = counts.get(state) ?? 0;
      if (!c) continue;
      const seg = (c / Math.max(total, 1)) * w;
      ctx.fillStyle = palette.state[state].stroke;
      ctx.fillRect(x, y, seg, 10);
      x += seg;
    }
    this.text(String(total), n.x + n.w - PAD, n.y + 21, 18, palette.textMuted, '700', 'right');
  }

  /** Draw every visible pod, batched by state; says whether pods are still moving, or starting. */
  private drawPods(layout: ClusterLayout, view: { x0: number; y0: number; x1: number; y1: number }, far: boolean, now: number, scene: Scene): { moving: boolean; pulsing: boolean } {
    const { ctx, palette } = this;
    const animating = this.tracks.advance(now);
    const pulse = Math.floor(now / PULSE_STEP_MS) % 2 ? 0.35 : 1;
    const batches = new Map<PodVisualState, { x: number; y: number; w: number; h: number }[]>();
    const faded: { box: PodBox; x: number; y: number; alpha: number }[] = [];
    let creating = false;
    for (const box of layout.pods.values()) {
      if (far && !box.inQueue) continue;
      const pos = this.tracks.position(box.pod.id, box);
      if (pos.x > view.x1 || pos.x + box.w < view.x0 || pos.y > view.y1 || pos.y + box.h < view.y0) continue;
      if (box.pod.visual === 'creating') creating = true;
      if (pos.alpha < 0.999) {
        faded.push({ box, x: pos.x, y: pos.y, alpha: pos.alpha });
        continue;
      }
      let list = batches.get(box.pod.visual);
      if (!list) batches.set(box.pod.visual, (list = []));
      list.push({ x: pos.x, y: pos.y, w: box.w, h: box.h });
    }
    for (const [state, rects] of batches) {
      const style = palette.state[state];
      ctx.beginPath();
      for (const r of rects) ctx.rect(r.x, r.y, r.w, r.h);
      ctx.fillStyle = style.hollow ? style.fill : style.stroke;
      ctx.globalAlpha = state === 'creating' ? pulse : state === 'terminating' ? 0.55 : 1;
      ctx.fill();
      if (style.hollow) {
        ctx.lineWidth = 1.2;
        ctx.strokeStyle = style.stroke;
        ctx.stroke();
      }
      if (state === 'failed') {
        // A cross on failed pods, so the state never relies on colour alone.
        ctx.beginPath();
        for (const r of rects) {
          ctx.moveTo(r.x + 2, r.y + 2);
          ctx.lineTo(r.x + r.w - 2, r.y + r.h - 2);
          ctx.moveTo(r.x + r.w - 2, r.y + 2);
          ctx.lineTo(r.x + 2, r.y + r.h - 2);
        }
        ctx.strokeStyle = palette.surface;
        ctx.lineWidth = 1.3;
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
    for (const f of faded) {
      const style = palette.state[f.box.pod.visual];
      ctx.globalAlpha = f.alpha;
      ctx.fillStyle = style.hollow ? style.fill : style.stroke;
      ctx.fillRect(f.x, f.y, f.box.w, f.box.h);
    }
    ctx.globalAlpha = 1;
    for (const ghost of this.tracks.exiting(now)) {
      ctx.globalAlpha = ghost.alpha * 0.6;
      ctx.fillStyle = palette.state.terminating.stroke;
      ctx.fillRect(ghost.x, ghost.y, ghost.w, ghost.h);
    }
    ctx.globalAlpha = 1;
    const selected = scene.selected;
    if (selected?.kind === 'Pod') {
      const box = layout.pods.get(selected.id);
      if (box) {
        const pos = this.tracks.position(box.pod.id, box);
        ctx.strokeStyle = palette.accent;
        ctx.lineWidth = 2;
        ctx.strokeRect(pos.x - 2, pos.y - 2, box.w + 4, box.h + 4);
      }
    }
    return { moving: animating, pulsing: creating && !reducedMotion() };
  }

  private text(s: string, x: number, y: number, size: number, color: string, weight = '400', align: CanvasTextAlign = 'left'): void {
    const { ctx } = this;
    // Setting a font makes the browser parse it and resolve the family list: only on change.
    const font = `${weight} ${size}px ${this.palette.font}`;
    if (font !== this.font) {
      ctx.font = font;
      this.font = font;
    }
    ctx.fillStyle = color;
    ctx.textAlign = align;
    ctx.fillText(s, x, y);
  }

  /** The world coordinates under a pointer event. */
  private world(e: MouseEvent): { x: number; y: number } {
    const r = this.canvas.getBoundingClientRect();
    const t = this.transform;
    return { x: (e.clientX - r.left - t.x) / t.k, y: (e.clientY - r.top - t.y) / t.k };
  }

  private hit(e: MouseEvent): { target: Target; box: { x: number; y: number; w: number; h: number } } | undefined {
    const scene = this.scene;
    if (!scene) return undefined;
    const p = this.world(e);
    const far = this.transform.k < FAR_ZOOM;
    for (const box of scene.layout.pods.values()) {
      if (far && !box.inQueue) continue;
      if (p.x >= box.x - 1 && p.x <= box.x + box.w + 1 && p.y >= box.y - 1 && p.y <= box.y + box.h + 1) return { target: { kind: 'Pod', id: box.pod.id }, box };
    }
    for (const s of scene.layout.services.values()) {
      if (p.x >= s.x && p.x <= s.x + s.w && p.y >= s.y && p.y <= s.y + s.h) return { target: { kind: 'Service', id: s.service.id }, box: s };
    }
    for (const n of scene.layout.nodes.values()) {
      if (p.x < n.x || p.x > n.x + n.w || p.y < n.y || p.y > n.y + n.h) continue;
      const gpus = n.node.gpus.length;
      if (gpus && !far && p.y >= n.y + n.rows.gpusTop && p.y <= n.y + n.rows.gpusTop + 8) {
        const size = Math.min(14, (n.w - 2 * PAD - 2 * (gpus - 1)) / gpus);
        const index = Math.floor((p.x - n.x - PAD) / (size + 2));
        if (index >= 0 && index < gpus) return { target: { kind: 'Gpu', node: n.node.id, index }, box: { x: n.x + PAD + index * (size + 2), y: n.y + n.rows.gpusTop, w: size, h: 8 } };
      }
      return { target: { kind: 'Node', id: n.node.id }, box: n };
    }
    return undefined;
  }

  private screenRect(box: { x: number; y: number; w: number; h: number }): DOMRect {
    const r = this.canvas.getBoundingClientRect();
    const t = this.transform;
    return new DOMRect(r.left + t.x + box.x * t.k, r.top + t.y + box.y * t.k, box.w * t.k, box.h * t.k);
  }

  private readonly onPointerMove = (e: PointerEvent): void => {
    const hit = this.hit(e);
    this.canvas.style.cursor = hit ? 'pointer' : '';
    if (sameTarget(hit?.target, this.hovered)) return;
    this.hovered = hit?.target;
    this.handlers.hover(hit?.target.kind === 'Pod' ? hit.target : undefined, hit ? this.screenRect(hit.box) : undefined);
  };

  private readonly onPointerLeave = (): void => {
    this.hovered = undefined;
    this.handlers.hover(undefined);
  };

  private readonly onClick = (e: MouseEvent): void => {
    const hit = this.hit(e);
    if (hit) this.handlers.select(hit.target);
  };

  private readonly onContextMenu = (e: MouseEvent): void => {
    const hit = this.hit(e);
    if (!hit) return;
    e.preventDefault();
    this.handlers.menu(hit.target, e.clientX, e.clientY);
  };
}

/** ContainerCreating blinks with this period per step, as the DOM renderer's pulse does (1.2 s cycle). */
const PULSE_STEP_MS = 600;

const STATE_ORDER: readonly PodVisualState[] = ['running', 'notready', 'creating', 'pending', 'failed', 'terminating', 'unknown', 'succeeded'];
