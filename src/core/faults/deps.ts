import type { MachineStates } from '../cluster/machine-state';
import type { KubeletFleet } from '../kubelet/kubelets';
import type { SimContext } from '../sim-context';
import type { Fault, FaultResult } from './faults';

/** What fault handlers act on: the machines under the API, and the kubelets running pods. */
export interface FaultDeps {
  readonly ctx: SimContext;
  readonly machines: MachineStates;
  readonly kubelets: KubeletFleet;
}

export const done = (message: string): FaultResult => ({ ok: true, message });
export const refused = (message: string): FaultResult => ({ ok: false, message });

/** A field of a fault, whatever its type. */
export function field(fault: Fault, name: string): unknown {
  return (fault as unknown as Record<string, unknown>)[name];
}

export type FaultAction = (deps: FaultDeps, fault: Fault) => FaultResult;

/** A handler for a fault on one node: refused when the cluster has no such node. */
export function onNode(action: (deps: FaultDeps, node: string, fault: Fault) => FaultResult): FaultAction {
  return (deps, fault) => {
    const node = field(fault, 'node');
    if (typeof node !== 'string' || !deps.machines.has(node)) return refused(`node ${JSON.stringify(node)} not found`);
    return action(deps, node, fault);
  };
}
