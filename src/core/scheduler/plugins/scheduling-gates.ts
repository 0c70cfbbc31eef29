import { type PreEnqueuePlugin, SUCCESS, unresolvable } from '../framework';

/**
 * SchedulingGates (PreEnqueue): a pod with spec.schedulingGates is not tried at all until every
 * gate has been removed.
 */
export const SchedulingGates = {
  name: 'SchedulingGates',
  preEnqueue(pod) {
    const gates = pod.spec?.schedulingGates ?? [];
    return gates.length === 0 ? SUCCESS : unresolvable(`waiting for scheduling gates: [${gates.map((g) => g.name).join(' ')}]`);
  },
} satisfies PreEnqueuePlugin;
