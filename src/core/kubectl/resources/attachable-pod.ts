import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { selectorMatches } from '../../api/labels';
import type { KubeObject, Stored } from '../../api/types';
import type { CommandContext } from '../framework/command';
import { CommandError, fail } from '../framework/result';
import { groupResource, resolveType } from './builder';

/**
 * The pod a `POD` or `TYPE/NAME` argument stands for, as `kubectl logs` and `kubectl exec` find
 * it: a pod itself, or one of the pods a workload's (or Service's) selector picks
 * (polymorphichelpers SelectorsForObject + GetFirstPod). `count` is how many pods matched.
 *
 * Which pod comes first differs by command only in restarts: logs sorts by podutils.ByLogging
 * (more restarts first, to show the troubled pod), exec and attach by the reverse of
 * podutils.ActivePods (fewer restarts first). Both prefer scheduled, Running, Ready pods, those
 * ready longest, then the oldest.
 */
export type PodPreference = 'logging' | 'active';

const SELECTING_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController', 'Service'];

export function attachablePod(ctx: CommandContext, arg: string, preference: PodPreference): { pod: Stored<Pod>; count: number } {
  const store = ctx.host.store;
  const [typeName, name] = arg.includes('/') ? (arg.split('/', 2) as [string, string]) : ['pods', arg];
  const type = resolveType(store, typeName);
  const obj = store.get(type.kind, name, ctx.namespace);
  if (!obj) throw new CommandError(fail(`Error from server (NotFound): ${groupResource(type)} ${JSON.stringify(name)} not found`));
  if (type.kind === 'Pod') return { pod: obj as Stored<Pod>, count: 1 };
  const selector = selectorOf(obj);
  if (!SELECTING_KINDS.includes(type.kind) || !selector) {
    // SelectorsForObject names the Go type it has no selector for.
    const goType = `*${type.version}.${type.kind}`;
    throw new CommandError(fail(`error: cannot attach to ${goType}: selector for ${goType} not implemented`));
  }
  const pods = store
    .list<Pod>('Pod', ctx.namespace)
    .filter((p) => selectorMatches(selector, p.metadata.labels))
    .sort((a, b) => comparePods(a, b, preference));
  // GetFirstPod waits --pod-running-timeout for a pod to appear; Kubelab's clock does not move meanwhile.
  if (pods.length === 0) throw new CommandError(fail('error: timed out waiting for the condition'));
  return { pod: pods[0]!, count: pods.length };
}

/** A workload's label selector; a Service's (and a ReplicationController's) plain map as matchLabels. */
function selectorOf(obj: KubeObject): LabelSelector | undefined {
  const selector = (obj as { spec?: { selector?: LabelSelector | Record<string, string> } }).spec?.selector;
  if (!selector) return undefined;
  if (obj.kind === 'Service' || obj.kind === 'ReplicationController') return Object.keys(selector).length ? { matchLabels: selector as Record<string, string> } : undefined;
  return selector as LabelSelector;
}

/** Negative when `a` is the better pod to pick. */
function comparePods(a: Stored<Pod>, b: Stored<Pod>, preference: PodPreference): number {
  const byFlag = (x: boolean, y: boolean) => Number(y) - Number(x);
  const assigned = byFlag(!!a.spec?.nodeName, !!b.spec?.nodeName);
  if (assigned) return assigned;
  const phase = phaseRank(b) - phaseRank(a);
  if (phase) return phase;
  const ready = byFlag(readySince(a) !== undefined, readySince(b) !== undefined);
  if (ready) return ready;
  const since = (readySince(a) ?? '').localeCompare(readySince(b) ?? '');
  if (since) return since;
  const restarts = maxRestarts(b) - maxRestarts(a);
  if (restarts) return preference === 'logging' ? restarts : -restarts;
  return a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name);
}

/** Running above Unknown above everything else (Pending, and terminal phases, which the map lacks). */
const phaseRank = (p: Pod): number => ({ Running: 2, Unknown: 1 })[p.status?.phase ?? ''] ?? 0;

/** When the pod became Ready, if it is. */
function readySince(p: Pod): string | undefined {
  const c = p.status?.conditions?.find((x) => x.type === 'Ready');
  return c?.status === 'True' ? (c.lastTransitionTime ?? '') : undefined;
}

const maxRestarts = (p: Pod): number => Math.max(0, ...(p.status?.containerStatuses ?? []).map((s) => s.restartCount));

/**
 * The container a command uses when none is named (podcmd.FindOrDefaultContainerByName): the
 * `kubectl.kubernetes.io/default-container` annotation if it names one of the pod's containers,
 * else the first container — with kubectl's `Defaulted container …` notice when the pod has others.
 */
export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

export function defaultContainer(pod: Pod): { container: string; note?: string } {
  const containers = pod.spec?.containers ?? [];
  const inits = pod.spec?.initContainers ?? [];
  const ephemeral = pod.spec?.ephemeralContainers ?? [];
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && [...containers, ...inits, ...ephemeral].some((c) => c.name === annotated)) return { container: annotated };
  const chosen = containers[0]!.name;
  if (containers.length + inits.length + ephemeral.length <= 1) return { container: chosen };
  const all = [...containers.map((c) => c.name), ...ephemeral.map((c) => `${c.name} (ephem)`), ...inits.map((c) => `${c.name} (init)`)];
  return { container: chosen, note: `Defaulted container ${JSON.stringify(chosen)} out of: ${all.join(', ')}` };
}
