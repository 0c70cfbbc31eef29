import { priorityAdmission, SYSTEM_PRIORITY_CLASSES } from './api/kinds/priority-class';
import { DEFAULT_STORAGE_CLASS } from './api/kinds/storage';
import { ApiRegistry } from './api/registry';
import { ControllerManager } from './controllers/manager';
import type { ClusterSpec } from './cluster/cluster-spec';
import { buildMachines, type Machine } from './cluster/hardware';
import { MachineStates } from './cluster/machine-state';
import { VirtualClock } from './engine/clock';
import { Rng } from './engine/rng';
import { EventRecorder } from './events/recorder';
import { DisruptionController } from './controllers/disruption';
import { NodeLifecycleController } from './controllers/node-lifecycle';
import { TaintEvictionController } from './controllers/taint-eviction';
import { FaultInjector } from './faults/faults';
import { GpuStack } from './gpu/gpu-stack';
import { registerMachineFaults } from './faults/register';
import { KubeletFleet } from './kubelet/kubelets';
import { MetricsStore } from './metrics/metrics-store';
import { createKubernetesService } from './network/cluster-services';
import { Scheduler } from './scheduler/scheduler';
import { limitRangerAdmission } from './store/admission/limit-ranger';
import { resourceQuotaAdmission } from './store/admission/resource-quota';
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
  /** Power, network and pressure of the machines, and registry availability: what faults change. */
  readonly machineStates: MachineStates;
  readonly nodeLifecycle: NodeLifecycleController;
  readonly taintEviction: TaintEvictionController;
  readonly disruption: DisruptionController;
  readonly controllers: ControllerManager;
  /** The NVIDIA GPU Operator, its operands and the kubelet's device manager. */
  readonly gpu: GpuStack;

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

    // Admission plugins in the API server's order: LimitRanger, Priority, ResourceQuota.
    store.addAdmission(limitRangerAdmission);
    store.addAdmission(priorityAdmission);
    store.addAdmission(resourceQuotaAdmission);
    for (const name of SYSTEM_NAMESPACES) store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    // What the API server creates at start-up: the system priority classes, the kubernetes Service; and kind's default StorageClass.
    for (const pc of SYSTEM_PRIORITY_CLASSES) store.create(pc);
    createKubernetesService(store, apiServerAddress([...machines.values()]));
    store.create(DEFAULT_STORAGE_CLASS);
    this.scheduler = new Scheduler(this.ctx);
    this.machineStates = new MachineStates(machines.values());
    this.kubelets = new KubeletFleet(this.ctx, [...machines.values()], this.machineStates);
    this.kubelets.registerAll();
    this.nodeLifecycle = new NodeLifecycleController(this.ctx);
    this.taintEviction = new TaintEvictionController(this.ctx);
    this.disruption = new DisruptionController(this.ctx);
    registerMachineFaults(this.faults, { ctx: this.ctx, machines: this.machineStates, kubelets: this.kubelets });
    this.controllers = new ControllerManager(this.ctx);
    this.gpu = new GpuStack(this.ctx, this.kubelets, this.machineStates, this.faults);
  }
}

/** The API server runs on the (first) control-plane node; a cluster without one has a managed control plane at a fixed address. */
function apiServerAddress(machines: readonly Machine[]): string {
  return machines.find((m) => m.pool.role === 'control-plane')?.internalIP ?? '172.18.255.1';
}
