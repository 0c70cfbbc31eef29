import type { Machine } from './cluster/hardware';
import type { VirtualClock } from './engine/clock';
import type { Rng } from './engine/rng';
import type { EventRecorder } from './events/recorder';
import type { MetricsStore } from './metrics/metrics-store';
import type { ObjectStore } from './store/object-store';

/**
 * What every simulated component is given: the clock to schedule work on, the seeded RNG, the
 * API server's store, the event recorder, the machines and the metrics store. Components talk to each other only
 * through the store, as Kubernetes components talk only through the API server.
 */
export interface SimContext {
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly store: ObjectStore;
  readonly recorder: EventRecorder;
  readonly machines: ReadonlyMap<string, Machine>;
  /** Time series recorded by the components (container usage, DCGM, Triton), read by kubectl top, the HPA and the UI. */
  readonly metrics: MetricsStore;
}
