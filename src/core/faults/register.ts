import type { FaultDeps } from './deps';
import type { FaultInjector } from './faults';
import { NODE_FAULTS } from './node-faults';
import { WORKLOAD_FAULTS } from './workload-faults';

/** Register the fault handlers for machines and workloads. GPU faults (gpu-xid) come with the GPU stack. */
export function registerMachineFaults(injector: FaultInjector, deps: FaultDeps): void {
  for (const [type, handler] of Object.entries({ ...NODE_FAULTS, ...WORKLOAD_FAULTS })) {
    injector.register(type, (_ctx, fault) => handler(deps, fault));
  }
}
