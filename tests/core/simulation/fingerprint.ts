import { createHash } from 'node:crypto';
import type { Simulation } from '../../../src/core';

/**
 * A fingerprint of everything a run makes observable, to pin behaviour across performance work:
 * the event log, every object of every kind at the end, the watch stream (every write, in order,
 * with its virtual time and resourceVersion), the metric series, kubectl's output and the
 * scheduler's explanations. Each part is hashed separately so that a mismatch says where.
 */
export interface Fingerprint {
  readonly now: number;
  readonly events: string;
  readonly objects: string;
  readonly watch: string;
  readonly metrics: string;
  readonly kubectl: string;
  readonly explanations: string;
}

/** Records the watch stream of a simulation from now on; call before driving it. */
export class WatchRecorder {
  private readonly hash = createHash('sha256');
  private count = 0;

  constructor(private readonly sim: Simulation) {
    sim.watch((e) => {
      const m = e.object.metadata;
      this.hash.update(`${sim.now()} ${e.type} ${e.object.kind} ${m.namespace ?? ''}/${m.name} ${m.resourceVersion}\n`);
      this.count++;
    });
  }

  digest(): string {
    return `${this.count}:${this.hash.digest('hex').slice(0, 16)}`;
  }
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** The kubectl commands whose output is part of the fingerprint (read-only ones). */
const KUBECTL = ['get pods -A -o wide', 'get deploy,rs,svc,endpointslices -A', 'get nodes -o wide', 'top pods -A', 'top nodes', 'get events -A'];

export function fingerprint(sim: Simulation, watch: WatchRecorder): Fingerprint {
  const kinds = ['Namespace', 'Node', 'Lease', 'Pod', 'ReplicaSet', 'Deployment', 'Service', 'EndpointSlice', 'Job', 'CronJob', 'DaemonSet', 'StatefulSet', 'ControllerRevision', 'PersistentVolumeClaim', 'PersistentVolume', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'ResourceQuota', 'LimitRange', 'ConfigMap', 'Secret', 'PriorityClass', 'StorageClass'];
  const objects = kinds.map((k) => [k, sim.list(k)]);
  const metrics = sim
    .metrics()
    .names()
    .map((name) => [name, sim.metrics().query(name)]);
  const pods = sim.list('pods');
  const explanations = pods.map((p) => sim.schedulingExplanation(p.metadata!.name!, p.metadata!.namespace));
  return {
    now: sim.now(),
    events: `${sim.events().length}:${digest(sim.events())}`,
    objects: digest(objects),
    watch: watch.digest(),
    metrics: digest(metrics),
    kubectl: digest(KUBECTL.map((c) => sim.kubectl(c))),
    explanations: digest(explanations),
  };
}
