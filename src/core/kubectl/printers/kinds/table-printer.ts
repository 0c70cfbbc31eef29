import type { KubeObject, Stored } from '../../../api/types';
import { parseTimestamp } from '../../../engine/time';
import { humanDuration } from '../../../format/duration';

/**
 * The columns `kubectl get` prints for one kind (kubernetes pkg/printers/internalversion
 * printers.go): the normal columns and the extra ones with -o wide. One file per kind.
 */
export interface TablePrinter<T extends KubeObject = KubeObject> {
  readonly headers: readonly string[];
  readonly wideHeaders: readonly string[];
  row(obj: Stored<T>, nowMs: number): string[];
  wideRow(obj: Stored<T>, nowMs: number): string[];
}

/** AGE: time since creation, as HumanDuration prints it. */
export const age = (obj: { metadata: { creationTimestamp: string } }, nowMs: number): string =>
  humanDuration(nowMs - parseTimestamp(obj.metadata.creationTimestamp));

/** A timestamp's age, or `<unknown>` when it is missing (printers.go translateTimestampSince). */
export const since = (timestamp: string | undefined, nowMs: number): string =>
  timestamp ? humanDuration(nowMs - parseTimestamp(timestamp)) : '<unknown>';

export const orNone = (s: string | undefined): string => (s === undefined || s === '' ? '<none>' : s);

/** Kinds without printer columns get NAME and AGE, as the server's default table does. */
export const defaultPrinter: TablePrinter = {
  headers: ['NAME', 'AGE'],
  wideHeaders: [],
  row: (o, now) => [o.metadata.name, age(o, now)],
  wideRow: () => [],
};

/** Erase the object type so printers of different kinds fit one registry. */
export const anyKind = <T extends KubeObject>(p: TablePrinter<T>): TablePrinter => p as unknown as TablePrinter;
