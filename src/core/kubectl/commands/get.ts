import type { KubeObject, Stored } from '../../api/types';
import type { CommandContext, KubectlCommand } from '../framework/command';
import type { FlagSpec } from '../framework/flags';
import { CommandError, fail, type KubectlResult, usageError } from '../framework/result';
import { parseOutputFormat, printObjects, tableHeader, tableRow, type TableOptions } from '../printers/output';
import { queryJsonPath } from '../printers/jsonpath';
import { StickyTable } from '../printers/tabwriter';
import { noResourcesMessage, type SelectedGroup, selectResources, type SelectionOptions } from '../resources/builder';
import type { WatchRequest } from '../watch/request';
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, OUTPUT_FLAG, SELECTOR_FLAG } from './shared-flags';

const FLAGS: readonly FlagSpec[] = [
  ALL_NAMESPACES_FLAG,
  { name: 'chunk-size', type: 'int', defaultText: '500', usage: 'Return large lists in chunks. Kubelab lists in one piece; the output is the same.' },
  FIELD_SELECTOR_FLAG,
  { name: 'ignore-not-found', type: 'bool', usage: 'If set, a named object that does not exist is not an error.' },
  { name: 'label-columns', short: 'L', type: 'stringArray', usage: 'Label keys to show as extra columns, e.g. -L app -L tier. Repeat or separate with commas.' },
  { name: 'no-headers', type: 'bool', usage: 'Leave out the header line of tables and custom columns.' },
  OUTPUT_FLAG,
  { name: 'output-watch-events', type: 'bool', usage: 'With --watch, add a column with the watch event type (ADDED, MODIFIED, DELETED).' },
  SELECTOR_FLAG,
  { name: 'show-kind', type: 'bool', usage: 'Print the resource type with the name (pod/web), even for one type.' },
  { name: 'show-labels', type: 'bool', usage: 'Add a LABELS column with all labels of each object.' },
  { name: 'sort-by', type: 'string', usage: 'Sort by the value at this JSONPath, e.g. .metadata.creationTimestamp or {.status.phase}.' },
  { name: 'watch', short: 'w', type: 'bool', usage: 'After listing, keep printing changes until interrupted (Ctrl+C).' },
  { name: 'watch-only', type: 'bool', usage: 'Print only changes, not the current list, and keep watching.' },
];

export const getCommand: KubectlCommand = {
  name: 'get',
  group: 'Basic Commands (Intermediate):',
  short: 'Display one or many resources',
  long: `Display one or many resources.

 Prints a table of the most important information about the named resources. Filter the list with a label selector (-l) or a field selector (--field-selector). Unless -n or -A is given, only the current namespace is listed.

 Use "kubectl api-resources" for the resource types the cluster serves.`,
  examples: `  # List all pods in the current namespace
  kubectl get pods

  # List pods with their IP and node
  kubectl get pods -o wide

  # List the pods on one node, in every namespace
  kubectl get pods -A --field-selector spec.nodeName=worker-1

  # Show one pod as YAML
  kubectl get pod web -o yaml

  # Print every pod name and phase
  kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'

  # Watch pods change until Ctrl+C
  kubectl get pods -w

  # List several kinds at once
  kubectl get pods,services`,
  use: '[(-o|--output=)json|yaml|name|wide|jsonpath=...|custom-columns=...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: FLAGS,
  run: runGet,
};

