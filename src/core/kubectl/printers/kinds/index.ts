import { eventPrinter } from './event';
import { namespacePrinter } from './namespace';
import { nodePrinter } from './node';
import { podDisruptionBudgetPrinter } from './pod-disruption-budget';
import { podPrinter } from './pod';
import { anyKind, defaultPrinter, type TablePrinter } from './table-printer';

/** The table printer of each kind; kinds without one print NAME and AGE. */
const PRINTERS: Readonly<Record<string, TablePrinter>> = {
  Pod: anyKind(podPrinter),
  Node: anyKind(nodePrinter),
  Namespace: anyKind(namespacePrinter),
  Event: anyKind(eventPrinter),
  PodDisruptionBudget: anyKind(podDisruptionBudgetPrinter),
};

export function tablePrinterFor(kind: string): TablePrinter {
  return PRINTERS[kind] ?? defaultPrinter;
}

export type { TablePrinter };
