import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { matchesAll, selectorRequirements } from '../../api/labels';
import type { Stored } from '../../api/types';
import type { Rng } from '../../engine/rng';
import { parseTimestamp } from '../../engine/time';
import { fitErrorMessage } from '../fit-error';
import {
  type CycleState,
  type Handle,
  type NodeStatus,
  NodeToStatus,
  type PostFilterOutcome,
  type PostFilterPlugin,
  SUCCESS,
  unresolvable,
  unschedulable,
} from '../framework';
import type { NodeInfo } from '../node-info';
import type { PodInfo } from '../pod-info';
import type { FrameworkRuntime, Nominator } from '../runtime';

export const NAME = 'DefaultPreemption';
export const ERR_NO_VICTIMS = 'No preemption victims found for incoming pod';
export const ERR_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NOT_ELIGIBLE_NEVER = 'not eligible due to preemptionPolicy=Never.';
export const NOT_ELIGIBLE_TERMINATING = 'not eligible due to a terminating pod on the nominated node.';

export interface DefaultPreemptionArgs {
  /** Share of the nodes to dry-run preemption on, at least. Default 10. */
  readonly minCandidateNodesPercentage?: number;
  /** Nodes to dry-run preemption on, at least. Default 100. */
  readonly minCandidateNodesAbsolute?: number;
}

/** What preemption needs besides the snapshot: the profile's filters, nominations, randomness and the API. */
export interface PreemptionContext {
  readonly rng: Rng;
  readonly nominator: Nominator;
  runtime(): FrameworkRuntime;
  /** Virtual ms, for pods that have not started. */
  now(): number;
  /** Mark the victim DisruptionTarget, delete it gracefully and record the Preempted event. */
  preempt(victim: Stored<Pod>, preemptor: Stored<Pod>, nodeName: string): void;
  /** Clear status.nominatedNodeName of a pod that no longer fits where it was nominated. */
  clearNomination(pod: Stored<Pod>): void;
}

interface Candidate {
  readonly node: string;
  /** Most important first. */
  readonly victims: PodInfo[];
  readonly pdbViolations: number;
}

function startTime(p: PodInfo, now: number): number {
  const t = p.pod.status?.startTime;
  return t ? parseTimestamp(t) : now;
}

/** util.MoreImportantPod: higher priority, then the one that started earlier (has run longer). */
function moreImportant(a: PodInfo, b: PodInfo, now: number): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return startTime(a, now) < startTime(b, now);
}

/** A victim being terminated by an earlier preemption (DisruptionTarget=True, PreemptionByScheduler). */
function terminatingByPreemption(p: Stored<Pod>): boolean {
  if (!p.metadata.deletionTimestamp) return false;
  const c = p.status?.conditions?.find((x) => x.type === 'DisruptionTarget');
  return c?.status === 'True' && c.reason === 'PreemptionByScheduler';
}

/**
 * Split victims by whether evicting them would break a PodDisruptionBudget, keeping their order
 * (filterPodsWithPDBViolation): each matching budget's disruptionsAllowed is spent pod by pod.
 */
function splitByPdb(victims: readonly PodInfo[], pdbs: readonly Stored<PodDisruptionBudget>[]): [PodInfo[], PodInfo[]] {
  const allowed = pdbs.map((p) => p.status?.disruptionsAllowed ?? 0);
  const violating: PodInfo[] = [];
  const ok: PodInfo[] = [];
  for (const v of victims) {
    let violated = false;
    const labels = v.pod.metadata.labels;
    if (labels && Object.keys(labels).length > 0) {
      pdbs.forEach((pdb, i) => {
        if ((pdb.metadata.namespace ?? 'default') !== v.namespace || !pdb.spec?.selector) return;
        const reqs = selectorRequirements(pdb.spec.selector);
        // A budget with an empty selector matches nothing here.
        if (reqs.length === 0 || !matchesAll(reqs, labels)) return;
        if (pdb.status?.disruptedPods?.[v.name] !== undefined) return;
        allowed[i]!--;
        if (allowed[i]! < 0) violated = true;
      });
    }
    (violated ? violating : ok).push(v);
  }
  return [violating, ok];
}

/**
 * DefaultPreemption (PostFilter): when a pod fits nowhere, look for a node where evicting pods
 * of lower priority would make room. On each candidate node every lower-priority pod is removed,
 * then as many as possible are reprieved, most important first, PodDisruptionBudget-protected
 * ones before the others; the node needing the least disruption is chosen, its victims are
 * deleted gracefully, and the pod is nominated to it.
 */
