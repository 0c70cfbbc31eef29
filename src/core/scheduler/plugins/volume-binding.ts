import type { Node, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { amountOf } from '../../api/pod-resources';
import type { Stored } from '../../api/types';
import { type FilterPlugin, type Handle, type PreBindPlugin, type PreFilterPlugin, SKIP, StateKey, type StateData, SUCCESS, unresolvable } from '../framework';
import type { NodeInfo } from '../node-info';
import { termMatches } from './node-affinity';

export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
/** The annotation that asks the provisioner for a volume on the chosen node. */
export const SELECTED_NODE_ANNOTATION = 'volume.kubernetes.io/selected-node';
const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

class ClaimsState implements StateData {
  constructor(
    readonly bound: readonly Stored<PersistentVolumeClaim>[],
    readonly toBind: readonly Stored<PersistentVolumeClaim>[],
    /** For each node that passed, the PV chosen per claim to bind ('' = provision one). */
    readonly choices = new Map<string, string[]>(),
  ) {}
  clone(): StateData {
    return this;
  }
}

const KEY = new StateKey<ClaimsState>('PreFilterVolumeBinding');

function pvFitsNode(pv: Stored<PersistentVolume>, node: Stored<Node>): boolean {
  const required = pv.spec?.nodeAffinity?.required;
  return !required || required.nodeSelectorTerms.some((t) => termMatches(t, node));
}

function classOf(claim: Stored<PersistentVolumeClaim>): string {
  return claim.spec?.storageClassName ?? '';
}

/** An unbound PV that satisfies the claim on this node: same class, enough capacity, the access modes. */
function findVolume(claim: Stored<PersistentVolumeClaim>, pvs: readonly Stored<PersistentVolume>[], node: Stored<Node>, taken: ReadonlySet<string>): Stored<PersistentVolume> | undefined {
  const want = amountOf('storage', claim.spec?.resources?.requests?.storage as string | undefined);
  let best: Stored<PersistentVolume> | undefined;
  let bestSize = Infinity;
  for (const pv of pvs) {
    if (taken.has(pv.metadata.name) || pv.spec?.claimRef || pv.metadata.deletionTimestamp) continue;
    if ((pv.spec?.storageClassName ?? '') !== classOf(claim)) continue;
    const size = amountOf('storage', pv.spec?.capacity?.storage as string | undefined);
    if (size < want) continue;
    if (!(claim.spec?.accessModes ?? []).every((m) => (pv.spec?.accessModes ?? []).includes(m))) continue;
    if (!pvFitsNode(pv, node)) continue;
    // The smallest volume that fits, as the PV controller's matcher prefers.
    if (size < bestSize) {
      best = pv;
      bestSize = size;
    }
  }
  return best;
}

/** Whether the class may provision a volume that the node can reach (allowedTopologies). */
function canProvision(sc: Stored<StorageClass> | undefined, node: Stored<Node>): boolean {
  if (!sc || !sc.provisioner || sc.provisioner === NO_PROVISIONER) return false;
  const topologies = sc.allowedTopologies ?? [];
  if (topologies.length === 0) return true;
  const labels = node.metadata.labels ?? {};
  return topologies.some((t) => (t.matchLabelExpressions ?? []).every((e) => e.values.includes(labels[e.key] ?? '\u0000')));
}

/**
 * VolumeBinding: a pod's PersistentVolumeClaims must exist; bound claims must have volumes the
 * node can reach (PV node affinity); unbound claims of a WaitForFirstConsumer class need a free
 * matching volume on the node, or a class that can provision one there. Unbound claims of an
 * Immediate class must be bound by the PV controller first. At PreBind the chosen volume is
 * reserved for the claim (claimRef) or the claim is annotated with the selected node for the
 * provisioner.
 */
export function createVolumeBinding(handle: Handle) {
  return {
    name: 'VolumeBinding',
    events: ['PersistentVolumeClaim/Add', 'PersistentVolumeClaim/Update', 'PersistentVolume/Add', 'PersistentVolume/Update', 'StorageClass/Add', 'Node/Add', 'Node/UpdateNodeLabel', 'CSINode/Add'],
    preFilter(state, pod) {
      const names = (pod.pod.spec?.volumes ?? []).filter((v) => v.persistentVolumeClaim).map((v) => v.persistentVolumeClaim!.claimName);
      if (names.length === 0) return SKIP;
      const bound: Stored<PersistentVolumeClaim>[] = [];
      const toBind: Stored<PersistentVolumeClaim>[] = [];
      for (const name of names) {
        const claim = handle.get<PersistentVolumeClaim>('PersistentVolumeClaim', name, pod.namespace);
        if (!claim) return unresolvable(`persistentvolumeclaim "${name}" not found`);
        if (claim.metadata.deletionTimestamp) return unresolvable(`persistentvolumeclaim "${name}" is being deleted`);
        if (claim.spec?.volumeName) {
          bound.push(claim);
          continue;
        }
        const sc = handle.get<StorageClass>('StorageClass', classOf(claim));
        if (sc?.volumeBindingMode !== 'WaitForFirstConsumer') return unresolvable(ERR_REASON_UNBOUND_IMMEDIATE);
        toBind.push(claim);
      }
      state.write(KEY, new ClaimsState(bound, toBind));
      return SUCCESS;
    },
    filter(state, _pod, node: NodeInfo) {
      const s = state.read(KEY);
      if (!s) return SUCCESS;
      for (const claim of s.bound) {
        const pv = handle.get<PersistentVolume>('PersistentVolume', claim.spec!.volumeName!);
        if (!pv) return unresolvable(ERR_REASON_PV_NOT_EXIST);
        if (!pvFitsNode(pv, node.node)) return unresolvable(ERR_REASON_NODE_CONFLICT);
      }
      if (s.toBind.length === 0) return SUCCESS;
      const pvs = handle.list<PersistentVolume>('PersistentVolume');
      const taken = new Set<string>();
      const choice: string[] = [];
      for (const claim of s.toBind) {
        const pv = findVolume(claim, pvs, node.node, taken);
        if (pv) {
          taken.add(pv.metadata.name);
          choice.push(pv.metadata.name);
        } else if (canProvision(handle.get<StorageClass>('StorageClass', classOf(claim)), node.node)) {
          choice.push('');
        } else {
          return unresolvable(ERR_REASON_BIND_CONFLICT);
        }
      }
      s.choices.set(node.name, choice);
      return SUCCESS;
    },
    preBind(state, _pod, nodeName, api) {
      const s = state.read(KEY);
      if (!s || s.toBind.length === 0) return SUCCESS;
      const choice = s.choices.get(nodeName) ?? [];
      for (let i = 0; i < s.toBind.length; i++) {
        const claim = s.toBind[i]!;
        const pvName = choice[i];
        // Static binding: reserve the volume for the claim; the PV controller completes the bind.
        // Dynamic provisioning: tell the provisioner which node the volume must reach.
        const status = pvName
          ? api.patch<PersistentVolume>('PersistentVolume', pvName, undefined, (pv) => {
              pv.spec = { ...pv.spec, claimRef: { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid } };
            })
          : api.patch<PersistentVolumeClaim>('PersistentVolumeClaim', claim.metadata.name, claim.metadata.namespace, (pvc) => {
              pvc.metadata = { ...pvc.metadata, annotations: { ...pvc.metadata?.annotations, [SELECTED_NODE_ANNOTATION]: nodeName } };
            });
        if (status.code !== 'Success') return status;
      }
      return SUCCESS;
    },
  } satisfies PreFilterPlugin & FilterPlugin & PreBindPlugin;
}
