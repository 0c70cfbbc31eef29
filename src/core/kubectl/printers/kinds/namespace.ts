import type { Namespace } from 'kubernetes-types/core/v1';
import { age, type TablePrinter } from './table-printer';

/** printNamespace: NAME STATUS AGE. */
export const namespacePrinter: TablePrinter<Namespace> = {
  headers: ['NAME', 'STATUS', 'AGE'],
  wideHeaders: [],
  row: (n, now) => [n.metadata.name, n.status?.phase ?? 'Active', age(n, now)],
  wideRow: () => [],
};