function runGet(ctx: CommandContext): KubectlResult {
  const f = ctx.flags;
  if (ctx.args.length === 0) {
    return fail(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  const allNamespaces = f.bool('all-namespaces');
  const options: SelectionOptions = { namespace: ctx.namespace, allNamespaces, labelSelector: f.string('selector'), fieldSelector: f.string('field-selector') };
  const format = parseOutputFormat(f.string('output'));
  const watch = f.bool('watch') || f.bool('watch-only');
  const selection = selectResources(ctx.host.store, ctx.args, options);
  if (selection.named && allNamespaces) return fail('error: a resource cannot be retrieved by name across all namespaces');
  const errors = f.bool('ignore-not-found') ? [] : selection.errors;

  const sortBy = f.string('sort-by');
  const groups = sortBy ? selection.groups.map((g) => ({ ...g, objects: sortObjects(g.objects, sortBy) })) : selection.groups;
  const now = ctx.host.nowMs();
  const labelColumns = f.strings('label-columns').flatMap((l) => l.split(',')).filter((l) => l !== '');

  if (watch && groups.length !== 1) {
    return fail(`error: watch is only supported on individual resources and resource collections, but ${groups.length} resources were found`);
  }

  const total = groups.reduce((n, g) => n + g.objects.length, 0);
  let stdout: string;
  let widths: readonly number[] = [];
  const tableOptions = (g: SelectedGroup): TableOptions => ({
    wide: format.kind === 'table' && format.wide,
    showNamespace: allNamespaces && g.type.namespaced,
    withKind: selection.multipleTypes || f.bool('show-kind'),
    showLabels: f.bool('show-labels'),
    noHeaders: f.bool('no-headers'),
    labelColumns,
    eventColumn: watch && f.bool('output-watch-events'),
  });

  if (f.bool('watch-only')) {
    stdout = '';
  } else if (format.kind === 'table') {
    const tables: string[] = [];
    for (const g of groups) {
      if (g.objects.length === 0) continue;
      const o = tableOptions(g);
      const table = new StickyTable();
      const rows = [...(o.noHeaders ? [] : [tableHeader(g.type, o)]), ...g.objects.map((obj) => tableRow(g.type, obj, o, now))];
      tables.push(table.format(rows));
      widths = table.columnWidths();
    }
    stdout = tables.join('\n\n');
  } else {
    const items = groups.flatMap((g) => g.objects.map((obj) => ({ type: g.type, obj })));
    const single = selection.named && items.length === 1 && ctx.args.length <= 2 && !ctx.args[0]!.includes(',');
    if (total === 0 && format.kind === 'name') stdout = '';
    else stdout = printObjects(format, items, single, f.bool('no-headers'));
  }

  const nothingFound = total === 0 && !selection.named && (format.kind === 'table' || format.kind === 'custom-columns');
  const stderrLines = [...errors];
  if (nothingFound && !f.bool('watch-only')) stderrLines.unshift(noResourcesMessage(options, groups.some((g) => g.type.namespaced)));
  const result: KubectlResult = { stdout, stderr: stderrLines.join('\n'), exitCode: errors.length > 0 ? 1 : 0, mutated: false };
  if (!watch || errors.length > 0) return result;

  const g = groups[0]!;
  const request: WatchRequest = {
    kind: g.type.kind,
    ...(g.type.namespaced && !allNamespaces ? { namespace: ctx.namespace } : {}),
    ...(selection.named ? { name: g.objects[0]?.metadata.name ?? ctx.args[ctx.args.length - 1]!.split('/').pop()! } : {}),
    labelSelector: options.labelSelector,
    fieldSelector: options.fieldSelector,
    output: f.string('output'),
    table: { ...tableOptions(g), noHeaders: f.bool('no-headers') || total > 0 },
    widths,
  };
  return { ...result, watch: request };
}

/** --sort-by: order by the value at a JSONPath; numbers numerically, the rest as text. */
function sortObjects(objects: readonly Stored<KubeObject>[], expression: string): Stored<KubeObject>[] {
  const expr = expression.startsWith('{') ? expression : `{${expression.startsWith('.') ? expression : `.${expression}`}}`;
  let keyed: { obj: Stored<KubeObject>; key: unknown }[];
  try {
    keyed = objects.map((obj) => ({ obj, key: queryJsonPath(expr, obj)[0] }));
  } catch {
    throw new CommandError(usageError('kubectl get', `couldn't parse --sort-by ${JSON.stringify(expression)}`));
  }
  return keyed
    .sort((a, b) => {
      if (a.key === undefined) return b.key === undefined ? 0 : -1;
      if (b.key === undefined) return 1;
      if (typeof a.key === 'number' && typeof b.key === 'number') return a.key - b.key;
      const x = String(a.key);
      const y = String(b.key);
      return x < y ? -1 : x > y ? 1 : 0;
    })
    .map((k) => k.obj);
}
