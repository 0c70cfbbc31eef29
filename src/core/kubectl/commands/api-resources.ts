import { compareText, discoveryOrder } from '../resources/discovery-order';
import type { ResourceType } from '../../api/resource-types';
import { apiVersionOf } from '../../api/resource-types';
import type { KubectlCommand } from '../framework/command';
import { fail, ok } from '../framework/result';
import { formatTable } from '../printers/tabwriter';

/** The verbs every served kind accepts (the simulated API server supports the full set). */
const DEFAULT_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const apiResourcesCommand: KubectlCommand = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  examples: `  # Print the supported API resources
  kubectl api-resources

  # Print the supported API resources with more information
  kubectl api-resources -o wide

  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true

  # Print the resources of the apps API group
  kubectl api-resources --api-group=apps`,
  use: '[flags] [options]',
  flags: [
    { name: 'api-group', type: 'string', usage: 'Limit to resources in the specified API group.' },
    { name: 'cached', type: 'bool', usage: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringArray', usage: 'Limit to resources that belong to the specified categories.' },
    { name: 'namespaced', type: 'bool', defaultText: 'true', usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', type: 'bool', usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list of resources using specified field. One of (name, kind)." },
    { name: 'verbs', type: 'stringArray', usage: 'Limit to resources that support the specified verbs.' },
  ],
  run: (ctx) => {
    const f = ctx.flags;
    const output = f.string('output');
    if (output !== '' && output !== 'wide' && output !== 'name') return fail(`error: --output ${output} is not available`);
    const sortBy = f.string('sort-by');
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') return fail(`error: --sort-by accepts only name or kind`);
    let types = [...ctx.host.store.registry.types.all()];
    if (f.has('namespaced')) types = types.filter((t) => t.namespaced === f.bool('namespaced'));
    if (f.has('api-group')) types = types.filter((t) => t.group === f.string('api-group'));
    const categories = f.strings('categories').flatMap((c) => c.split(','));
    if (categories.length) types = types.filter((t) => categories.every((c) => t.categories?.includes(c)));
    const verbs = f.strings('verbs').flatMap((v) => v.split(','));
    if (verbs.length) types = types.filter((t) => verbs.every((v) => (t.verbs ?? DEFAULT_VERBS).includes(v)));
    types.sort(sortBy === 'kind' ? (a, b) => compareText(a.kind, b.kind) : sortBy === 'name' ? (a, b) => compareText(a.plural, b.plural) : discoveryOrder);
    if (output === 'name') return ok(types.map((t) => (t.group ? `${t.plural}.${t.group}` : t.plural)).join('\n'));
    const wide = output === 'wide';
    const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])];
    const rows = types.map((t) => [
      t.plural,
      t.shortNames.join(','),
      apiVersionOf(t),
      String(t.namespaced),
      t.kind,
      ...(wide ? [(t.verbs ?? DEFAULT_VERBS).join(','), (t.categories ?? []).join(',')] : []),
    ]);
    return ok(formatTable(f.bool('no-headers') ? rows : [header, ...rows]));
  },
};

export const apiVersionsCommand: KubectlCommand = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the supported API versions on the server, in the form of "group/version".',
  examples: `  # Print the supported API versions
  kubectl api-versions`,
  use: '[flags] [options]',
  run: (ctx) => {
    const versions = new Set(ctx.host.store.registry.types.all().map(apiVersionOf));
    return ok([...versions].sort().join('\n'));
  },
};
