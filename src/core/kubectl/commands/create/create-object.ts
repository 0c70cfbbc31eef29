import { qualifiedSingular } from '../../../api/resource-types';
import type { KubeObject } from '../../../api/types';
import { ApiError } from '../../../store/api-error';
import type { CommandContext } from '../../framework/command';
import type { FlagSpec } from '../../framework/flags';
import { fail, ok, type KubectlResult } from '../../framework/result';
import { toJson } from '../../printers/json';
import { toYaml } from '../../printers/yaml';
import { DRY_RUN_FLAG } from '../shared-flags';

/** The flags every `kubectl create <kind>` generator has. */
export const GENERATOR_FLAGS: readonly FlagSpec[] = [
  DRY_RUN_FLAG,
  { name: 'output', short: 'o', type: 'string', usage: 'Output format: json, yaml or name. With --dry-run=client, prints the object without creating it.' },
  { name: 'save-config', type: 'bool', usage: 'If true, store the object in the last-applied-configuration annotation so a later apply merges with it.' },
  { name: 'validate', type: 'string', defaultText: "'strict'", usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
];

/**
 * Send an object built by a generator to the API server, or with --dry-run=client print it as
 * built (no defaults, no status), which is how learners write their first manifests. `verb` is
 * the word of the success line: `created`, or `autoscaled` and `exposed` for those commands.
 */
export function createObject(ctx: CommandContext, obj: KubeObject, verb = 'created'): KubectlResult {
  const f = ctx.flags;
  const dryRun = f.string('dry-run', 'none');
  if (!['none', 'client', 'server'].includes(dryRun)) return fail(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  const output = f.string('output');
  if (!['', 'yaml', 'json', 'name'].includes(output)) {
    return fail(`error: unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: json,name,yaml`);
  }
  const type = ctx.host.store.registry.types.forObject(obj.apiVersion, obj.kind);
  // `deployment.apps`: the group comes from apiVersion even before the API server serves the kind.
  const group = obj.apiVersion?.includes('/') ? obj.apiVersion.split('/')[0] : '';
  const label = type ? qualifiedSingular(type) : `${(obj.kind ?? '').toLowerCase()}${group ? `.${group}` : ''}`;
  const name = obj.metadata?.name ?? '';
  if (type?.namespaced && ctx.namespaceExplicit) obj.metadata = { ...obj.metadata, namespace: ctx.namespace };
  if (dryRun === 'client') return printed(obj, output, `${label}/${name} ${verb} (dry run)`, label);
  if (!type) return fail(`error: creating a ${obj.kind} is not supported by Kubelab yet: the simulated API server does not serve ${obj.apiVersion} ${obj.kind} yet`);
  if (dryRun === 'server') return fail('error: --dry-run=server is not supported by Kubelab yet; --dry-run=client is');
  if (type.namespaced) obj.metadata = { ...obj.metadata, namespace: ctx.namespace };
  if (f.bool('save-config')) {
    const annotations = { ...(obj.metadata?.annotations ?? {}), 'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify(obj)}\n` };
    obj.metadata = { ...obj.metadata, annotations };
  }
  try {
    const created = ctx.host.store.create(obj);
    const result = printed(created, output, `${label}/${name} ${verb}`, label);
    return { ...result, mutated: true };
  } catch (e) {
    if (e instanceof ApiError) return fail(e.kubectlMessage());
    throw e;
  }
}

function printed(obj: KubeObject, output: string, line: string, label: string): KubectlResult {
  switch (output) {
    case 'yaml':
      return ok(toYaml(obj));
    case 'json':
      return ok(toJson(obj));
    case 'name':
      return ok(`${label}/${obj.metadata?.name ?? ''}`);
    default:
      return ok(line);
  }
}

/** The name argument every generator takes, or kubectl's usage error. */
export function requireName(ctx: CommandContext): string | KubectlResult {
  if (ctx.args.length === 0) return fail(`error: exactly one NAME is required, got 0\nSee '${ctx.path} -h' for help and examples`);
  if (ctx.args.length > 1) return fail(`error: exactly one NAME is required, got ${ctx.args.length}\nSee '${ctx.path} -h' for help and examples`);
  return ctx.args[0]!;
}
