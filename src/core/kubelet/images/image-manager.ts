import type { Container } from 'kubernetes-types/core/v1';
import type { MachineStates } from '../../cluster/machine-state';
import type { Timer, VirtualClock } from '../../engine/clock';
import type { Rng } from '../../engine/rng';
import { goDuration } from '../../format/duration';
import { Backoff } from '../backoff';
import type { EventSink } from '../event-sink';
import { registryEndpoint, type RuntimeInfo } from '../runtimes';
import { KUBELET_TIMINGS } from '../timings';
import { type ImageRef, parseImage } from './reference';
import { imageConfig, PULL_BYTES_PER_SECOND, PULL_OVERHEAD_MS, PULL_UNREACHABLE_MS, registryLookup } from './registry';

/** Who wants an image: the pod (for events and the back-off key) and the container. */
export interface PullRequest {
  readonly podUid: string;
  readonly container: Container;
  /** Records an event on the container (spec.containers{name}). */
  readonly event: EventSink;
}

export type EnsureOutcome =
  /** The image is on the node: go on. */
  | { readonly kind: 'present'; readonly ref: ImageRef }
  /** A pull started; `done` is called when it ends. */
  | { readonly kind: 'pulling' }
  /** ImagePullBackOff until `retryAt`. */
  | { readonly kind: 'backoff'; readonly retryAt: number; readonly message: string }
  /** imagePullPolicy: Never and the image is missing. */
  | { readonly kind: 'never'; readonly message: string };

export type PullResult = { readonly ok: true; readonly ref: ImageRef } | { readonly ok: false; readonly message: string };

interface CachedImage {
  readonly ref: ImageRef;
  readonly sizeBytes: number;
}

/**
 * One node's images (pkg/kubelet/images): the cache on the node's disk, pulls one at a time
 * (`serializeImagePulls: true`, the default), imagePullPolicy, and the pull back-off: a failed pull
 * shows ErrImagePull, then ImagePullBackOff on the kubelet's back-off curve (10 s doubling to
 * 300 s, keyed by pod and image), and recovers by itself once the image can be pulled.
 */
export class ImageManager {
  private readonly cache = new Map<string, CachedImage>();
  private readonly backoff = new Backoff();
  /** The last pull error per back-off key, repeated in the ImagePullBackOff message. */
  private readonly lastError = new Map<string, string>();
  private queueFreeAt = 0;
  private readonly timers = new Set<Timer>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
    private readonly runtime: RuntimeInfo,
    private readonly machines: MachineStates,
    /** Called when the set of images on the node changes (the Node's status.images). */
    private readonly onImagesChanged: () => void,
  ) {}

  images(): readonly CachedImage[] {
    return [...this.cache.values()];
  }

  diskBytes(): number {
    let total = 0;
    for (const i of this.cache.values()) total += i.sizeBytes;
    return total;
  }

  has(image: string): boolean {
    return this.cache.has(parseImage(image).full);
  }

  /** EnsureImageExists: decide between the cache, a pull, the back-off, or ErrImageNeverPull. */
  ensure(req: PullRequest, done: (result: PullResult) => void): EnsureOutcome {
    const image = req.container.image ?? '';
    const ref = parseImage(image);
    const present = this.cache.has(ref.full);
    const policy = req.container.imagePullPolicy ?? 'IfNotPresent';
    if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
      if (present) {
        req.event('Normal', 'Pulled', `Container image ${JSON.stringify(image)} already present on machine`);
        return { kind: 'present', ref };
      }
      const message = `Container image ${JSON.stringify(image)} is not present with pull policy of Never`;
      req.event('Warning', 'ErrImageNeverPull', message);
      return { kind: 'never', message };
    }
    const key = `${req.podUid}_${image}`;
    const now = this.clock.now();
    if (this.backoff.inBackoffSinceUpdate(key, now)) {
      const previous = this.lastError.get(key);
      const message = `Back-off pulling image ${JSON.stringify(image)}${previous ? `: ErrImagePull: ${previous}` : ''}`;
      req.event('Normal', 'BackOff', `Back-off pulling image ${JSON.stringify(image)}`);
      req.event('Warning', 'Failed', 'Error: ImagePullBackOff');
      return { kind: 'backoff', retryAt: this.backoff.endsAfterUpdate(key)!, message };
    }
    req.event('Normal', 'Pulling', `Pulling image ${JSON.stringify(image)}`);
    this.pull(ref, present, (failure, pullMs, waitedMs, size) => {
      if (failure) {
        const err = this.runtime.pullError(ref, failure);
        req.event('Warning', 'Failed', `Failed to pull image ${JSON.stringify(image)}: ${err}`);
        req.event('Warning', 'Failed', 'Error: ErrImagePull');
        this.backoff.next(key, this.clock.now(), this.clock.now());
        this.lastError.set(key, err);
        done({ ok: false, message: err });
        return;
      }
      this.backoff.reset(key);
      this.lastError.delete(key);
      req.event(
        'Normal',
        'Pulled',
        `Successfully pulled image ${JSON.stringify(image)} in ${goDuration(pullMs)} (${goDuration(pullMs + waitedMs)} including waiting). Image size: ${size} bytes.`,
      );
      done({ ok: true, ref });
    });
    return { kind: 'pulling' };
  }

  /** Pulls wait for the one before them to finish; a pull of a cached image only checks the manifest. */
  private pull(ref: ImageRef, cached: boolean, finish: (failure: ReturnType<typeof registryLookup>, pullMs: number, waitedMs: number, size: number) => void): void {
    const now = this.clock.now();
    const size = imageConfig(ref).sizeBytes;
    const unreachable = this.machines.registryDown(ref.registry) || this.machines.registryDown(registryEndpoint(ref));
    const failure = unreachable ? 'registry-unavailable' : registryLookup(ref);
    let pullMs: number;
    if (failure === 'registry-unavailable') pullMs = PULL_UNREACHABLE_MS;
    else if (failure) pullMs = Math.round(this.rng.between(400, 1200));
    else if (cached) pullMs = Math.round(this.rng.between(...KUBELET_TIMINGS.manifestCheckMs));
    else pullMs = Math.round(this.rng.jitter(PULL_OVERHEAD_MS + (size / PULL_BYTES_PER_SECOND) * 1000, 0.15));
    const startAt = Math.max(now, this.queueFreeAt);
    const waitedMs = startAt - now;
    this.queueFreeAt = startAt + pullMs;
    const timer = this.clock.after(waitedMs + pullMs, 'kubelet-image-pull', () => {
      this.timers.delete(timer);
      if (!failure && !this.cache.has(ref.full)) {
        this.cache.set(ref.full, { ref, sizeBytes: size });
        this.onImagesChanged();
      }
      finish(failure, pullMs, waitedMs, size);
    });
    this.timers.add(timer);
  }

  /** Image garbage collection under disk pressure: remove images no running container uses. */
  collectGarbage(inUse: ReadonlySet<string>): number {
    let freed = 0;
    for (const [full, img] of [...this.cache]) {
      if (inUse.has(full)) continue;
      this.cache.delete(full);
      freed += img.sizeBytes;
    }
    if (freed > 0) this.onImagesChanged();
    return freed;
  }

  /** The machine lost power: pulls in flight are gone, and so is the in-memory back-off. The cache is on disk and stays. */
  reset(): void {
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    this.queueFreeAt = 0;
    this.backoff.clear();
    this.lastError.clear();
  }
}
