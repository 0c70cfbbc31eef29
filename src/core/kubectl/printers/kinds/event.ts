import type { Event } from 'kubernetes-types/core/v1';
import { since, type TablePrinter } from './table-printer';

/** The OBJECT column: `pod/web`, `node/worker-1` (kind lower-cased, as printEvent does). */
export const eventObject = (e: Event): string => {
  const kind = (e.involvedObject.kind ?? '').toLowerCase();
  return e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind;
};

/** formatEventSource: `component, host`, falling back to the reporting controller and instance. */
function eventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/**
 * printEvent: LAST SEEN TYPE REASON OBJECT MESSAGE; -o wide interleaves SUBOBJECT and SOURCE
 * before MESSAGE and adds FIRST SEEN, COUNT and NAME after it.
 */
export const eventPrinter: TablePrinter<Event> = {
  columns: [
    { header: 'LAST SEEN' },
    { header: 'TYPE' },
    { header: 'REASON' },
    { header: 'OBJECT' },
    { header: 'SUBOBJECT', wide: true },
    { header: 'SOURCE', wide: true },
    { header: 'MESSAGE' },
    { header: 'FIRST SEEN', wide: true },
    { header: 'COUNT', wide: true },
    { header: 'NAME', wide: true },
  ],
  cells: (e, now) => {
    const first = since(e.firstTimestamp ?? e.eventTime, now);
    const last = e.lastTimestamp ? since(e.lastTimestamp, now) : first;
    return [last, e.type ?? '', e.reason ?? '', eventObject(e), e.involvedObject.fieldPath ?? '', eventSource(e), (e.message ?? '').trim(), first, String(e.count || 1), e.metadata.name];
  },
};
