import type { TableOptions } from '../printers/output';

/**
 * What `kubectl get --watch` keeps watching after printing its first table: plain data, so a
 * worker can hand it back to `openWatch` and the UI can hold it while the user watches.
 */
export interface WatchRequest {
  readonly kind: string;
  /** Undefined for every namespace (or a cluster-scoped kind). */
  readonly namespace?: string;
  /** Set when one object was named (`get pod web -w`). */
  readonly name?: string;
  readonly labelSelector: string;
  readonly fieldSelector: string;
  /** The -o value: '' or 'wide' for tables, 'yaml', 'json', 'name', 'jsonpath=…', 'custom-columns=…'. */
  readonly output: string;
  readonly table: TableOptions;
  /** Column widths the first table used, so streamed rows stay aligned with it. */
  readonly widths: readonly number[];
}
