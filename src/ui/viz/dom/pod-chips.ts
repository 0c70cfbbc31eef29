import type { ContainerView, PodView } from '../../../worker/protocol';
import { truncateMiddle } from '../format';
import { POD_ICONS } from '../icons';
import type { ClusterLayout, PodBox } from '../layout';
import { APPEAR_MS, EXIT_MS, FADE_MS, FLIGHT_MS, MOVE_MS, SHAKE_MS } from '../motion';
import type { PodGpu, RenderText, Target } from '../scene';
import { el, icon, setAttr, setIcon, setText, translate } from './el';

export interface PodFrame {
  readonly layout: ClusterLayout;
  readonly text: RenderText;
  readonly nowMs: number;
  readonly selected?: Target;
  readonly instant: boolean;
  readonly reduced: boolean;
}

/** Seconds left in a back-off, for the countdown on a crashing pod's chip. */
export function backOffLeft(c: ContainerView, nowMs: number): number | undefined {
  if (c.backOffUntilMs === undefined || c.state !== 'waiting') return undefined;
  return Math.max(0, Math.ceil((c.backOffUntilMs - nowMs) / 1000));
}

function badge(p: PodView, nowMs: number, text: RenderText): string {
  let wait: number | undefined;
  for (const c of p.containers) {
    const s = backOffLeft(c, nowMs);
    if (s !== undefined) wait = Math.max(wait ?? 0, s);
  }
  const restarts = p.restarts ? `↻${p.restarts}` : '';
  return wait !== undefined ? `${restarts} ${text.backOff(wait)}`.trim() : restarts;
}

/** Which devices each pod (`namespace/name`) holds, read from the GPUs' users on the node cards. */
export function podDevices(layout: ClusterLayout): Map<string, PodGpu[]> {
  const held = new Map<string, PodGpu[]>();
  const add = (pod: string, d: PodGpu) => held.set(pod, [...(held.get(pod) ?? []), d]);
  for (const box of layout.nodes.values()) {
    for (const g of box.node.gpus) {
      for (const pod of g.pods) add(pod, { index: g.index });
      for (const i of g.mig?.instances ?? []) for (const pod of i.pods) add(pod, { index: g.index, profile: i.profile });
    }
  }
  return held;
}

const EASE = 'cubic-bezier(0.65, 0, 0.35, 1)';

interface Chip {
  readonly root: HTMLDivElement;
  readonly box: HTMLDivElement;
  readonly icon: SVGSVGElement;
  readonly label: HTMLSpanElement;
  readonly badge: HTMLSpanElement;
  readonly containers: HTMLUListElement;
  at?: PodBox;
  /** The running flight, to start a new one from where the chip is now. */
  flight?: { animation: Animation; from: { x: number; y: number }; to: { x: number; y: number } };
}

/**
 * The pods, one element each, kept for the pod's whole life (keyed by uid): it fades in in the
 * queue lane, flies to its node when bound, pulses while created, shakes when a container
 * crashes, and fades when it goes. Flights are Web Animations of `transform`, which the browser
 * runs on the compositor, so hundreds fly at once without work on the main thread.
 */
export class PodChips {
  private readonly chips = new Map<string, Chip>();
  private selected: string | undefined;

  constructor(private readonly layer: HTMLElement) {}

