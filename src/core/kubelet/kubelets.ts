import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import type { Machine } from '../cluster/hardware';
import type { MachineStates } from '../cluster/machine-state';
import type { SimContext } from '../sim-context';
import type { PodAdmitHandler } from './admission';
import type { KubeletExtension } from './extensions';
import { Kubelet } from './kubelet';
import type { ResourceUse } from './process-runner';
import { type ExecResponse, execInContainer } from './exec-in-container';

/**
 * All the kubelets of the cluster, fed from one pod watch and dispatched by spec.nodeName. It
 * also indexes pods by node (what a kubelet lists when it reconnects) and holds the admit
 * handlers device managers add.
 */
export class KubeletFleet {
  private readonly byNode = new Map<string, Kubelet>();
  private readonly podsByNode = new Map<string, Map<string, { namespace: string; name: string }>>();
  private readonly admitHandlers: PodAdmitHandler[] = [];
  private readonly extensions: KubeletExtension[] = [];

  constructor(
    private readonly ctx: SimContext,
    machines: readonly Machine[],
    states: MachineStates,
  ) {
    const services = {
      podsOnNode: (node: string) => this.podsOnNode(node),
      deviceAdmitHandlers: () => this.admitHandlers,
      extensions: () => this.extensions,
    };
    for (const m of machines) this.byNode.set(m.nodeName, new Kubelet(ctx, m, states, services));
    states.subscribe((node, change) => this.byNode.get(node)?.onMachineChange(change));
    ctx.store.watch<Pod>('Pod', (e) => {
      const pod = e.object as Stored<Pod>;
      const node = pod.spec?.nodeName;
      if (!node) return;
      this.index(node, pod, e.type === 'DELETED');
      const kubelet = this.byNode.get(node);
      if (!kubelet) return;
      // Handlers only enqueue work: defer to a task at the same instant.
      if (e.type === 'DELETED') {
        ctx.clock.after(0, 'kubelet-watch', () => kubelet.onPodDeleted(pod));
        return;
      }
      ctx.clock.after(0, 'kubelet-watch', () => {
        const current = ctx.store.get<Pod>('Pod', pod.metadata.name, pod.metadata.namespace);
        if (current && current.metadata.uid === pod.metadata.uid) kubelet.onPod(current);
      });
    });
  }

  registerAll(): void {
    for (const k of this.byNode.values()) k.register();
  }

  get(nodeName: string): Kubelet | undefined {
    return this.byNode.get(nodeName);
  }

  all(): Iterable<Kubelet> {
    return this.byNode.values();
  }

  /** A device manager's admission (the GPU device plugin's allocation): its rejections become UnexpectedAdmissionError. */
  addAdmitHandler(handler: PodAdmitHandler): void {
    this.admitHandlers.push(handler);
  }

  /** A device manager or vendor software on every node: extended resources, container devices, programs. */
  addExtension(extension: KubeletExtension): void {
    this.extensions.push(extension);
  }

  /** The pods the API server has bound to `node`. */
  podsOnNode(node: string): Stored<Pod>[] {
    const out: Stored<Pod>[] = [];
    for (const { namespace, name } of this.podsByNode.get(node)?.values() ?? []) {
      const p = this.ctx.store.get<Pod>('Pod', name, namespace);
      if (p) out.push(p);
    }
    return out;
  }

  /** The kubelet running a pod, and the pod's worker there. */
  locate(namespace: string, name: string): { kubelet: Kubelet; pod: Stored<Pod> } | undefined {
    const pod = this.ctx.store.get<Pod>('Pod', name, namespace);
    const kubelet = pod?.spec?.nodeName ? this.byNode.get(pod.spec.nodeName) : undefined;
    return pod && kubelet ? { kubelet, pod } : undefined;
  }

  /**
   * What a running container uses now: CPU, memory, and the fraction of its GPU it keeps busy
   * (`gpuUtilisation`, from the workload model: training ~0.95, an idle Triton ~0.03). The GPU
   * stack reads this to drive DCGM utilisation, power and temperature.
   */
  containerUsage(namespace: string, name: string, container: string): ResourceUse | undefined {
    const located = this.locate(namespace, name);
    const worker = located?.kubelet.alive ? located.kubelet.worker(located.pod.metadata.uid) : undefined;
    return worker?.usage().find((c) => c.container === container)?.use;
  }

  /** The pods/exec subresource: run a command in a running container of a pod (`kubectl exec`). */
  exec(namespace: string, pod: string, container: string, command: readonly string[]): ExecResponse {
    return execInContainer(this.ctx.store, this, namespace, pod, container, command);
  }

  private index(node: string, pod: Stored<Pod>, deleted: boolean): void {
    let pods = this.podsByNode.get(node);
    if (!pods) this.podsByNode.set(node, (pods = new Map()));
    if (deleted) pods.delete(pod.metadata.uid);
    else pods.set(pod.metadata.uid, { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name });
  }
}
