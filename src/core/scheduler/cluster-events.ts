import type { Node } from 'kubernetes-types/core/v1';
import { deepEqual } from '../api/clone';
import type { Stored } from '../api/types';

/**
 * Cluster events that can make an unschedulable pod schedulable (framework.ClusterEvent:
 * resource + action type). Each plugin registers the events that matter to it; a pod parked
 * as unschedulable moves back to the queue only on an event one of its rejecting plugins
 * registered (the scheduling queue's event-driven requeueing).
 */
export type ClusterEvent =
  | 'Node/Add'
  | 'Node/Delete'
  | 'Node/UpdateNodeAllocatable'
  | 'Node/UpdateNodeLabel'
  | 'Node/UpdateNodeTaint'
  | 'Node/UpdateNodeCondition'
  | 'AssignedPod/Add'
  | 'AssignedPod/Delete'
  | 'AssignedPod/UpdatePodLabel'
  | 'AssignedPod/UpdatePodScaleDown'
  | 'PersistentVolumeClaim/Add'
  | 'PersistentVolumeClaim/Update'
  | 'PersistentVolume/Add'
  | 'PersistentVolume/Update'
  | 'StorageClass/Add'
  | 'CSINode/Add';

/** The node update events a change from `old` to `node` amounts to (nodeSchedulingPropertiesChange). */
export function nodeUpdateEvents(old: Stored<Node>, node: Stored<Node>): ClusterEvent[] {
  const events: ClusterEvent[] = [];
  if (!deepEqual(old.status?.allocatable, node.status?.allocatable)) events.push('Node/UpdateNodeAllocatable');
  if (!deepEqual(old.metadata.labels, node.metadata.labels)) events.push('Node/UpdateNodeLabel');
  if (!deepEqual(old.spec?.taints, node.spec?.taints) || Boolean(old.spec?.unschedulable) !== Boolean(node.spec?.unschedulable)) {
    events.push('Node/UpdateNodeTaint');
  }
  const conditions = (n: Stored<Node>) => (n.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).join(',');
  if (conditions(old) !== conditions(node)) events.push('Node/UpdateNodeCondition');
  return events;
}
