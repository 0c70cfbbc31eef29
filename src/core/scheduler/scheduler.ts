import type { Node, Pod } from 'kubernetes-types/core/v1';
import { objectKey, type Stored } from '../api/types';
import type { Timer } from '../engine/clock';
import { rfc3339 } from '../engine/time';
import { setCondition } from '../kubelet/pod-conditions';
import type { SimContext } from '../sim-context';
import { fitErrorMessage } from './fit-error';
import { CycleState, type FilterPlugin, isFilter, isPreFilter, isScore, type Plugin, type ScorePlugin } from './framework';
import { NodeInfo } from './node-info';
import { NodeAffinity } from './plugins/node-affinity';
import { NodeName } from './plugins/node-name';
import { NodeResourcesFit } from './plugins/node-resources-fit';
import { NodeUnschedulable } from './plugins/node-unschedulable';
import { TaintToleration } from './plugins/taint-toleration';
import { SchedulingQueue } from './queue';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/**
 * Whether a node update can make a waiting pod fit: a change to its labels, taints,
 * schedulability, allocatable or readiness. Status churn such as the image list does not
 * (the queueing hints of the default plugins ignore it).
 */
function schedulingRelevantChange(old: Stored<Node> | undefined, node: Stored<Node>): boolean {
  if (!old) return true;
  const ready = (n: Stored<Node>) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  return (
    JSON.stringify(old.metadata.labels) !== JSON.stringify(node.metadata.labels) ||
    JSON.stringify(old.spec) !== JSON.stringify(node.spec) ||
    JSON.stringify(old.status?.allocatable) !== JSON.stringify(node.status?.allocatable) ||
    ready(old) !== ready(node)
  );
}

/** The default profile's plugins, in upstream's order, with their score weights. */
const DEFAULT_PLUGINS: readonly { plugin: Plugin; weight: number }[] = [
  { plugin: NodeUnschedulable, weight: 0 },
  { plugin: NodeName, weight: 0 },
  { plugin: TaintToleration, weight: 3 },
  { plugin: NodeAffinity, weight: 2 },
  { plugin: NodeResourcesFit, weight: 1 },
];

/** Time one scheduling cycle takes; the real scheduler does a few hundred small pods a second. */
const CYCLE_MS = 2;
/** Unschedulable pods are retried at least this often even without a cluster event (podMaxInUnschedulablePodsDuration). */
const MAX_UNSCHEDULABLE_MS = 5 * 60 * 1000;

/** One attempt, for explanations: which nodes were rejected and why, and the chosen node. */
export interface SchedulingAttempt {
  readonly at: number;
  readonly pod: string;
  readonly node?: string;
  readonly reasonsByNode: ReadonlyMap<string, readonly string[]>;
  readonly message?: string;
}

/**
 * kube-scheduler: watches for pods without a node, runs each through the filter and score
 * plugins against a cache of node state, and binds it to the best node, or records why none fits.
 */
export class Scheduler {
  private readonly queue = new SchedulingQueue();
  private readonly nodes = new Map<string, NodeInfo>();
  private readonly podNode = new Map<string, string>();
  private cycleTimer: Timer | undefined;
  private readonly filters: FilterPlugin[];
  private readonly scorers: { plugin: ScorePlugin; weight: number }[];
  private readonly lastAttempt = new Map<string, SchedulingAttempt>();

  constructor(private readonly ctx: SimContext) {
    this.filters = DEFAULT_PLUGINS.map((p) => p.plugin).filter(isFilter);
    this.scorers = DEFAULT_PLUGINS.filter((p) => isScore(p.plugin) && p.weight > 0).map((p) => ({ plugin: p.plugin as ScorePlugin, weight: p.weight }));
    ctx.store.watch<Node>('Node', (e) => {
      if (e.type === 'DELETED') {
        this.nodes.delete(e.object.metadata.name);
        return;
      }
      const info = this.nodes.get(e.object.metadata.name);
      if (info) info.setNode(e.object);
      else this.nodes.set(e.object.metadata.name, new NodeInfo(e.object));
      if (e.type === 'ADDED' || schedulingRelevantChange(e.old, e.object)) this.onClusterEvent();
    });
    ctx.store.watch<Pod>('Pod', (e) => this.onPodEvent(e.type, e.object));
    this.scheduleFlush();
  }

  /** The last scheduling attempt for a pod, for "why Pending?" / "why here?". */
  attemptFor(namespace: string, name: string): SchedulingAttempt | undefined {
    return this.lastAttempt.get(objectKey('Pod', namespace, name));
  }

  private onPodEvent(type: string, pod: Stored<Pod>): void {
    const key = objectKey('Pod', pod.metadata.namespace, pod.metadata.name);
    const node = pod.spec?.nodeName;
    const phase = pod.status?.phase;
    const terminal = phase === 'Succeeded' || phase === 'Failed';
    if (type === 'DELETED' || terminal) {
      this.queue.delete(key);
      this.unassign(pod.metadata.uid);
      if (node) this.onClusterEvent();
      return;
    }
    if (node) {
      this.queue.delete(key);
      this.assign(pod, node);
      return;
    }
    if ((pod.spec?.schedulerName ?? DEFAULT_SCHEDULER_NAME) !== DEFAULT_SCHEDULER_NAME) return;
    if (pod.metadata.deletionTimestamp) {
      this.queue.delete(key);
      return;
    }
    this.queue.add(key, pod, this.ctx.clock.now());
    this.kick();
  }

