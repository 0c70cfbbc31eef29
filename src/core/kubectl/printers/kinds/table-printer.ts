import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Container } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../../api/types';
import { parseTimestamp, rfc3339 } from '../../../engine/time';
import { humanDuration } from '../../../format/duration';

/**
 * The columns `kubectl get` prints for one kind (kubernetes pkg/printers/internalversion
 * printers.go): each column in the order upstream defines it, the `-o wide` ones (Priority 1)
 * marked, interleaved where upstream interleaves them (events). One file per kind.
 */
export interface Column {
  readonly header: string;
  /** Shown only with -o wide (a column of priority 1 upstream). */
  readonly wide?: boolean;
}

export interface TablePrinter<T extends KubeObject = KubeObject> {
  readonly columns: readonly Column[];
  /** One cell per column, wide ones included; the caller drops those it does not show. */
  cells(obj: Stored<T>, nowMs: number): string[];
}

/** AGE: time since creation, as HumanDuration prints it. */
export const age = (obj: { metadata: { creationTimestamp: string } }, nowMs: number): string =>
  humanDuration(nowMs - parseTimestamp(obj.metadata.creationTimestamp));

/** A timestamp's age, or `<unknown>` when it is missing (printers.go translateTimestampSince). */
export const since = (timestamp: string | undefined, nowMs: number): string =>
  timestamp ? humanDuration(nowMs - parseTimestamp(timestamp)) : '<unknown>';

export const orNone = (s: string | undefined): string => (s === undefined || s === '' ? '<none>' : s);

/** Columns from header names; those after `wideFrom` are -o wide columns. */
export function columns(headers: readonly string[], wide: readonly string[] = []): Column[] {
  return [...headers.map((header) => ({ header })), ...wide.map((header) => ({ header, wide: true }))];
}

/**
 * Kinds without a printer get the API server's default table (rest.NewDefaultTableConvertor):
 * NAME and CREATED AT, the creation time in RFC 3339.
 */
export const defaultPrinter: TablePrinter = {
  columns: columns(['NAME', 'CREATED AT']),
  cells: (o) => [o.metadata.name, rfc3339(parseTimestamp(o.metadata.creationTimestamp))],
};

/** Erase the object type so printers of different kinds fit one registry. */
export const anyKind = <T extends KubeObject>(p: TablePrinter<T>): TablePrinter => p as unknown as TablePrinter;

/** layoutContainerCells: the CONTAINERS and IMAGES cells of -o wide, comma-joined. */
export function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/**
 * A label selector as labels.Selector.String() prints it: requirements sorted by key,
 * `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`; an empty or missing selector is "".
 */
export function selectorString(selector: LabelSelector | undefined): string {
  if (!selector) return '';
  const parts: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) parts.push({ key: k, text: `${k}=${v}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text = e.operator === 'In' ? `${e.key} in (${values})` : e.operator === 'NotIn' ? `${e.key} notin (${values})` : e.operator === 'Exists' ? e.key : `!${e.key}`;
    parts.push({ key: e.key, text });
  }
  return parts
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((p) => p.text)
    .join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty. */
export const formatLabelSelector = (selector: LabelSelector | undefined): string => selectorString(selector) || '<none>';

/** labels.FormatLabels: `k=v` pairs sorted by key, `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** Go's printBoolPtr: `True`, `False`, or `<unset>`. */
export const boolPtr = (b: boolean | undefined): string => (b === undefined ? '<unset>' : b ? 'True' : 'False');