  update(frame: PodFrame): void {
    const { layout, instant } = frame;
    const devices = podDevices(layout);
    for (const [id, chip] of this.chips) {
      if (layout.pods.has(id)) continue;
      this.chips.delete(id);
      this.leave(chip, instant);
    }
    for (const box of layout.pods.values()) {
      let chip = this.chips.get(box.pod.id);
      if (!chip) {
        chip = this.create(box);
        this.chips.set(box.pod.id, chip);
        this.layer.append(chip.root);
        this.enter(chip, box, frame);
      } else if (chip.at !== box) {
        this.move(chip, box, frame);
      }
      if (chip.at !== box) this.fill(chip, box, frame);
      // The GPUs a pod holds change with the node's view as well as with the pod's.
      const held = devices.get(`${box.pod.namespace}/${box.pod.name}`);
      setAttr(chip.root, 'aria-label', held ? `${frame.text.pod(box.pod)}. ${frame.text.podGpus(held)}` : frame.text.pod(box.pod));
    }
    const selected = frame.selected?.kind === 'Pod' ? frame.selected.id : undefined;
    if (selected !== this.selected) {
      if (this.selected) this.chips.get(this.selected)?.root.classList.remove('selected');
      if (selected) this.chips.get(selected)?.root.classList.add('selected');
      this.selected = selected;
    }
  }

  /** Tick the back-off countdowns, which change with the clock rather than with the pod. */
  tick(frame: PodFrame): void {
    for (const chip of this.chips.values()) {
      const box = chip.at;
      if (!box || !box.pod.containers.some((c) => c.backOffUntilMs !== undefined)) continue;
      setText(chip.badge, badge(box.pod, frame.nowMs, frame.text));
      if (box.expanded) this.fillContainers(chip, box, frame);
    }
  }

  private create(box: PodBox): Chip {
    const i = icon('', 'icon');
    const label = el('span', 'label');
    const b = el('span', 'badge');
    const inner = el('div', 'chip', {}, i, label, b);
    const containers = el('ul', 'containers');
    inner.append(containers);
    const root = el('div', 'pod', { role: 'button', tabindex: '0', 'data-kind': 'Pod', 'data-id': box.pod.id, 'data-ref': `${box.pod.namespace}/${box.pod.name}` }, inner);
    return { root, box: inner, icon: i, label, badge: b, containers };
  }

  private enter(chip: Chip, box: PodBox, frame: PodFrame): void {
    chip.root.style.transform = translate(box.x, box.y);
    if (frame.instant) return;
    // A pod never seen in the queue still enters through it, then flies to its node.
    if (!box.inQueue && !frame.reduced) this.fly(chip, frame.layout.queueEntry, box, FLIGHT_MS);
    chip.root.animate([{ opacity: 0 }, { opacity: 1 }], { duration: APPEAR_MS });
  }

  private move(chip: Chip, box: PodBox, frame: PodFrame): void {
    const prev = chip.at!;
    if (prev.x === box.x && prev.y === box.y) return;
    const from = this.position(chip, prev);
    if (frame.instant) {
      chip.flight?.animation.cancel();
      chip.root.style.transform = translate(box.x, box.y);
      return;
    }
    if (frame.reduced) {
      // Reduced motion: fade out where it was, fade in where it goes; nothing travels.
      chip.flight?.animation.cancel();
      chip.root.style.transform = translate(box.x, box.y);
      chip.root.animate(
        [
          { opacity: 1, transform: translate(from.x, from.y) },
          { opacity: 0, transform: translate(from.x, from.y), offset: 0.4 },
          { opacity: 0, transform: translate(box.x, box.y), offset: 0.41 },
          { opacity: 1, transform: translate(box.x, box.y) },
        ],
        { duration: FADE_MS * 2.5 },
      );
      return;
    }
    this.fly(chip, from, box, prev.inQueue && !box.inQueue ? FLIGHT_MS : MOVE_MS);
  }

  private fly(chip: Chip, from: { x: number; y: number }, to: { x: number; y: number }, duration: number): void {
    chip.flight?.animation.cancel();
    chip.root.style.transform = translate(to.x, to.y);
    const animation = chip.root.animate([{ transform: translate(from.x, from.y) }, { transform: translate(to.x, to.y) }], { duration, easing: EASE });
    chip.flight = { animation, from: { x: from.x, y: from.y }, to: { x: to.x, y: to.y } };
    animation.onfinish = () => {
      if (chip.flight?.animation === animation) chip.flight = undefined;
    };
  }

