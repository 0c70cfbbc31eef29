import type { Event } from 'kubernetes-types/core/v1';
import { since, type TablePrinter } from './table-printer';

/** The OBJECT column: `pod/web`, `node/worker-1` (kind lower-cased, as printEvent does). */
export const eventObject = (e: Event): string => `${(e.involvedObject.kind ?? '').toLowerCase()}/${e.involvedObject.name ?? ''}`;

/**
 * printEvent: LAST SEEN TYPE REASON OBJECT MESSAGE; wide adds SUBOBJECT SOURCE MESSAGE FIRST SEEN
 * COUNT NAME (the wide column order of the upstream printer).
 */
export const eventPrinter: TablePrinter<Event> = {
  headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideHeaders: ['SUBOBJECT', 'SOURCE', 'FIRST SEEN', 'COUNT', 'NAME'],
  row: (e, now) => [since(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp, now), e.type ?? '', e.reason ?? '', eventObject(e), (e.message ?? '').trim()],
  wideRow: (e, now) => {
    const source = e.source?.host ? `${e.source.component}, ${e.source.host}` : (e.source?.component ?? e.reportingComponent ?? '');
    return [e.involvedObject.fieldPath ?? '', source, since(e.firstTimestamp ?? e.eventTime, now), String(e.count ?? 1), e.metadata.name];
  },
};
