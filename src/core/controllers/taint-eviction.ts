import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { tolerates } from '../api/taints';
import type { Stored } from '../api/types';
import type { Timer } from '../engine/clock';
import { rfc3339 } from '../engine/time';
import { setCondition } from '../kubelet/pod-conditions';
import type { SimContext } from '../sim-context';

/**
 * The taint eviction controller (pkg/controller/tainteviction, `taint-eviction-controller` since
 * 1.29): a pod on a node with a NoExecute taint it does not tolerate is deleted at once; one that
 * tolerates it for tolerationSeconds (the default tolerations give 300 s for not-ready and
 * unreachable) is deleted when that time runs out, unless the taint goes first. Deletion marks
 * the pod with a DisruptionTarget condition and records TaintManagerEviction.
 */
const SOURCE = { component: 'taint-eviction-controller' };

interface Scheduled {
  readonly createdAt: number;
  readonly timer: Timer;
}

export class TaintEvictionController {
  /** Pending evictions by `namespace/name`. */
  private readonly scheduled = new Map<string, Scheduled>();
  private readonly podsByNode = new Map<string, Map<string, { namespace: string; name: string }>>();
  private readonly taintedNodes = new Map<string, Taint[]>();

  constructor(private readonly ctx: SimContext) {
    ctx.store.watch<Node>('Node', (e) => {
      const name = e.object.metadata.name;
      const before = noExecute(e.old?.spec?.taints);
      const after = e.type === 'DELETED' ? [] : noExecute(e.object.spec?.taints);
      if (e.type === 'MODIFIED' && sameTaints(before, after)) return;
      ctx.clock.after(0, 'taint-eviction-node', () => this.handleNode(name));
    });
    ctx.store.watch<Pod>('Pod', (e) => {
      const pod = e.object;
      const node = pod.spec?.nodeName;
      const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
      if (node) {
        let pods = this.podsByNode.get(node);
        if (!pods) this.podsByNode.set(node, (pods = new Map()));
        if (e.type === 'DELETED') pods.delete(pod.metadata.uid);
        else pods.set(pod.metadata.uid, { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name });
      }
      if (e.type === 'MODIFIED' && e.old?.spec?.nodeName === node && JSON.stringify(e.old?.spec?.tolerations) === JSON.stringify(pod.spec?.tolerations)) return;
      ctx.clock.after(0, 'taint-eviction-pod', () => this.handlePod(key, node));
    });
  }

  private handleNode(name: string): void {
    const node = this.ctx.store.get<Node>('Node', name);
    const taints = node ? noExecute(node.spec?.taints) : [];
    if (taints.length === 0) this.taintedNodes.delete(name);
    else this.taintedNodes.set(name, taints);
    if (!node) return;
    const now = this.ctx.clock.now();
    for (const { namespace, name: pod } of [...(this.podsByNode.get(name)?.values() ?? [])]) {
      const p = this.ctx.store.get<Pod>('Pod', pod, namespace);
      if (!p || p.spec?.nodeName !== name) continue;
      if (taints.length === 0) this.cancel(`${namespace}/${pod}`);
      else this.processPod(p, taints, now);
    }
  }

  private handlePod(key: string, node: string | undefined): void {
    const [namespace, name] = key.split('/') as [string, string];
    const pod = this.ctx.store.get<Pod>('Pod', name, namespace);
    if (!pod) {
      this.cancel(key);
      return;
    }
    if (!node || pod.spec?.nodeName !== node) return;
    const taints = this.taintedNodes.get(node);
    if (!taints) return;
    this.processPod(pod, taints, this.ctx.clock.now());
  }

  /** processPodOnNode: delete now, schedule the deletion at the smallest tolerationSeconds, or cancel it. */
  private processPod(pod: Stored<Pod>, taints: readonly Taint[], now: number): void {
    const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    const used = matchingTolerations(taints, pod.spec?.tolerations ?? []);
    if (!used) {
      this.cancel(key);
      this.schedule(key, now, now);
      return;
    }
    const min = minTolerationMs(used);
    if (min < 0) {
      this.cancel(key);
      return;
    }
    let start = now;
    const existing = this.scheduled.get(key);
    if (existing) {
      start = existing.createdAt;
      if (start + min < now + min) return;
      this.cancel(key);
    }
    this.schedule(key, start, now + min);
  }

  private schedule(key: string, createdAt: number, at: number): void {
    const timer = this.ctx.clock.at(at, 'taint-eviction-delete', () => {
      this.scheduled.delete(key);
      this.evict(key);
    });
    this.scheduled.set(key, { createdAt, timer });
  }

  private cancel(key: string): void {
    const s = this.scheduled.get(key);
    if (!s) return;
    s.timer.cancel();
    this.scheduled.delete(key);
    const [namespace, name] = key.split('/') as [string, string];
    this.ctx.recorder.record({ kind: 'Pod', apiVersion: 'v1', namespace, name }, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`, SOURCE);
  }

  private evict(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const pod = this.ctx.store.get<Pod>('Pod', name, namespace);
    if (!pod || pod.metadata.deletionTimestamp) return;
    this.ctx.recorder.record({ kind: 'Pod', apiVersion: 'v1', namespace, name }, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`, SOURCE);
    const stamp = rfc3339(this.ctx.clock.now());
    this.ctx.store.patchStatus<Pod>('Pod', name, namespace, (p) => {
      setCondition(p, 'DisruptionTarget', 'True', stamp, 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint');
    });
    this.ctx.store.delete('Pod', name, namespace);
  }
}

function noExecute(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

function sameTaints(a: readonly Taint[], b: readonly Taint[]): boolean {
  return a.length === b.length && a.every((t, i) => t.key === b[i]!.key && t.value === b[i]!.value && t.effect === b[i]!.effect);
}

/** GetMatchingTolerations: the toleration used for each taint, or undefined when one is not tolerated. */
function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): Toleration[] | undefined {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => tolerates(x, taint));
    if (!t) return undefined;
    used.push(t);
  }
  return used;
}

/** getMinTolerationTime: the smallest tolerationSeconds, 0 when one is ≤ 0, -1 when none is set (forever). */
function minTolerationMs(tolerations: readonly Toleration[]): number {
  if (tolerations.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return Number.isFinite(min) ? min * 1000 : -1;
}