  /** Where the chip is drawn now: mid-flight, somewhere between the flight's ends. */
  private position(chip: Chip, at: PodBox): { x: number; y: number } {
    const f = chip.flight;
    const progress = f?.animation.effect?.getComputedTiming().progress;
    if (!f || progress === null || progress === undefined) return at;
    return { x: f.from.x + (f.to.x - f.from.x) * progress, y: f.from.y + (f.to.y - f.from.y) * progress };
  }

  private leave(chip: Chip, instant: boolean): void {
    if (instant) {
      chip.root.remove();
      return;
    }
    chip.root.removeAttribute('tabindex');
    chip.box.animate([{ opacity: 1, transform: 'scale(1)' }, { opacity: 0, transform: 'scale(0.85)' }], { duration: EXIT_MS, fill: 'forwards' }).onfinish = () => chip.root.remove();
  }

  private fill(chip: Chip, box: PodBox, frame: PodFrame): void {
    const p = box.pod;
    const was = chip.at;
    chip.at = box;
    chip.root.className = `pod state-${p.visual}${box.expanded ? ' expanded' : ''}${box.inQueue ? ' queued' : ''}${frame.selected?.kind === 'Pod' && frame.selected.id === p.id ? ' selected' : ''}`;
    setAttr(chip.root, 'aria-expanded', String(box.expanded));
    chip.root.style.width = `${box.w}px`;
    chip.root.style.height = `${box.h}px`;
    if (was?.pod.visual !== p.visual) {
      setIcon(chip.icon, POD_ICONS[p.visual].d);
      chip.icon.classList.toggle('filled', POD_ICONS[p.visual].fill);
    }
    const b = badge(p, frame.nowMs, frame.text);
    // Names are shortened in the middle to fit: the end tells a Deployment's pods apart.
    setText(chip.label, truncateMiddle(p.name, Math.floor((box.w - 44 - b.length * 6.5) / 7.4)));
    chip.label.title = p.name;
    setText(chip.badge, b);
    // A crash shakes the chip and bumps its restart counter.
    if (was && p.restarts > was.pod.restarts && !frame.reduced) {
      chip.box.animate(
        [{ translate: '0' }, { translate: '-3px 0' }, { translate: '3px 0' }, { translate: '-3px 0' }, { translate: '3px 0' }, { translate: '0' }],
        { duration: SHAKE_MS, easing: 'ease-in-out' },
      );
      chip.badge.animate([{ scale: 1 }, { scale: 1.6 }, { scale: 1 }], { duration: SHAKE_MS, easing: 'ease-out' });
    }
    if (box.expanded || was?.expanded) this.fillContainers(chip, box, frame);
  }

  private fillContainers(chip: Chip, box: PodBox, frame: PodFrame): void {
    const rows = box.expanded ? box.pod.containers : [];
    while (chip.containers.children.length > rows.length) chip.containers.lastElementChild!.remove();
    rows.forEach((c, i) => {
      let li = chip.containers.children[i] as HTMLLIElement | undefined;
      if (!li) {
        li = el('li', '', {}, el('span', 'dot', { 'aria-hidden': 'true' }), el('span', 'c-name'), el('span', 'c-state'));
        chip.containers.append(li);
      }
      li.className = `container c-${c.state}${c.ready ? ' ready' : ''}`;
      setText(li.children[1]!, c.name);
      const wait = backOffLeft(c, frame.nowMs);
      // Running and the reasons (CrashLoopBackOff) are Kubernetes' words, kept as kubectl prints them.
      const state = c.reason ?? (c.state === 'running' ? frame.text.containerRunning(c.ready) : c.state);
      const line = `${state}${c.restarts ? ` · ↻${c.restarts}` : ''}${wait !== undefined ? ` · ${frame.text.backOff(wait)}` : ''}`;
      setText(li.children[2]!, line);
      // A narrow card cuts the line short; the whole of it shows on hover.
      (li.children[2] as HTMLElement).title = line;
    });
  }
}
