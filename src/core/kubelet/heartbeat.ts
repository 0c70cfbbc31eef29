import type { Node } from 'kubernetes-types/core/v1';
import { deepEqual } from '../api/clone';
import type { KubeObject } from '../api/types';
import type { WatchEvent } from '../store/object-store';

/**
 * Whether a change is only a heartbeat: a Lease renewal, or the kubelet's periodic node status
 * report (nodeStatusReportFrequency, 5 min: kubelet_node_status.go posts an unchanged status
 * anyway, which moves nothing but each condition's lastHeartbeatTime). A quiet cluster beats; it
 * does not change.
 */
export function isHeartbeat(e: WatchEvent): boolean {
  if (e.object.kind === 'Lease') return true;
  if (e.object.kind !== 'Node' || e.type !== 'MODIFIED' || !e.old) return false;
  return deepEqual(withoutBeat(e.old), withoutBeat(e.object));
}

function withoutBeat(obj: KubeObject): KubeObject {
  const node = obj as Node;
  return {
    ...node,
    metadata: { ...node.metadata, resourceVersion: undefined },
    status: { ...node.status, conditions: node.status?.conditions?.map((c) => ({ ...c, lastHeartbeatTime: undefined })) },
  } as KubeObject;
}
