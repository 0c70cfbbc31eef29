import type { NodeCondition } from 'kubernetes-types/core/v1';

/**
 * The node conditions the kubelet reports (pkg/kubelet/nodestatus), with their reasons and
 * messages for each state, and the event it records when one changes. Ready is reported True
 * whenever the kubelet runs; the pressure conditions come from the eviction manager.
 */
export interface ConditionSpec {
  readonly type: 'MemoryPressure' | 'DiskPressure' | 'PIDPressure' | 'Ready';
  render(active: boolean, heartbeat: string, transition: string): NodeCondition;
  /** The event reason when the condition turns to `active`. */
  event(active: boolean): string;
}

function spec(
  type: ConditionSpec['type'],
  on: { reason: string; message: string; event: string },
  off: { reason: string; message: string; event: string },
  statusWhenActive: 'True' | 'False',
): ConditionSpec {
  return {
    type,
    render: (active, heartbeat, transition) => {
      const s = active ? on : off;
      return { type, status: active ? statusWhenActive : statusWhenActive === 'True' ? 'False' : 'True', lastHeartbeatTime: heartbeat, lastTransitionTime: transition, reason: s.reason, message: s.message };
    },
    event: (active) => (active ? on.event : off.event),
  };
}

export const NODE_CONDITIONS: readonly ConditionSpec[] = [
  spec(
    'MemoryPressure',
    { reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available', event: 'NodeHasInsufficientMemory' },
    { reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
    'True',
  ),
  spec(
    'DiskPressure',
    { reason: 'KubeletHasDiskPressure', message: 'kubelet has disk pressure', event: 'NodeHasDiskPressure' },
    { reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
    'True',
  ),
  spec(
    'PIDPressure',
    { reason: 'KubeletHasInsufficientPID', message: 'kubelet has insufficient PID available', event: 'NodeHasInsufficientPID' },
    { reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
    'True',
  ),
  // Ready: "active" means not ready.
  spec(
    'Ready',
    { reason: 'KubeletNotReady', message: 'container runtime status check may not have completed yet', event: 'NodeNotReady' },
    { reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' },
    'False',
  ),
];
