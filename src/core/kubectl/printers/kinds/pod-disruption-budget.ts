import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { age, columns, type TablePrinter } from './table-printer';

/** printPodDisruptionBudget: NAME MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE. */
export const podDisruptionBudgetPrinter: TablePrinter<PodDisruptionBudget> = {
  columns: columns(['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE']),
  cells: (p, now) => [
    p.metadata.name,
    p.spec?.minAvailable === undefined ? 'N/A' : String(p.spec.minAvailable),
    p.spec?.maxUnavailable === undefined ? 'N/A' : String(p.spec.maxUnavailable),
    String(p.status?.disruptionsAllowed ?? 0),
    age(p, now),
  ],
};
