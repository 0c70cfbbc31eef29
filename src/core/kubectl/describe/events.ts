import type { Event } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../../store/object-store';
import { since } from '../printers/kinds/table-printer';
import type { DescribeWriter } from './writer';
import { parseTimestamp } from '../../engine/time';

/** The events about one object, oldest first by last occurrence (event.SortableEvents). */
export function eventsFor(store: ObjectStore, kind: string, name: string, namespace: string | undefined, uid?: string): Event[] {
  return store
    .list<Event>('Event', namespace ?? undefined)
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name && (namespace === undefined || e.involvedObject.namespace === namespace || (kind === 'Node' && !e.involvedObject.namespace)))
    .filter((e) => uid === undefined || !e.involvedObject.uid || e.involvedObject.uid === uid)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => parseTimestamp(a.e.lastTimestamp ?? a.e.metadata!.creationTimestamp!) - parseTimestamp(b.e.lastTimestamp ?? b.e.metadata!.creationTimestamp!) || a.i - b.i)
    .map((x) => x.e);
}

/**
 * DescribeEvents: `Events:  <none>`, or a Type/Reason/Age/From/Message table in its own
 * tabwriter block, with `44s (x2 over 54s)` for repeated events.
 */
export function writeEvents(w: DescribeWriter, events: readonly Event[], nowMs: number): void {
  if (events.length === 0) {
    w.line(0, 'Events:\t<none>');
    return;
  }
  w.flush();
  w.line(0, 'Events:');
  w.line(1, 'Type\tReason\tAge\tFrom\tMessage');
  w.line(1, '----\t------\t----\t----\t-------');
  for (const e of events) {
    const first = since(e.eventTime ?? e.firstTimestamp, nowMs);
    const count = e.count ?? 1;
    const interval = count > 1 ? `${since(e.lastTimestamp, nowMs)} (x${count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    w.line(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}`);
  }
}
