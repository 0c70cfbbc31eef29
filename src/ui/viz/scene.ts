import type { GpuView, NodeView, PodView, ServiceView } from '../../worker/protocol';
import type { ClusterLayout } from './layout';

/** Something in the cluster view a learner can point at, inspect, or inject a fault into. */
export type Target =
  | { readonly kind: 'Pod'; readonly id: string }
  | { readonly kind: 'Node'; readonly id: string }
  | { readonly kind: 'Service'; readonly id: string }
  | { readonly kind: 'Gpu'; readonly node: string; readonly index: number };

export function sameTarget(a: Target | undefined, b: Target | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'Gpu' && b.kind === 'Gpu') return a.node === b.node && a.index === b.index;
  return (a as { id: string }).id === (b as { id: string }).id;
}

/** A device a pod holds: a whole GPU, or a MIG instance on one. */
export interface PodGpu {
  readonly index: number;
  readonly profile?: string;
}

/** Accessible names and visible words, already translated. */
export interface RenderText {
  queue: string;
  queueEmpty: string;
  queueMore(count: number): string;
  pool(name: string, nodes: number, pods: number): string;
  node(n: NodeView, pods: number): string;
  nodeStatus(n: NodeView): string;
  pod(p: PodView): string;
  gpu(node: string, gpu: GpuView): string;
  /** `Holds GPU 0, MIG 1g.5gb on GPU 2.`: the devices the kubelet gave a pod. */
  podGpus(devices: readonly PodGpu[]): string;
  migOff: string;
  service(s: ServiceView): string;
  services: string;
  backOff(seconds: number): string;
  /** A running container's line in an expanded chip: `Running`, or running but failing its readiness probe. */
  containerRunning(ready: boolean): string;
  noPods: string;
  cpu: string;
  memory: string;
  pods: string;
}

/** What the view reports back: hover and focus (for the tooltip), selection, context menus. */
export interface SceneHandlers {
  hover(target: Target | undefined, anchor?: DOMRect): void;
  select(target: Target): void;
  menu(target: Target, x: number, y: number): void;
}

/** Everything a renderer needs to draw one frame of the cluster. */
export interface Scene {
  readonly layout: ClusterLayout;
  readonly text: RenderText;
  readonly nowMs: number;
  readonly selected?: Target;
  /** Draw without flights (first frame, a restored session, a new preset). */
  readonly instant: boolean;
}

/** The zoom and pan of the view, as d3-zoom reports it. */
export interface ViewTransform {
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

/** How far out before cards stop showing their pods and aggregate them (semantic zoom). */
export const FAR_ZOOM = 0.45;

export interface ClusterRendererApi {
  update(scene: Scene): void;
  setTransform(t: ViewTransform): void;
  /** Recolour from the CSS custom properties (theme change). */
  restyle(): void;
  /** Follow the view's size in CSS pixels (a renderer drawing a bitmap of the view needs it). */
  resize?(width: number, height: number): void;
  destroy(): void;
}
