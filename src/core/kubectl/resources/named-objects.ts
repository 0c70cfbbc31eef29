import { qualifiedSingular, type ResourceType } from '../../api/resource-types';
import type { KubeObject, Stored } from '../../api/types';
import type { CommandContext } from '../framework/command';
import { CommandError, fail } from '../framework/result';
import { groupResource, parseTargets, selectResources, sortForListing } from './builder';

/** One object a command acts on, and how kubectl names it (`deployment.apps/web`). */
export interface NamedObject {
  readonly type: ResourceType;
  readonly obj: Stored<KubeObject>;
  readonly label: string;
}

/**
 * The objects `TYPE NAME…` or `TYPE/NAME…` name in the namespace (a bare TYPE means all of
 * them), as kubectl's builder resolves them; a missing name is the server's NotFound.
 */
export function namedObjects(ctx: CommandContext): NamedObject[] {
  if (ctx.args.length === 0) throw new CommandError(fail(`error: required resource not specified\nSee '${ctx.path} -h' for help and examples`));
  const store = ctx.host.store;
  const { targets } = parseTargets(store, ctx.args);
  const out: NamedObject[] = [];
  for (const t of targets) {
    const namespace = t.type.namespaced ? ctx.namespace : undefined;
    const objects = t.names
      ? t.names.map((name) => {
          const obj = store.get(t.type.kind, name, namespace);
          if (!obj) throw new CommandError(fail(`Error from server (NotFound): ${groupResource(t.type)} ${JSON.stringify(name)} not found`));
          return obj;
        })
      : sortForListing(store.list(t.type.kind, namespace));
    for (const obj of objects) out.push({ type: t.type, obj, label: `${qualifiedSingular(t.type)}/${obj.metadata.name}` });
  }
  return out;
}

/** `deployments.apps "web"`: how kubectl's per-object errors name an object. */
export const quotedResource = (t: NamedObject): string => `${groupResource(t.type)} ${JSON.stringify(t.obj.metadata.name)}`;

/** schema.GroupKind.String(): `Deployment.apps`, `Pod`. */
export const groupKind = (t: ResourceType): string => (t.group ? `${t.kind}.${t.group}` : t.kind);

/**
 * The objects of commands that also take `--all` or `-l` (scale, set image): with either, every
 * object of the types that matches; otherwise the named ones.
 */
export function selectedOrNamedObjects(ctx: CommandContext): NamedObject[] {
  const selector = ctx.flags.string('selector');
  if (!ctx.flags.bool('all') && selector === '') return namedObjects(ctx);
  const selection = selectResources(ctx.host.store, ctx.args, { namespace: ctx.namespace, allNamespaces: false, labelSelector: selector, fieldSelector: '' });
  return selection.groups.flatMap((g) => g.objects.map((obj) => ({ type: g.type, obj, label: `${qualifiedSingular(g.type)}/${obj.metadata.name}` })));
}
