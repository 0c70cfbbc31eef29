import type { GpuHealth } from '../gpu/runtime/gpu-status';
import type { XidRecovery } from '../gpu/xids';
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
  /** How the previous run ended (lastState.terminated), e.g. Error with exit code 1. */
  readonly lastTermination?: { readonly reason: string; readonly exitCode: number; readonly finishedMs: number };
  /**
   * Virtual milliseconds when the kubelet will try again, while the container waits in
   * CrashLoopBackOff or ImagePullBackOff (from the back-off in the waiting message).
   */
  readonly backOffUntilMs?: number;
}

/**
 * The family of states a pod's STATUS falls in, for colour and icon. `notready` is a pod whose
 * containers have all started but which is not Ready: a failing readiness probe, or a pod on a
 * node the control plane has lost.
 */
export type PodVisualState = 'pending' | 'creating' | 'running' | 'notready' | 'failed' | 'succeeded' | 'terminating' | 'unknown';

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
  /** The node preemption made room on, while the pod waits for its victims to go. */
  readonly nominatedNode?: string;
  readonly podIP?: string;
}

/** A MIG instance where it really sits: a run of memory slices, and the compute slices it has. */
export interface MigInstanceView {
  /** GPU instance id. */
  readonly id: number;
  /** The MIG device name, `1g.5gb` or `1c.3g.20gb`. */
  readonly profile: string;
  /** First memory slice and how many it covers (the placement). */
  readonly start: number;
  readonly size: number;
  readonly computeSlices: number;
  /** The MIG device UUID (`MIG-…`). */
  readonly uuid: string;
  readonly health: GpuHealthView;
  /** `namespace/name` of the pods given this MIG device. */
  readonly pods: readonly string[];
}

/**
 * A GPU as the cluster view draws it, projected from the GPU stack's GpuStatus (gpuView in
 * project.ts). Kept apart from GpuStatus on purpose: GpuStatus carries sensors, which move with
 * no API event, while a NodeView is re-sent only when its node or pods change, so they would show
 * stale; and per-container device IDs the picture does not draw. This keeps what the picture
 * needs (pods as `namespace/name`, MIG placement and fragmentation, replicas).
 */
export interface GpuView {
  readonly index: number;
  readonly name: string;
  readonly product: string;
  readonly memoryMiB: number;
  readonly uuid: string;
  /** The GPU's MIG geometry (8 memory and 7 compute slices on A100/H100/H200, 4 and 4 on A30: NVIDIA MIG User Guide, supported profiles); absent when it has none. */
  readonly slices?: { readonly memory: number; readonly compute: number };
  /** MIG mode and instances, when MIG is on. */
  readonly mig?: {
    readonly instances: readonly MigInstanceView[];
    /** Free memory slices no profile can use any more: capacity lost to the layout. */
    readonly unusable: readonly number[];
  };
  /** As the device plugin reports it (`lost` after Xid 79; `unadvertised` while no plugin serves it). */
  readonly health: GpuHealthView;
  /** The last Xid since the GPU's last reset, 0 for none. */
  readonly lastXid: number;
  /** What that Xid still needs before the GPU is trusted again (a GPU reset, a node reboot, …). */
  readonly recovery?: XidRecovery;
  /** `namespace/name` of the pods given the whole GPU (several with time-slicing). */
  readonly pods: readonly string[];
  /** Time-slicing (or MPS) replicas the device plugin advertises this GPU as, when more than one. */
  readonly replicas?: number;
}

/** The GPU stack's health states, passed through unchanged (one definition, in gpu-status.ts). */
export type GpuHealthView = GpuHealth;

export interface ExtendedResourceView {
  readonly name: string;
  readonly capacity: number;
  readonly allocatable: number;
  readonly requested: number;
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
  /** Extended resources the node advertises (nvidia.com/gpu, nvidia.com/mig-1g.5gb, …), with what pods request. */
  readonly extendedResources: readonly ExtendedResourceView[];
  /** Conditions that signal trouble: MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable when True. */
  readonly problems: readonly string[];
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

export interface EndpointView {
  /** The pod behind the endpoint (targetRef.uid), when there is one. */
  readonly podId?: string;
  readonly ip: string;
  /** conditions.ready: the Service sends traffic here. */
  readonly ready: boolean;
  readonly terminating: boolean;
}

export interface ServiceView {
  readonly kind: 'Service';
  /** `svc/<namespace>/<name>`: distinct from node names and pod uids in `removed`. */
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly type: string;
  readonly clusterIP: string;
  /** `80/TCP`, `8000→http/TCP`. */
  readonly ports: readonly string[];
  /** From the Service's EndpointSlices. */
  readonly endpoints: readonly EndpointView[];
}

export interface HpaMetricView {
  /** `cpu`, `avg_time_queue_us`, … */
  readonly name: string;
  /** The current value, as the HPA last read it (percent for utilisation targets). */
  readonly current?: number;
  readonly target: number;
  readonly targetType: 'Utilization' | 'AverageValue' | 'Value';
}

export interface HpaView {
  readonly kind: 'HorizontalPodAutoscaler';
  /** `hpa/<namespace>/<name>`. */
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  /** `Deployment/triton`. */
  readonly target: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly currentReplicas: number;
  readonly desiredReplicas: number;
  readonly metrics: readonly HpaMetricView[];
}

/** One batch of changes since the previous one. */
export interface ViewDiff {
  /** Increases by one per batch; the UI drops batches older than what it has. */
  readonly seq: number;
  /** Virtual milliseconds when the batch was taken. */
  readonly timeMs: number;
  readonly nodes: readonly NodeView[];
  readonly pods: readonly PodView[];
  readonly services: readonly ServiceView[];
  readonly autoscalers: readonly HpaView[];
  /** ids of nodes, pods, services and autoscalers that no longer exist. */
  readonly removed: readonly string[];
  readonly events: readonly EventView[];
}

/** Everything at once: the first message, and after a restart of the worker. */
export interface ViewSnapshot extends ViewDiff {
  readonly full: true;
}
