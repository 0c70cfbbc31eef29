/**
 * Compact, UI-ready views of cluster objects. The worker sends these (not whole API objects) to
 * the UI in batched diffs; every Kubernetes judgement (a pod's STATUS text, a node's readiness)
 * is made here in the core, so the UI adds no logic of its own.
 */
export interface ContainerView {
  readonly name: string;
  readonly image: string;
  readonly state: 'waiting' | 'running' | 'terminated';
  readonly reason?: string;
  readonly ready: boolean;
  readonly restarts: number;
}

/** The family of states a pod's STATUS falls in, for colour and icon. */
export type PodVisualState = 'pending' | 'creating' | 'running' | 'failed' | 'succeeded' | 'terminating' | 'unknown';

export interface PodView {
  readonly kind: 'Pod';
  /** metadata.uid */
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly node?: string;
  readonly phase: string;
  /** The STATUS kubectl prints: Running, ContainerCreating, CrashLoopBackOff, Terminating, … */
  readonly status: string;
  /** READY, e.g. 1/1. */
  readonly ready: string;
  readonly visual: PodVisualState;
  readonly restarts: number;
  readonly containers: readonly ContainerView[];
  /** Virtual milliseconds at creation. */
  readonly createdMs: number;
  readonly deleting: boolean;
  readonly owner?: { readonly kind: string; readonly name: string };
  readonly requests: { readonly cpuMillis: number; readonly memoryBytes: number; readonly gpus: number };
  /** Why the pod is not scheduled (the PodScheduled=False message). */
  readonly schedulingMessage?: string;
  readonly podIP?: string;
}

export interface GpuView {
  readonly index: number;
  readonly name: string;
  readonly product: string;
  readonly memoryMiB: number;
  readonly uuid: string;
  /** As the device plugin reports it (`lost` after Xid 79; `unadvertised` while no plugin serves it). */
  readonly health: 'healthy' | 'unhealthy' | 'lost' | 'unadvertised';
  /** The last Xid since the GPU's last reset, 0 for none. */
  readonly lastXid: number;
  /** `namespace/name` of the pods given the whole GPU (several with time-slicing). */
  readonly pods: readonly string[];
  /** The GPU's MIG devices when it is in MIG mode, each with the pods given it. */
  readonly migDevices: readonly MigDeviceView[];
}

export interface MigDeviceView {
  readonly uuid: string;
  /** `1g.5gb`, `3g.20gb`, … */
  readonly profile: string;
  readonly gpuInstanceId: number;
  /** Memory slices it occupies (start and size of 8, or of 4 on an A30). */
  readonly placement: { readonly start: number; readonly size: number };
  readonly health: GpuView['health'];
  readonly pods: readonly string[];
}

export interface NodeView {
  readonly kind: 'Node';
  /** metadata.name */
  readonly id: string;
  readonly name: string;
  readonly pool: string;
  /** Ready, NotReady or Unknown. */
  readonly condition: 'Ready' | 'NotReady' | 'Unknown';
  /** The STATUS kubectl prints, e.g. Ready,SchedulingDisabled. */
  readonly status: string;
  readonly unschedulable: boolean;
  readonly roles: readonly string[];
  /** `key=value:Effect` strings. */
  readonly taints: readonly string[];
  /** The labels worth showing on a card (GPU product, MIG strategy, zone, …). */
  readonly keyLabels: Readonly<Record<string, string>>;
  readonly allocatable: { readonly cpuMillis: number; readonly memoryBytes: number; readonly pods: number };
  readonly requested: { readonly cpuMillis: number; readonly memoryBytes: number; readonly pods: number };
  readonly gpus: readonly GpuView[];
  readonly runtime: string;
  readonly internalIP: string;
}

export interface EventView {
  /** metadata.uid of the Event object (repeats update the same view). */
  readonly id: string;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  readonly objectKind: string;
  readonly objectName: string;
  readonly namespace: string;
  readonly count: number;
  readonly firstMs: number;
  readonly lastMs: number;
  readonly source: string;
}

/** One batch of changes since the previous one. */
export interface ViewDiff {
  /** Increases by one per batch; the UI drops batches older than what it has. */
  readonly seq: number;
  /** Virtual milliseconds when the batch was taken. */
  readonly timeMs: number;
  readonly nodes: readonly NodeView[];
  readonly pods: readonly PodView[];
  /** ids of nodes and pods that no longer exist. */
  readonly removed: readonly string[];
  readonly events: readonly EventView[];
}

/** Everything at once: the first message, and after a restart of the worker. */
export interface ViewSnapshot extends ViewDiff {
  readonly full: true;
}
