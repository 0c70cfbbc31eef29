import { qualifiedSingular } from '../../api/resource-types';
import type { KubeObject, ObjectMeta } from '../../api/types';
import { isValidLabelValue } from '../../api/validation/names';
import { ApiError } from '../../store/api-error';
import type { CommandContext } from '../framework/command';
import { fail, joinLines, type KubectlResult, usageError } from '../framework/result';
import { printObjects } from '../printers/output';
import { selectResources } from '../resources/builder';

/**
 * `kubectl label` and `kubectl annotate` share their shape (label.go, annotate.go): resources,
 * then `key=value` pairs to set and `key-` to remove, --overwrite to change existing keys,
 * --all / -l to pick objects, --list to print.
 */
export interface MetadataUpdateKind {
  /** `label` or `annotate`: the command word. */
  readonly verb: 'label' | 'annotate';
  readonly field: 'labels' | 'annotations';
  /** `labeled` / `annotated`. */
  readonly done: string;
}

interface Changes {
  readonly set: ReadonlyMap<string, string>;
  readonly remove: readonly string[];
}

function parsePairs(kind: MetadataUpdateKind, pairs: readonly string[]): Changes | KubectlResult {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.endsWith('-') && !p.includes('=')) {
      remove.push(p.slice(0, -1));
      continue;
    }
    const eq = p.indexOf('=');
    if (eq <= 0) return fail(`error: invalid ${kind.verb === 'label' ? 'label' : 'annotation'} spec: ${p}`);
    const key = p.slice(0, eq);
    const value = p.slice(eq + 1);
    if (kind.verb === 'label') {
      const errs = isValidLabelValue(value);
      if (errs.length) return fail(`error: invalid label value: ${JSON.stringify(p)}: ${errs.join('; ')}`);
    }
    set.set(key, value);
  }
  for (const k of remove) if (set.has(k)) return fail(`error: can not both modify and remove ${kind.verb === 'label' ? 'a label' : 'an annotation'} in the same command`);
  return { set, remove };
}

export function runMetadataUpdate(ctx: CommandContext, kind: MetadataUpdateKind): KubectlResult {
  const f = ctx.flags;
  // Resources come first; the pairs are the arguments with `=` or a trailing `-` (GetResourcesAndPairs).
  const firstPair = ctx.args.findIndex((a) => a.includes('=') || a.endsWith('-'));
  const resources = firstPair < 0 ? ctx.args : ctx.args.slice(0, firstPair);
  const pairs = firstPair < 0 ? [] : ctx.args.slice(firstPair);
  if (pairs.some((p) => !(p.includes('=') || p.endsWith('-')))) return usageError(ctx.path, `all resources must be specified before ${kind.verb === 'label' ? 'label' : 'annotation'} changes: ${pairs.join(' ')}`);
  if (resources.length === 0) return usageError(ctx.path, 'one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const list = f.bool('list');
  if (!list && pairs.length === 0) return usageError(ctx.path, `at least one ${kind.verb === 'label' ? 'label' : 'annotation'} update is required`);
  const output = f.string('output');
  if (!['', 'yaml', 'json', 'name'].includes(output)) {
    return fail(`error: unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: json,name,yaml`);
  }
  const changes = parsePairs(kind, pairs);
  if ('exitCode' in changes) return changes;
  const all = f.bool('all');
  const selector = f.string('selector');
  const named = resources.length > 1 || resources[0]!.includes('/');
  if (!named && !all && selector === '' && f.string('field-selector') === '') {
    return usageError(ctx.path, 'resource(s) were provided, but no name was specified');
  }
  const selection = selectResources(ctx.host.store, resources, {
    namespace: ctx.namespace,
    allNamespaces: f.bool('all-namespaces'),
    labelSelector: selector,
    fieldSelector: f.string('field-selector'),
  });

  const stdout: string[] = [];
  const stderr: string[] = [...selection.errors];
  let mutated = false;
  for (const g of selection.groups) {
    for (const obj of g.objects) {
      const label = `${qualifiedSingular(g.type)}/${obj.metadata.name}`;
      const current = (obj.metadata[kind.field] ?? {}) as Record<string, string>;
      if (list) {
        stdout.push(...Object.keys(current).sort().map((k) => `${k}=${current[k]}`));
        continue;
      }
      if (!f.bool('overwrite')) {
        for (const [k, v] of changes.set) {
          if (k in current && current[k] !== v) {
            stderr.push(`error: '${k}' already has a value (${current[k]}), and --overwrite is false`);
            return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: 1, mutated };
          }
        }
      }
      const rv = f.string('resource-version');
      if (rv !== '' && rv !== obj.metadata.resourceVersion) {
        stderr.push(`Error from server (Conflict): Operation cannot be fulfilled on ${g.type.plural} ${JSON.stringify(obj.metadata.name)}: the object has been modified; please apply your changes to the latest version and try again`);
        continue;
      }
      for (const k of changes.remove) if (!(k in current)) stderr.push(`${kind.verb === 'label' ? 'label' : 'annotation'} ${JSON.stringify(k)} not found.`);
      try {
        const updated = ctx.host.store.patch(g.type.kind, obj.metadata.name, obj.metadata.namespace, (draft: KubeObject) => {
          const meta = (draft.metadata ??= {}) as ObjectMeta & Record<string, unknown>;
          const next: Record<string, string> = { ...((meta[kind.field] as Record<string, string> | undefined) ?? {}) };
          for (const k of changes.remove) delete next[k];
          for (const [k, v] of changes.set) next[k] = v;
          if (Object.keys(next).length) meta[kind.field] = next;
          else delete meta[kind.field];
        });
        const changed = updated !== obj;
        mutated ||= changed;
        if (output !== '') stdout.push(printObjects({ kind: output as 'yaml' | 'json' | 'name' }, [{ type: g.type, obj: updated }], true));
        else stdout.push(`${label} ${kind.verb === 'label' && !changed ? `not ${kind.done}` : kind.done}`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        stderr.push(e.kubectlMessage());
      }
    }
  }
  const errorLines = stderr.filter((l) => !l.endsWith(' not found.'));
  return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: errorLines.length ? 1 : 0, mutated };
}
