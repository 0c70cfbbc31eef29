import { matchesAll, parseSelector, type Requirement, SelectorParseError } from '../../api/labels';
import { apiVersionOf, type ResourceType } from '../../api/resource-types';
import type { KubeObject, Stored } from '../../api/types';
import type { ObjectStore } from '../../store/object-store';
import { CommandError, fail } from '../framework/result';
import { discoveryOrder } from './discovery-order';
import { checkFieldSelector, FieldSelectorError, type FieldRequirement, matchesFields, parseFieldSelector } from './field-selector';

/**
 * The resource arguments kubectl commands share (kubectl's resource.Builder): `TYPE`,
 * `TYPE NAME…`, `TYPE/NAME…`, `TYPE1,TYPE2`, the `all` category, label and field selectors, one
 * namespace or all of them.
 */
export interface SelectionOptions {
  readonly namespace: string;
  readonly allNamespaces: boolean;
  readonly labelSelector: string;
  readonly fieldSelector: string;
}

/** The objects of one resource type that matched, in the order kubectl lists them. */
export interface SelectedGroup {
  readonly type: ResourceType;
  readonly objects: Stored<KubeObject>[];
}

export interface Selection {
  readonly groups: readonly SelectedGroup[];
  /** `Error from server (NotFound): pods "x" not found` lines, for names that do not exist. */
  readonly errors: readonly string[];
  /** Whether more than one type was asked for (kubectl then prints `pod/web` in NAME). */
  readonly multipleTypes: boolean;
  /** Whether objects were named (so no "No resources found" message applies). */
  readonly named: boolean;
}

/** `pods`, `deployments.apps`: how the API server names a resource in its messages. */
export const groupResource = (t: ResourceType): string => (t.group ? `${t.plural}.${t.group}` : t.plural);

/** `/v1, Resource=pods`: a GroupVersionResource as the API server prints it. */
export const gvrString = (t: ResourceType): string => `${t.group}/${t.version}, Resource=${t.plural}`;

/** Resolve one type name; unknown names get the server's error. */
export function resolveType(store: ObjectStore, name: string): ResourceType {
  const type = store.registry.types.resolve(name);
  if (!type) throw new CommandError(fail(`error: the server doesn't have a resource type ${JSON.stringify(name)}`));
  return type;
}

/** The types a comma list names, with `all` expanded to the kinds in the "all" category. */
export function resolveTypes(store: ObjectStore, list: string): ResourceType[] {
  const out: ResourceType[] = [];
  for (const name of list.split(',')) {
    if (name === '') continue;
    if (name === 'all') {
      const category = store.registry.types.all().filter((t) => t.categories?.includes('all'));
      for (const t of [...category].sort(discoveryOrder)) if (!out.includes(t)) out.push(t);
      continue;
    }
    const t = resolveType(store, name);
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

export interface Target {
  readonly type: ResourceType;
  readonly names?: string[];
}

/** Split the arguments into types and names (`pods a b`, `pod/a svc/b`). */
export function parseTargets(store: ObjectStore, args: readonly string[]): { targets: Target[]; multipleTypes: boolean } {
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new CommandError(
        fail(
          "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
        ),
      );
    }
    const targets: Target[] = [];
    for (const a of args) {
      const [typeName, ...rest] = a.split('/');
      const name = rest.join('/');
      if (!typeName || !name) throw new CommandError(fail(`error: arguments in resource/name form must have a single resource and name`));
      const type = resolveType(store, typeName);
      const existing = targets.find((t) => t.type === type);
      if (existing) existing.names!.push(name);
      else targets.push({ type, names: [name] });
    }
    return { targets, multipleTypes: targets.length > 1 };
  }
  const [typeList, ...names] = args;
  const types = resolveTypes(store, typeList ?? '');
  const all = (typeList ?? '').split(',').includes('all');
  return { targets: types.map((type) => (names.length ? { type, names: [...names] } : { type })), multipleTypes: types.length > 1 || all };
}

export function parseLabelSelector(selector: string): Requirement[] {
  try {
    return parseSelector(selector);
  } catch (e) {
    if (e instanceof SelectorParseError) throw new CommandError(fail(`error: ${e.message}`));
    throw e;
  }
}

/** Fetch what the arguments and selectors name. */
export function selectResources(store: ObjectStore, args: readonly string[], options: SelectionOptions): Selection {
  const { targets, multipleTypes } = parseTargets(store, args);
  const labels = parseLabelSelector(options.labelSelector);
  let fields: FieldRequirement[];
  try {
    fields = parseFieldSelector(options.fieldSelector);
  } catch (e) {
    if (e instanceof FieldSelectorError) throw new CommandError(fail(`error: ${e.message}`));
    throw e;
  }
  const groups: SelectedGroup[] = [];
  const errors: string[] = [];
  let named = false;
  for (const target of targets) {
    const { type } = target;
    const fieldError = checkFieldSelector(type.kind, gvrString(type), fields, options.fieldSelector, options.labelSelector);
    if (fieldError) throw new CommandError(fail(fieldError));
    const namespace = type.namespaced && !options.allNamespaces ? options.namespace : undefined;
    let objects: Stored<KubeObject>[];
    if (target.names) {
      named = true;
      objects = [];
      for (const name of target.names) {
        const obj = store.get(type.kind, name, type.namespaced ? options.namespace : undefined);
        if (obj) objects.push(obj);
        else errors.push(`Error from server (NotFound): ${groupResource(type)} ${JSON.stringify(name)} not found`);
      }
    } else {
      objects = sortForListing(store.list(type.kind, namespace));
    }
    objects = objects.filter((o) => matchesAll(labels, o.metadata.labels) && matchesFields(o, fields));
    groups.push({ type, objects });
  }
  return { groups, errors, multipleTypes, named };
}

/** The API server lists objects by namespace, then name (etcd key order). */
export function sortForListing<T extends KubeObject>(objects: Stored<T>[]): Stored<T>[] {
  return [...objects].sort((a, b) => {
    const na = a.metadata.namespace ?? '';
    const nb = b.metadata.namespace ?? '';
    if (na !== nb) return na < nb ? -1 : 1;
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  });
}

/** `kubectl get`'s message when nothing matched. */
export function noResourcesMessage(options: SelectionOptions, anyNamespaced: boolean): string {
  return anyNamespaced && !options.allNamespaces ? `No resources found in ${options.namespace} namespace.` : 'No resources found';
}

export { apiVersionOf };
