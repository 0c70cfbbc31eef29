import type { KubeObject, Stored } from '../api/types';

/**
 * Secondary indexes over the stored objects, kept up to date on every write, so that the hot
 * questions controllers ask are answered without scanning a whole kind (upstream informers keep
 * the same kind of indexes: by namespace, and custom ones by owner or node):
 * - the objects of a kind in one namespace, in creation order;
 * - an object by uid (the garbage collector resolves owner references by uid);
 * - the dependents of an owner (ownerReferences), for controllers and the garbage collector;
 * - the objects of a kind carrying one `key=value` label, for label selectors;
 * - the pods bound to a node (the `spec.nodeName` field selector).
 */
type Obj = Stored<KubeObject>;

export class ObjectIndexes {
  private readonly byNamespace = new Map<string, Map<string, Map<string, Obj>>>();
  private readonly byUid = new Map<string, Obj>();
  private readonly dependents = new Map<string, Map<string, Obj>>();
  private readonly byLabel = new Map<string, Map<string, Map<string, Obj>>>();
  private readonly podsByNode = new Map<string, Map<string, Obj>>();
  /** Objects with no controller reference, by kind and namespace: the candidates for adoption. */
  private readonly uncontrolled = new Map<string, Map<string, Map<string, Obj>>>();

  /** Record `next` (replacing `previous`, the same object's earlier version, if any). */
  put(key: string, next: Obj, previous: Obj | undefined): void {
    const ns = next.metadata.namespace ?? '';
    nested(this.byNamespace, next.kind, ns).set(key, next);
    this.byUid.set(next.metadata.uid, next);
    // Versions of an object share unchanged parts: the same owner references need nothing dropped.
    if (previous && previous.metadata.ownerReferences !== next.metadata.ownerReferences) this.dropOwnerEntries(key, previous, next);
    for (const ref of next.metadata.ownerReferences ?? []) inner(this.dependents, ref.uid).set(key, next);
    this.updateLabels(key, next, previous);
    if (next.kind === 'Pod') this.updateNode(key, next, previous);
    const orphans = nested(this.uncontrolled, next.kind, ns);
    if (hasController(next)) orphans.delete(key);
    else orphans.set(key, next);
  }

  remove(key: string, obj: Obj): void {
    this.byNamespace.get(obj.kind)?.get(obj.metadata.namespace ?? '')?.delete(key);
    this.byUid.delete(obj.metadata.uid);
    this.dropOwnerEntries(key, obj, undefined);
    this.uncontrolled.get(obj.kind)?.get(obj.metadata.namespace ?? '')?.delete(key);
    for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) this.byLabel.get(obj.kind)?.get(labelPair(obj.metadata.namespace, k, v))?.delete(key);
    if (obj.kind === 'Pod') {
      const node = (obj.spec as { nodeName?: string } | undefined)?.nodeName;
      if (node) this.podsByNode.get(node)?.delete(key);
    }
  }

  inNamespace(kind: string, namespace: string): Iterable<Obj> {
    return this.byNamespace.get(kind)?.get(namespace)?.values() ?? [];
  }

  uid(uid: string): Obj | undefined {
    return this.byUid.get(uid);
  }

  dependentsOf(ownerUid: string): Iterable<Obj> {
    return this.dependents.get(ownerUid)?.values() ?? [];
  }

  /** Objects of `kind` in `namespace` whose label `key` is `value`. */
  withLabel(kind: string, namespace: string | undefined, key: string, value: string): ReadonlyMap<string, Obj> {
    return this.byLabel.get(kind)?.get(labelPair(namespace, key, value)) ?? EMPTY;
  }

  /** Objects of a kind in a namespace that no controller owns. */
  uncontrolledIn(kind: string, namespace: string): Iterable<Obj> {
    return this.uncontrolled.get(kind)?.get(namespace)?.values() ?? [];
  }

  podsOnNode(node: string): Iterable<Obj> {
    return this.podsByNode.get(node)?.values() ?? [];
  }

  private dropOwnerEntries(key: string, previous: Obj, next: Obj | undefined): void {
    for (const ref of previous.metadata.ownerReferences ?? []) {
      if (next?.metadata.ownerReferences?.some((r) => r.uid === ref.uid)) continue;
      const m = this.dependents.get(ref.uid);
      m?.delete(key);
      if (m?.size === 0) this.dependents.delete(ref.uid);
    }
  }

  private updateLabels(key: string, next: Obj, previous: Obj | undefined): void {
    const before = previous?.metadata.labels;
    const after = next.metadata.labels ?? {};
    const ns = next.metadata.namespace;
    const forKind = inner(this.byLabel, next.kind);
    // Unchanged labels (shared between versions) leave nothing to drop.
    if (before && before !== after) for (const k in before) if (after[k] !== before[k]) forKind.get(labelPair(ns, k, before[k]!))?.delete(key);
    for (const k in after) inner(forKind, labelPair(ns, k, after[k]!)).set(key, next);
  }

  private updateNode(key: string, next: Obj, previous: Obj | undefined): void {
    const before = (previous?.spec as { nodeName?: string } | undefined)?.nodeName;
    const after = (next.spec as { nodeName?: string } | undefined)?.nodeName;
    if (before && before !== after) this.podsByNode.get(before)?.delete(key);
    if (after) inner(this.podsByNode, after).set(key, next);
  }
}

const EMPTY: ReadonlyMap<string, Obj> = new Map();

function hasController(o: Obj): boolean {
  for (const r of o.metadata.ownerReferences ?? []) if (r.controller) return true;
  return false;
}

function labelPair(namespace: string | undefined, key: string, value: string): string {
  return `${namespace ?? ''}\u0000${key}\u0000${value}`;
}

function inner<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = outer.get(key);
  if (!m) outer.set(key, (m = new Map()));
  return m;
}

function nested<V>(outer: Map<string, Map<string, Map<string, V>>>, a: string, b: string): Map<string, V> {
  return inner(inner(outer, a), b);
}
