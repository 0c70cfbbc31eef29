import { priorityAdmission, SYSTEM_PRIORITY_CLASSES } from './api/kinds/priority-class';
import { ApiRegistry } from './api/registry';
import type { ClusterSpec } from './cluster/cluster-spec';
import { buildMachines } from './cluster/hardware';
import { VirtualClock } from './engine/clock';
import { Rng } from './engine/rng';
import { EventRecorder } from './events/recorder';
import { FaultInjector } from './faults/faults';
import { KubeletFleet } from './kubelet/kubelets';
import { MetricsStore } from './metrics/metrics-store';
import { Scheduler } from './scheduler/scheduler';
import type { SimContext } from './sim-context';
import { ObjectStore } from './store/object-store';

/** The namespaces every cluster starts with. */
const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/**
 * One running cluster: the context every component shares, and the components themselves,
 * wired together and booted at virtual time 0.
 */
export class World {
  readonly ctx: SimContext;
  readonly scheduler: Scheduler;
  readonly kubelets: KubeletFleet;
  readonly faults = new FaultInjector();

  constructor(
    readonly seed: number,
    readonly cluster: ClusterSpec,
  ) {
    const clock = new VirtualClock();
    const rng = new Rng(seed);
    const store = new ObjectStore(new ApiRegistry(), clock, rng);
    const recorder = new EventRecorder(store, clock);
    const machines = new Map(buildMachines(cluster, rng).map((m) => [m.nodeName, m]));
    this.ctx = { clock, rng, store, recorder, machines, metrics: new MetricsStore() };

    for (const name of SYSTEM_NAMESPACES) store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    // The API server's Priority admission plugin and the classes it creates at start-up.
    store.addAdmission(priorityAdmission);
    for (const pc of SYSTEM_PRIORITY_CLASSES) store.create(pc);
    this.scheduler = new Scheduler(this.ctx);
    this.kubelets = new KubeletFleet(this.ctx, [...machines.values()]);
    this.kubelets.registerAll();
  }
}
