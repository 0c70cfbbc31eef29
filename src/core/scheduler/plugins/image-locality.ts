import { type Handle, MAX_NODE_SCORE, type PreScorePlugin, type ScorePlugin, StateKey, type StateData, SUCCESS } from '../framework';

const MB = 1024 * 1024;
/** Below this the images are too small to matter; above this per container the score is capped. */
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/**
 * The name a pod's image is looked up under on the node (normalizedImageName): `:latest` is
 * added when there is no tag. Nothing else is normalised, so `nginx:1.27` in a pod does not
 * match `docker.io/library/nginx:1.27` reported by containerd — upstream's behaviour too.
 */
export function normalizedImageName(image: string): string {
  return image.lastIndexOf(':') <= image.lastIndexOf('/') ? `${image}:latest` : image;
}

/** The pod's images, normalised once per cycle. */
class ImagesState implements StateData {
  constructor(
    /** The pod's images present on at least one node, with their spread (nodes having it / all nodes). */
    readonly present: readonly { readonly name: string; readonly spread: number }[],
    readonly containers: number,
  ) {}
  clone(): StateData {
    return this;
  }
}

const KEY = new StateKey<ImagesState>('PreScoreImageLocality');

/**
 * ImageLocality prefers nodes that already have the pod's images, weighted by image size and by
 * how widely the image is spread across the cluster (so one node holding a popular image does
 * not attract every pod).
 */
export function createImageLocality(handle: Handle) {
  return {
    name: 'ImageLocality',
    preScore(state, pod) {
      const spec = pod.pod.spec;
      const containers = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
      const total = handle.snapshot.nodes.length;
      const present = containers
        .map((c) => normalizedImageName(c.image ?? ''))
        .map((name) => ({ name, spread: handle.snapshot.imageNodeCount(name) / total }))
        .filter((i) => i.spread > 0);
      state.write(KEY, new ImagesState(present, containers.length));
      return SUCCESS;
    },
    score(state, _pod, node) {
      const { present, containers } = state.read(KEY)!;
      let sum = 0;
      for (const image of present) {
        const size = node.imageSizes.get(image.name);
        if (size !== undefined) sum += Math.trunc(size * image.spread);
      }
      const max = MAX_CONTAINER_THRESHOLD * containers;
      const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), max);
      return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
    },
  } satisfies PreScorePlugin & ScorePlugin;
}
