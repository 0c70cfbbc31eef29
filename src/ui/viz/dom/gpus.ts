import type { GpuView, NodeView } from '../../../worker/protocol';
import type { RenderText } from '../scene';
import { el, icon } from './el';

/** A bolt through a box: a GPU the device plugin reports broken (an Xid) or that fell off the bus. */
const BROKEN_ICON = 'M9.5 1 4 9h4l-1.5 6L12 7H8z';

/** The health classes, so broken GPUs are struck through and hatched, not only recoloured. */
const healthClass = (h: GpuView['health']) => (h === 'healthy' ? '' : ` health-${h}`);

/** The pods a GPU or MIG instance holds, as `namespace/name` words: the hover link to their chips. */
const podsAttr = (pods: readonly string[]) => pods.join(' ');

/** The attributes every drawn GPU carries: its name, its target and its users. */
function gpuAttrs(node: NodeView, g: GpuView, text: RenderText): Record<string, string> {
  const pods = [...g.pods, ...(g.mig?.instances.flatMap((i) => i.pods) ?? [])];
  return { role: 'button', tabindex: '0', 'aria-label': text.gpu(node.name, g), 'data-kind': 'Gpu', 'data-node': node.id, 'data-index': String(g.index), 'data-pods': podsAttr(pods) };
}

/** What marks a GPU on sight: the broken bolt, and how many pods share a time-sliced GPU. */
function marks(g: GpuView): Element[] {
  const out: Element[] = [];
  if (g.health === 'unhealthy' || g.health === 'lost') out.push(icon(BROKEN_ICON, 'gpu-broken'));
  // Time-sliced: users of replicas (`2/4`); shared without known replicas: the count of users.
  if (g.replicas) out.push(el('span', 'gpu-shared', { 'aria-hidden': 'true' }, `${g.pods.length}/${g.replicas}`));
  else if (g.pods.length > 1) out.push(el('span', 'gpu-shared', { 'aria-hidden': 'true' }, `×${g.pods.length}`));
  return out;
}

/** MIG instances are coloured by their compute size (1g … 7g), the same colour in both strips. */
const migClass = (computeSlices: number) => `mig-${Math.min(7, computeSlices)}g`;

function slicedGpu(node: NodeView, g: GpuView, text: RenderText): HTMLDivElement {
  const slices = g.slices!;
  const compute = el('div', 'compute', { 'aria-hidden': 'true' });
  let used = 0;
  for (const inst of g.mig?.instances ?? []) {
    for (let i = 0; i < inst.computeSlices && used < slices.compute; i++, used++) compute.append(el('i', `slot ${migClass(inst.computeSlices)}`));
  }
  while (used++ < slices.compute) compute.append(el('i', 'slot'));

  const memory = el('div', 'memory', { 'aria-hidden': 'true' });
  const unusable = new Set(g.mig?.unusable ?? []);
  for (let i = 0; i < slices.memory; i++) memory.append(el('i', `slot${unusable.has(i) ? ' unusable' : ''}`));
  for (const inst of g.mig?.instances ?? []) {
    // A one-slice instance has room for its size only (`1g`); the full name is in the tooltip.
    const label = inst.size < 2 ? inst.profile.split('.')[0]! : inst.profile;
    const users = inst.pods.length ? ` · ${inst.pods.join(', ')}` : '';
    const block = el('b', `inst ${migClass(inst.computeSlices)}${healthClass(inst.health)}${inst.pods.length ? ' held' : ''}`, { title: `${inst.profile} · ${inst.uuid}${users}`, 'data-pods': podsAttr(inst.pods) }, label);
    block.style.left = `${(inst.start / slices.memory) * 100}%`;
    block.style.width = `${(inst.size / slices.memory) * 100}%`;
    memory.append(block);
  }
  if (!g.mig) memory.append(el('b', `whole${g.pods.length ? ' held' : ''}`, {}, text.migOff));
  return el(
    'div',
    `gpu sliced${g.mig ? ' mig' : ''}${healthClass(g.health)}${g.pods.length ? ' held' : ''}`,
    gpuAttrs(node, g, text),
    el('span', 'gpu-index', { 'aria-hidden': 'true' }, String(g.index)),
    compute,
    memory,
    ...marks(g),
  );
}

function plainGpu(node: NodeView, g: GpuView, text: RenderText): HTMLDivElement {
  return el('div', `gpu${healthClass(g.health)}${g.pods.length ? ' held' : ''}`, gpuAttrs(node, g, text), el('span', 'gpu-num', { 'aria-hidden': 'true' }, String(g.index)), ...marks(g));
}

/**
 * A card's GPUs: a row of boxes for GPUs without MIG, or, for MIG-capable ones, each GPU with its
 * compute slices (top) and memory slices (bottom), MIG instances at their real placements,
 * coloured by size, and free slices no profile can use any more hatched.
 */
export function gpuBlock(node: NodeView, text: RenderText): HTMLElement[] {
  if (!node.gpus.length) return [];
  const sliced = node.gpus.some((g) => g.slices);
  return [
    el('div', 'gpu-model', {}, `${node.gpus.length} × ${node.gpus[0]!.name}`),
    el('div', sliced ? 'gpu-grid' : 'gpu-row', {}, ...node.gpus.map((g) => (g.slices ? slicedGpu(node, g, text) : plainGpu(node, g, text)))),
  ];
}
