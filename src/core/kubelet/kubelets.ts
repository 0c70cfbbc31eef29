import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import type { Machine } from '../cluster/hardware';
import type { SimContext } from '../sim-context';
import { Kubelet } from './kubelet';

/** All the kubelets of the cluster, fed from one pod watch and dispatched by spec.nodeName. */
export class KubeletFleet {
  private readonly byNode = new Map<string, Kubelet>();

  constructor(ctx: SimContext, machines: readonly Machine[]) {
    for (const m of machines) this.byNode.set(m.nodeName, new Kubelet(ctx, m));
    ctx.store.watch<Pod>('Pod', (e) => {
      const node = e.object.spec?.nodeName;
      if (!node) return;
      const kubelet = this.byNode.get(node);
      if (!kubelet) return;
      // Handlers only enqueue work: defer to a task at the same instant.
      const pod = e.object as Stored<Pod>;
      if (e.type === 'DELETED') kubelet.onPodDeleted(pod);
      else
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
}
