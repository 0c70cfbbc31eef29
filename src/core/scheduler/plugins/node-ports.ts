import { type CycleState, type FilterPlugin, type PreFilterPlugin, SKIP, StateKey, type StateData, SUCCESS, unschedulable } from '../framework';
import type { HostPort } from '../pod-info';

export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";

const REJECTED = unschedulable(ERR_REASON_PORTS);

class PortsState implements StateData {
  constructor(readonly ports: readonly HostPort[]) {}
  clone(): StateData {
    return this;
  }
}

const KEY = new StateKey<PortsState>('PreFilterNodePorts');

function portsOf(state: CycleState): readonly HostPort[] {
  return state.read(KEY)?.ports ?? [];
}

/** NodePorts: a pod's hostPorts must be free on the node (same protocol, IP or 0.0.0.0). */
export const NodePorts = {
  name: 'NodePorts',
  events: ['Node/Add', 'AssignedPod/Delete'],
  preFilter(state, pod) {
    if (pod.hostPorts.length === 0) return SKIP;
    state.write(KEY, new PortsState(pod.hostPorts));
    return SUCCESS;
  },
  filter(state, _pod, node) {
    for (const p of portsOf(state)) if (node.portConflicts(p)) return REJECTED;
    return SUCCESS;
  },
} satisfies PreFilterPlugin & FilterPlugin;