  private assign(pod: Stored<Pod>, nodeName: string): void {
    const previous = this.podNode.get(pod.metadata.uid);
    if (previous && previous !== nodeName) this.nodes.get(previous)?.removePod(pod.metadata.uid);
    this.podNode.set(pod.metadata.uid, nodeName);
    this.nodes.get(nodeName)?.addPod(pod);
  }

  private unassign(uid: string): void {
    const node = this.podNode.get(uid);
    if (node === undefined) return;
    this.podNode.delete(uid);
    this.nodes.get(node)?.removePod(uid);
  }

  /** Something changed that may let waiting pods fit: move them back to the active queue. */
  private onClusterEvent(): void {
    if (this.queue.moveAllToActive() > 0) this.kick();
  }

  private scheduleFlush(): void {
    this.ctx.clock.after(MAX_UNSCHEDULABLE_MS, 'scheduler-flush-unschedulable', () => {
      this.onClusterEvent();
      this.scheduleFlush();
    });
  }

  /** Make sure a cycle is due when there is work. */
  private kick(): void {
    const now = this.ctx.clock.now();
    const readyAt = this.queue.nextReadyAt();
    if (readyAt === undefined) return;
    const at = Math.max(now + CYCLE_MS, readyAt);
    if (this.cycleTimer && this.cycleTimer.at <= at) return;
    this.cycleTimer?.cancel();
    this.cycleTimer = this.ctx.clock.at(at, 'scheduler-cycle', () => {
      this.cycleTimer = undefined;
      this.cycle();
      this.kick();
    });
  }

  private cycle(): void {
    const { clock, store } = this.ctx;
    const queued = this.queue.pop(clock.now());
    if (!queued) return;
    const pod = store.get<Pod>('Pod', queued.pod.metadata.name, queued.pod.metadata.namespace);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp || pod.metadata.uid !== queued.pod.metadata.uid) return;

    const state = new CycleState();
    const nodes = [...this.nodes.values()];
    for (const p of DEFAULT_PLUGINS) if (isPreFilter(p.plugin)) p.plugin.preFilter(state, pod, nodes);

    const feasible: NodeInfo[] = [];
    const reasonsByNode = new Map<string, readonly string[]>();
    for (const node of nodes) {
      let ok = true;
      for (const f of this.filters) {
        const status = f.filter(state, pod, node);
        if (status.code !== 'Success') {
          reasonsByNode.set(node.name, status.reasons);
          ok = false;
          break;
        }
      }
      if (ok) feasible.push(node);
    }
    const key = objectKey('Pod', pod.metadata.namespace, pod.metadata.name);
    if (feasible.length === 0) {
      const message = fitErrorMessage(nodes.length, reasonsByNode);
      this.lastAttempt.set(key, { at: clock.now(), pod: key, reasonsByNode, message });
      this.recordFailure(pod, message);
      this.queue.markUnschedulable(queued, clock.now());
      return;
    }
    const chosen = this.selectHost(state, pod, feasible);
    this.lastAttempt.set(key, { at: clock.now(), pod: key, node: chosen.name, reasonsByNode });
    this.bind(pod, chosen);
  }

  /** Weighted sum of normalised scores; ties are broken at random, as selectHost does. */
  private selectHost(state: CycleState, pod: Stored<Pod>, feasible: NodeInfo[]): NodeInfo {
    if (feasible.length === 1) return feasible[0]!;
    const totals = new Array<number>(feasible.length).fill(0);
    for (const { plugin, weight } of this.scorers) {
      const scores = feasible.map((n) => plugin.score(state, pod, n));
      plugin.normalizeScores?.(state, pod, scores);
      scores.forEach((s, i) => (totals[i] = totals[i]! + s * weight));
    }
    let best = -Infinity;
    let chosen = feasible[0]!;
    let ties = 0;
    feasible.forEach((n, i) => {
      const t = totals[i]!;
      if (t > best) {
        best = t;
        chosen = n;
        ties = 1;
      } else if (t === best) {
        ties++;
        if (this.ctx.rng.int(ties) === 0) chosen = n;
      }
    });
    return chosen;
  }

  private bind(pod: Stored<Pod>, node: NodeInfo): void {
    const { store, recorder, clock } = this.ctx;
    // Assume the pod on the node at once, so the next cycle sees the node's new usage.
    this.assign(pod, node.name);
    const bound = store.bindPod<Pod>(pod.metadata.name, pod.metadata.namespace!, node.name, (p) => {
      setCondition(p, 'PodScheduled', 'True', rfc3339(clock.now()));
    });
    recorder.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.name}`, {
      component: DEFAULT_SCHEDULER_NAME,
    });
  }

  private recordFailure(pod: Stored<Pod>, message: string): void {
    const { store, recorder, clock } = this.ctx;
    const updated = store.patchStatus<Pod>('Pod', pod.metadata.name, pod.metadata.namespace, (p) => {
      setCondition(p, 'PodScheduled', 'False', rfc3339(clock.now()), 'Unschedulable', message);
    });
    recorder.record(updated, 'Warning', 'FailedScheduling', message, { component: DEFAULT_SCHEDULER_NAME });
  }
}
