import type { Namespace } from 'kubernetes-types/core/v1';
import { age, columns, type TablePrinter } from './table-printer';

/** printNamespace: NAME STATUS AGE. */
export const namespacePrinter: TablePrinter<Namespace> = {
  columns: columns(['NAME', 'STATUS', 'AGE']),
  cells: (n, now) => [n.metadata.name, n.status?.phase ?? 'Active', age(n, now)],
};
