import { matchesAll, parseSelector } from '../../api/labels';
import type { KubeObject, Stored } from '../../api/types';
import type { WatchEvent } from '../../store/object-store';
import type { KubectlHost } from '../host';
import { toJson } from '../printers/json';
import { executeJsonPath, parseJsonPath } from '../printers/jsonpath';
import { customColumnCells } from '../printers/custom-columns';
import { parseOutputFormat, tableHeader, tableRow } from '../printers/output';
import { StickyTable } from '../printers/tabwriter';
import { toYaml } from '../printers/yaml';
import { matchesFields, parseFieldSelector } from '../resources/field-selector';
import { qualifiedSingular } from '../../api/resource-types';
import type { WatchRequest } from './request';

/**
 * The streaming half of `kubectl get --watch`: subscribe to the store and print one row (or
 * document) per change of a matching object, in the format of the first output, with the
 * column widths it used. Returns the function that stops the watch (Ctrl+C).
 */
export function openWatch(host: KubectlHost, request: WatchRequest, emit: (text: string) => void): () => void {
  const type = host.store.registry.types.byKindName(request.kind);
  if (!type) return () => {};
  const labels = parseSelector(request.labelSelector);
  const fields = parseFieldSelector(request.fieldSelector);
  const format = parseOutputFormat(request.output);
  const table = new StickyTable(request.widths);
  let headerDue = !request.table.noHeaders;

  const matches = (o: Stored<KubeObject>): boolean =>
    (request.namespace === undefined || o.metadata.namespace === request.namespace) &&
    (request.name === undefined || o.metadata.name === request.name) &&
    matchesAll(labels, o.metadata.labels) &&
    matchesFields(o, fields);

  const render = (e: WatchEvent): string => {
    const obj = e.object;
    switch (format.kind) {
      case 'table': {
        const rows = [tableRow(type, obj, request.table, host.nowMs(), e.type)];
        if (headerDue) rows.unshift(tableHeader(type, request.table));
        headerDue = false;
        return table.format(rows);
      }
      case 'custom-columns': {
        const rows = [customColumnCells(format.columns, obj)];
        if (headerDue) rows.unshift(format.columns.map((c) => c.header));
        headerDue = false;
        return table.format(rows);
      }
      case 'yaml':
        return `---\n${toYaml(obj)}`;
      case 'json':
        return toJson(obj);
      case 'name':
        return `${qualifiedSingular(type)}/${obj.metadata.name}`;
      case 'jsonpath':
        return executeJsonPath(parseJsonPath(format.template), obj);
    }
  };

  return host.store.watch(request.kind, (e) => {
    if (matches(e.object)) emit(render(e));
  });
}
