import type { ConfigMap, Secret } from 'kubernetes-types/core/v1';
import { age, columns, type TablePrinter } from './table-printer';

/** printConfigMap: DATA counts data and binaryData keys. */
export const configMapPrinter: TablePrinter<ConfigMap> = {
  columns: columns(['NAME', 'DATA', 'AGE']),
  cells: (cm, now) => [cm.metadata.name, String(Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length), age(cm, now)],
};

/** printSecret: TYPE DATA. */
export const secretPrinter: TablePrinter<Secret> = {
  columns: columns(['NAME', 'TYPE', 'DATA', 'AGE']),
  cells: (s, now) => [s.metadata.name, s.type ?? '', String(Object.keys(s.data ?? {}).length), age(s, now)],
};
