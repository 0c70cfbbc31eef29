import { qualifiedSingular, type ResourceType } from '../../api/resource-types';
import type { KubeObject, Stored } from '../../api/types';
import { decodeManifests } from '../../api/yaml-decode';
import { ApiError } from '../../store/api-error';
import type { PropagationPolicy } from '../../store/delete-options';
import type { CommandContext, KubectlCommand } from '../framework/command';
import { fail, joinLines, type KubectlResult } from '../framework/result';
import { groupResource, resolveType, selectResources } from '../resources/builder';
import { readManifestSources } from './file-input';
import { ALL_FLAG, ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, FIELD_SELECTOR_FLAG, FILENAME_FLAG, SELECTOR_FLAG } from './shared-flags';

/** kubectl's warning for --force with --grace-period=0 (delete.go Validate). */
export const FORCE_WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

const NO_RESOURCES = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  group: 'Basic Commands (Intermediate):',
  suggestFor: ['rm'],
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  long: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

 Pods are deleted gracefully: they get a deletion timestamp and show Terminating while their containers stop, within the grace period (30 seconds unless the pod says otherwise). --grace-period=0 --force removes the object from the API at once, without waiting for the containers to stop.

 Deleting a namespace deletes everything in it.`,
  examples: `  # Delete a pod
  kubectl delete pod web

  # Delete the pods labelled app=web
  kubectl delete pods -l app=web

  # Delete a pod at once, without waiting for it to stop
  kubectl delete pod web --grace-period=0 --force

  # Delete the objects in the editor file web.yaml
  kubectl delete -f web.yaml`,
  use: '([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    ALL_FLAG,
    ALL_NAMESPACES_FLAG,
    { name: 'cascade', type: 'string', defaultText: "'background'", usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController).' },
    DRY_RUN_FLAG,
    FIELD_SELECTOR_FLAG,
    FILENAME_FLAG,
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion. Needs --grace-period=0.' },
    { name: 'grace-period', type: 'int', defaultText: '-1', usage: 'Seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'now', type: 'bool', usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'output', short: 'o', type: 'string', usage: "Output mode. Use \"-o name\" for shorter output (resource/name)." },
    SELECTOR_FLAG,
    { name: 'wait', type: 'bool', defaultText: 'true', usage: 'If true, wait for resources to be gone before returning. Kubelab returns at once; watch with get -w.' },
  ],
  run: runDelete,
};

interface Victim {
  readonly type: ResourceType;
  readonly name: string;
  readonly namespace?: string;
  /** The manifest that named it (`-f`), which errors then name. */
  readonly source?: string;
}

function runDelete(ctx: CommandContext): KubectlResult {
  const f = ctx.flags;
  const output = f.string('output');
  if (output !== '' && output !== 'name') return fail(`error: unexpected -o output mode: ${output}. We only support '-o name'`);
  const all = f.bool('all');
  const selector = f.string('selector');
  const fieldSelector = f.string('field-selector');
  if (all && selector) return fail('error: cannot set --all and --selector at the same time');
  if (all && fieldSelector) return fail('error: cannot set --all and --field-selector at the same time');

  // Grace period rules of delete.go Complete/Validate.
  let grace = f.int('grace-period', -1);
  const force = f.bool('force');
  if (f.bool('now')) {
    if (grace !== -1) return fail('error: --now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace > 0) return fail('error: --force and --grace-period greater than 0 cannot be specified together');
  const dryRun = f.string('dry-run', 'none');
  if (dryRun !== 'none') return fail(`error: --dry-run=${dryRun} is not supported by Kubelab yet`);
  const cascade = cascadingStrategy(f.string('cascade', 'background'));
  if ('error' in cascade) return fail(cascade.error);

  const files = f.strings('filename');
  const victims: Victim[] = [];
  const errors: string[] = [];
  const ignoreNotFound = f.has('ignore-not-found') ? f.bool('ignore-not-found') : all || selector !== '' || fieldSelector !== '';
  if (files.length > 0) {
    if (ctx.args.length > 0) return fail(`error: Unexpected args: [${ctx.args.join(' ')}]\nSee 'kubectl delete -h' for help and examples`);
    for (const source of readManifestSources(ctx, files)) {
      const decoded = decodeManifests(source.text, source.name);
      if (!decoded.ok) return fail(`error: ${decoded.error.message}`);
      for (const doc of decoded.documents) {
        const type = resolveType(ctx.host.store, String(doc.object.kind ?? ''));
        const name = doc.object.metadata?.name ?? '';
        victims.push({ type, name, source: source.name, ...(type.namespaced ? { namespace: doc.object.metadata?.namespace ?? ctx.namespace } : {}) });
      }
    }
  } else {
    if (ctx.args.length === 0) return fail(NO_RESOURCES);
    const named = ctx.args.length > 1 || ctx.args[0]!.includes('/');
    if (!named && !all && selector === '' && fieldSelector === '') return fail(`error: resource(s) were provided, but no name was specified`);
    const selection = selectResources(ctx.host.store, ctx.args, {
      namespace: ctx.namespace,
      allNamespaces: f.bool('all-namespaces'),
      labelSelector: selector,
      fieldSelector,
    });
    for (const g of selection.groups) for (const o of g.objects) victims.push({ type: g.type, name: o.metadata.name, namespace: o.metadata.namespace });
    errors.push(...selection.errors);
  }

  const stdout: string[] = [];
  const stderr: string[] = [...cascade.warnings];
  if (grace === 0 && force) stderr.push(FORCE_WARNING);
  let deleted = 0;
  for (const v of victims) {
    try {
      const before: Stored<KubeObject> | undefined = ctx.host.store.get(v.type.kind, v.name, v.namespace);
      if (!before) throw ApiError.notFound(groupResource(v.type), v.name);
      ctx.host.store.delete(v.type.kind, v.name, v.namespace, { ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}), propagationPolicy: cascade.policy });
      deleted++;
      stdout.push(deletedLine(v, output, grace === 0));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'NotFound' && ignoreNotFound) continue;
      stderr.push(v.source !== undefined ? e.kubectlMessageFrom('deleting', v.source) : e.kubectlMessage());
    }
  }
  if (!ignoreNotFound) stderr.push(...errors);
  if (victims.length === 0 && errors.length === 0) stdout.push('No resources found');
  const failed = stderr.some((l) => l !== FORCE_WARNING && !cascade.warnings.includes(l));
  return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: failed ? 1 : 0, mutated: deleted > 0 };
}

/**
 * --cascade as GetCascadingStrategy reads it: background (or true), foreground, orphan (or the
 * deprecated false, with kubectl's warning), passed to the API server as the propagation policy.
 */
function cascadingStrategy(value: string): { policy: PropagationPolicy; warnings: string[] } | { error: string } {
  switch (value) {
    case 'background':
    case 'true':
      return { policy: 'Background', warnings: [] };
    case 'foreground':
      return { policy: 'Foreground', warnings: [] };
    case 'orphan':
      return { policy: 'Orphan', warnings: [] };
    case 'false':
      return { policy: 'Orphan', warnings: ['warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.'] };
    default:
      return { error: `error: invalid cascade value (${value}). Must be "background", "foreground", or "orphan".` };
  }
}

/**
 * `pod "web" deleted from default namespace` (kubectl v1.34 names the namespace of namespaced
 * objects), `node "x" deleted`, `force deleted` with --grace-period=0, `pod/web` with -o name.
 */
function deletedLine(v: Victim, output: string, forced: boolean): string {
  const kind = qualifiedSingular(v.type);
  if (output === 'name') return `${kind}/${v.name}`;
  const operation = forced ? 'force deleted' : 'deleted';
  return v.namespace !== undefined ? `${kind} "${v.name}" ${operation} from ${v.namespace} namespace` : `${kind} "${v.name}" ${operation}`;
}