export function createDefaultPreemption(args: DefaultPreemptionArgs = {}, handle: Handle, ctx: PreemptionContext) {
  const minPercentage = args.minCandidateNodesPercentage ?? 10;
  const minAbsolute = args.minCandidateNodesAbsolute ?? 100;

  function numCandidates(numNodes: number): number {
    return Math.min(numNodes, Math.max(Math.trunc((numNodes * minPercentage) / 100), minAbsolute));
  }

  function selectVictims(state: CycleState, pod: PodInfo, node: NodeInfo, pdbs: readonly Stored<PodDisruptionBudget>[]): { victims: PodInfo[]; violations: number; status?: NodeStatus } {
    const runtime = ctx.runtime();
    const now = ctx.now();
    const potential = node.pods.filter((p) => p.priority < pod.priority);
    if (potential.length === 0) return { victims: [], violations: 0, status: { status: unresolvable(ERR_NO_VICTIMS), plugin: NAME } };
    for (const p of potential) {
      node.removePod(p.uid);
      runtime.runPreFilterRemovePod(state, pod, p, node);
    }
    const without = runtime.runFiltersWithNominatedPods(state, pod, node);
    if (without) return { victims: [], violations: 0, status: without };
    potential.sort((a, b) => (moreImportant(a, b, now) ? -1 : moreImportant(b, a, now) ? 1 : 0));
    const [violating, nonViolating] = splitByPdb(potential, pdbs);
    const victims: PodInfo[] = [];
    const reprieve = (p: PodInfo): boolean => {
      node.addPod(p);
      runtime.runPreFilterAddPod(state, pod, p, node);
      if (!runtime.runFiltersWithNominatedPods(state, pod, node)) return true;
      node.removePod(p.uid);
      runtime.runPreFilterRemovePod(state, pod, p, node);
      victims.push(p);
      return false;
    };
    let violations = 0;
    for (const p of violating) if (!reprieve(p)) violations++;
    for (const p of nonViolating) reprieve(p);
    if (violating.length > 0 && nonViolating.length > 0) victims.sort((a, b) => (moreImportant(a, b, now) ? -1 : moreImportant(b, a, now) ? 1 : 0));
    return { victims, violations };
  }

  /** pickOneNodeForPreemption: each criterion breaks the ties of the one before. */
  function pickOne(candidates: readonly Candidate[]): Candidate {
    const now = ctx.now();
    const earliestStart = (c: Candidate): number => {
      let maxPriority = c.victims[0]!.priority;
      let earliest = startTime(c.victims[0]!, now);
      for (const v of c.victims) {
        if (v.priority === maxPriority) earliest = Math.min(earliest, startTime(v, now));
        else if (v.priority > maxPriority) {
          maxPriority = v.priority;
          earliest = startTime(v, now);
        }
      }
      return earliest;
    };
    const criteria: ((c: Candidate) => number)[] = [
      (c) => -c.pdbViolations,
      (c) => -c.victims[0]!.priority,
      // Priorities shifted by 2^31 so that negative ones still add up to more for more pods.
      (c) => -c.victims.reduce((sum, v) => sum + v.priority + 2 ** 31, 0),
      (c) => -c.victims.length,
      earliestStart,
    ];
    let pool = [...candidates];
    for (const f of criteria) {
      let best = -Infinity;
      let next: Candidate[] = [];
      for (const c of pool) {
        const s = f(c);
        if (s > best) {
          best = s;
          next = [c];
        } else if (s === best) next.push(c);
      }
      if (next.length === 1) return next[0]!;
      pool = next;
    }
    return pool[0]!;
  }

  function notHelpful(numAll: number, statuses: NodeToStatus): PostFilterOutcome {
    statuses.absent = { status: unresolvable(ERR_NOT_HELPFUL), plugin: NAME };
    return { status: unschedulable(`preemption: ${fitErrorMessage(numAll, statuses)}`), nominatedNodeName: '' };
  }

  return {
    name: NAME,
    postFilter(state, pod, statuses): PostFilterOutcome {
      if (pod.pod.spec?.preemptionPolicy === 'Never') return { status: unschedulable(`preemption: ${NOT_ELIGIBLE_NEVER}`) };
      const nominated = pod.pod.status?.nominatedNodeName;
      if (nominated && statuses.get(nominated)?.status.code !== 'UnschedulableAndUnresolvable') {
        const node = handle.snapshot.get(nominated);
        if (node?.pods.some((p) => p.priority < pod.priority && terminatingByPreemption(p.pod))) {
          return { status: unschedulable(`preemption: ${NOT_ELIGIBLE_TERMINATING}`) };
        }
      }
      const all = handle.snapshot.nodes;
      const potential = all.filter((n) => statuses.get(n.name)?.status.code === 'Unschedulable');
      const dryRun = new NodeToStatus();
      if (potential.length === 0) return notHelpful(all.length, dryRun);

      const pdbs = handle.list<PodDisruptionBudget>('PodDisruptionBudget');
      const offset = ctx.rng.int(potential.length);
      const wanted = numCandidates(potential.length);
      const nonViolating: Candidate[] = [];
      const violating: Candidate[] = [];
      for (let i = 0; i < potential.length; i++) {
        const node = potential[(offset + i) % potential.length]!;
        const result = selectVictims(state.clone(), pod, node.clone(), pdbs);
        if (!result.status && result.victims.length > 0) {
          const c = { node: node.name, victims: result.victims, pdbViolations: result.violations };
          const list = result.violations === 0 ? nonViolating : violating;
          if (list.length < wanted) list.push(c);
          if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break;
          continue;
        }
        dryRun.set(node.name, result.status ?? { status: unresolvable(ERR_NO_VICTIMS), plugin: NAME });
      }
      const candidates = [...nonViolating, ...violating];
      if (candidates.length === 0) return notHelpful(all.length, dryRun);

      const best = pickOne(candidates);
      for (const v of best.victims) if (!v.pod.metadata.deletionTimestamp) ctx.preempt(v.pod, pod.pod, best.node);
      // Lower-priority pods nominated to this node may no longer fit there: let them look elsewhere.
      for (const np of ctx.nominator.nominatedPodsForNode(best.node)) if (np.priority < pod.priority) ctx.clearNomination(np.pod);
      return { status: SUCCESS, nominatedNodeName: best.node, victims: best.victims.map((v) => v.pod) };
    },
  } satisfies PostFilterPlugin;
}

