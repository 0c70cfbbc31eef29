import type { Pod } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../store/object-store';
import { isPodReady } from './pods';

/**
 * Whether a pod change can change what a workload or endpoint controller computes. The kubelet
 * writes a pod's status several times while starting it (sandbox, IP, each container); only
 * some of those writes move a controller's counts. Skipping the others gives the same results
 * with far fewer syncs — informers coalesce events in the same way when a controller is busy.
 */
export function podChangeMatters(e: WatchEvent<Pod>): boolean {
  if (e.type !== 'MODIFIED' || !e.old) return true;
  const a = e.old;
  const b = e.object;
  return (
    a.status?.phase !== b.status?.phase ||
    isPodReady(a) !== isPodReady(b) ||
    a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp ||
    a.metadata.deletionGracePeriodSeconds !== b.metadata.deletionGracePeriodSeconds ||
    a.metadata.labels !== b.metadata.labels ||
    a.metadata.ownerReferences !== b.metadata.ownerReferences ||
    a.metadata.finalizers !== b.metadata.finalizers ||
    a.spec?.nodeName !== b.spec?.nodeName ||
    a.status?.podIP !== b.status?.podIP ||
    restarts(a) !== restarts(b)
  );
}

function restarts(p: Pod): number {
  let n = 0;
  for (const c of p.status?.containerStatuses ?? []) n += c.restartCount ?? 0;
  return n;
}
