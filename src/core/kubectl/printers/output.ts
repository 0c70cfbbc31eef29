import { qualifiedSingular, type ResourceType } from '../../api/resource-types';
import type { KubeObject, Stored } from '../../api/types';
import { CommandError, fail } from '../framework/result';
import { customColumnCells, CustomColumnsError, parseCustomColumns, type CustomColumn } from './custom-columns';
import { asList, toJson } from './json';
import { executeJsonPath, JsonPathError, parseJsonPath } from './jsonpath';
import { tablePrinterFor } from './kinds';
import { formatLabels } from './kinds/table-printer';
import { formatTable } from './tabwriter';
import { toYaml } from './yaml';

/** The -o formats kubectl get accepts (get.go, printers), and the ones Kubelab refuses. */
export type OutputFormat =
  | { readonly kind: 'table'; readonly wide: boolean }
  | { readonly kind: 'yaml' }
  | { readonly kind: 'json' }
  | { readonly kind: 'name' }
  | { readonly kind: 'jsonpath'; readonly template: string }
  | { readonly kind: 'custom-columns'; readonly columns: readonly CustomColumn[] };

const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export function parseOutputFormat(output: string): OutputFormat {
  if (output === '') return { kind: 'table', wide: false };
  const eq = output.indexOf('=');
  const name = eq >= 0 ? output.slice(0, eq) : output;
  const arg = eq >= 0 ? output.slice(eq + 1) : '';
  switch (name) {
    case 'wide':
      return { kind: 'table', wide: true };
    case 'yaml':
    case 'json':
    case 'name':
      return { kind: name };
    case 'jsonpath': {
      if (arg === '') throw new CommandError(fail('error: template format specified but no template given'));
      try {
        parseJsonPath(arg);
      } catch (e) {
        if (e instanceof JsonPathError) throw new CommandError(fail(`error: error parsing jsonpath ${arg}, ${e.message}`));
        throw e;
      }
      return { kind: 'jsonpath', template: arg };
    }
    case 'custom-columns':
      try {
        return { kind: 'custom-columns', columns: parseCustomColumns(arg) };
      } catch (e) {
        if (e instanceof CustomColumnsError) throw new CommandError(fail(`error: ${e.message}`));
        throw e;
      }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
    case 'jsonpath-file':
    case 'jsonpath-as-json':
    case 'custom-columns-file':
      throw new CommandError(fail(`error: the ${JSON.stringify(name)} output format is not supported by Kubelab yet; use jsonpath or custom-columns`));
    default:
      throw new CommandError(fail(`error: unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: ${ALLOWED_FORMATS}`));
  }
}

/** Options of the human-readable table. */
export interface TableOptions {
  readonly wide: boolean;
  readonly showNamespace: boolean;
  /** NAME as `pod/web` (several kinds, or --show-kind). */
  readonly withKind: boolean;
  readonly showLabels: boolean;
  readonly noHeaders: boolean;
  /** -L: extra columns, one per label key. */
  readonly labelColumns: readonly string[];
  /** --output-watch-events: a leading EVENT column. */
  readonly eventColumn?: boolean;
}

export function tableHeader(type: ResourceType, o: TableOptions): string[] {
  const printer = tablePrinterFor(type.kind, o.wide);
  return [
    ...(o.eventColumn ? ['EVENT'] : []),
    ...(o.showNamespace ? ['NAMESPACE'] : []),
    ...printer.columns.filter((c) => o.wide || !c.wide).map((c) => c.header),
    ...o.labelColumns.map((l) => l.split('/').pop()!.toUpperCase()),
    ...(o.showLabels ? ['LABELS'] : []),
  ];
}

export function tableRow(type: ResourceType, obj: Stored<KubeObject>, o: TableOptions, nowMs: number, event?: string): string[] {
  const printer = tablePrinterFor(type.kind, o.wide);
  const all = printer.cells(obj, nowMs);
  const cells = all.filter((_, i) => o.wide || !printer.columns[i]!.wide);
  if (o.withKind) cells[0] = `${qualifiedSingular(type)}/${cells[0]}`;
  const labels = obj.metadata.labels ?? {};
  return [
    ...(o.eventColumn ? [event ?? 'ADDED'] : []),
    ...(o.showNamespace ? [obj.metadata.namespace ?? ''] : []),
    ...cells,
    ...o.labelColumns.map((l) => labels[l] ?? ''),
    ...(o.showLabels ? [formatLabels(labels)] : []),
  ];
}

/** Print objects in a machine format: yaml, json, name, jsonpath, custom-columns. */
export function printObjects(format: Exclude<OutputFormat, { kind: 'table' }>, items: readonly { type: ResourceType; obj: Stored<KubeObject> }[], single: boolean, noHeaders = false): string {
  const objects = items.map((i) => i.obj);
  const root: unknown = single && objects.length === 1 ? objects[0] : asList(objects);
  switch (format.kind) {
    case 'yaml':
      return toYaml(root);
    case 'json':
      return toJson(root);
    case 'name':
      return items.map((i) => `${qualifiedSingular(i.type)}/${i.obj.metadata.name}`).join('\n');
    case 'jsonpath':
      return executeJsonPath(parseJsonPath(format.template), root);
    case 'custom-columns': {
      const rows = objects.map((o) => customColumnCells(format.columns, o));
      return formatTable([...(noHeaders ? [] : [format.columns.map((c) => c.header)]), ...rows]);
    }
  }
}
