import { deepClone, deepFreeze, structuralShare } from '../api/clone';
import { matchesAll, selectorRequirements, type Requirement } from '../api/labels';
import type { ApiRegistry } from '../api/registry';
import { apiVersionOf } from '../api/resource-types';
import type { KindStrategy } from '../api/kinds/strategy';
import { type KubeObject, type LabelSelector, type ObjectMeta, objectKey, type Stored, type Writable } from '../api/types';
import type { VirtualClock } from '../engine/clock';
import { NAME_SUFFIX_ALPHABET, type Rng } from '../engine/rng';
import { rfc3339 } from '../engine/time';
import { ApiError } from './api-error';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER, PROPAGATION_POLICIES, type DeleteOptions } from './delete-options';
import { notSupported } from '../api/field-errors';
import { ObjectIndexes } from './indexes';

export type { DeleteOptions, PropagationPolicy } from './delete-options';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<T extends KubeObject = KubeObject> {
  readonly type: WatchEventType;
  readonly object: Stored<T>;
  /** The object before a MODIFIED event. */
  readonly old?: Stored<T>;
}

/**
 * A watch handler. Handlers run synchronously right after a write, in registration order, and
 * must not write to the store themselves: they enqueue work (a controller key, a timer) instead,
 * as informer handlers do upstream.
 */
export type WatchHandler<T extends KubeObject = KubeObject> = (event: WatchEvent<T>) => void;

/** An admission step run before a write is stored, after defaulting and validation; throws ApiError to refuse. */
export interface AdmissionPlugin {
  readonly name: string;
  /** Mutating admission: runs after API defaulting, before the strategy's preparation and validation. */
  mutate?(operation: 'CREATE' | 'UPDATE', object: KubeObject, old: Stored<KubeObject> | undefined, store: ObjectStore): void;
  /** Validating admission: runs after validation; throws ApiError to refuse. */
  admit(operation: 'CREATE' | 'UPDATE', object: KubeObject, old: Stored<KubeObject> | undefined, store: ObjectStore): void;
}

/**
 * The simulated API server's storage: typed objects under `Kind/namespace/name`, with
 * resourceVersion, generation, uid and timestamps, graceful deletion, finalizers and the
 * garbage collector's deletion propagation, defaulting, validation and admission on every write,
 * secondary indexes, and watches.
 *
 * Objects handed out are frozen and never change: a write stores a new object. Unchanged parts
 * are shared between versions (a status write keeps the same frozen spec), which keeps writes and
 * the unchanged-write check cheap.
 */
export class ObjectStore {
  private readonly objects = new Map<string, Map<string, Stored<KubeObject>>>();
  private readonly index = new ObjectIndexes();
  private readonly watchers = new Map<string, WatchHandler[]>();
  private readonly admission: AdmissionPlugin[] = [];
  private revision = 0;

  constructor(
    readonly registry: ApiRegistry,
    private readonly clock: VirtualClock,
    private readonly rng: Rng,
  ) {}

  addAdmission(plugin: AdmissionPlugin): void {
    this.admission.push(plugin);
  }

  /** Watch one kind, or every kind with '*'. Returns a function that stops the watch. */
  watch<T extends KubeObject = KubeObject>(kind: string, handler: WatchHandler<T>): () => void {
    const list = this.watchers.get(kind) ?? [];
    list.push(handler as WatchHandler);
    this.watchers.set(kind, list);
    return () => {
      const i = list.indexOf(handler as WatchHandler);
      if (i >= 0) list.splice(i, 1);
    };
  }

  get<T extends KubeObject = KubeObject>(kind: string, name: string, namespace?: string): Stored<T> | undefined {
    return this.objects.get(kind)?.get(objectKey(kind, this.scopedNamespace(kind, namespace), name)) as Stored<T> | undefined;
  }

  /** Objects of a kind, optionally in one namespace, in creation order. */
  list<T extends KubeObject = KubeObject>(kind: string, namespace?: string): Stored<T>[] {
    if (namespace !== undefined) return [...this.index.inNamespace(kind, namespace)] as Stored<T>[];
    const all = this.objects.get(kind);
    return all ? ([...all.values()] as Stored<T>[]) : [];
  }

  /**
   * Objects of a kind in a namespace (or every namespace) that a label selector selects, found
   * through the label index when the selector has matchLabels. A missing selector selects nothing,
   * an empty one everything.
   */
  select<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, selector: LabelSelector | undefined | null): Stored<T>[] {
    if (!selector) return [];
    return this.selectRequirements<T>(kind, namespace, selectorRequirements(selector));
  }

  /** Like select, with parsed requirements (kubectl -l). */
  selectRequirements<T extends KubeObject = KubeObject>(kind: string, namespace: string | undefined, requirements: readonly Requirement[]): Stored<T>[] {
    let candidates: Iterable<Stored<KubeObject>> | undefined;
    if (namespace !== undefined) {
      let smallest: ReadonlyMap<string, Stored<KubeObject>> | undefined;
      for (const r of requirements) {
        if (r.operator !== 'In' || r.values.length !== 1) continue;
        const m = this.index.withLabel(kind, namespace, r.key, r.values[0]!);
        if (!smallest || m.size < smallest.size) smallest = m;
      }
      candidates = smallest ? smallest.values() : this.index.inNamespace(kind, namespace);
    } else {
      candidates = this.objects.get(kind)?.values() ?? [];
    }
    const out: Stored<T>[] = [];
    for (const o of candidates) if (matchesAll(requirements, o.metadata.labels)) out.push(o as Stored<T>);
    return out;
  }

  /** The object with this uid, of any kind. */
  getByUid<T extends KubeObject = KubeObject>(uid: string): Stored<T> | undefined {
    return this.index.uid(uid) as Stored<T> | undefined;
  }

  /** Objects whose ownerReferences name this uid. */
  dependentsOf(ownerUid: string): Stored<KubeObject>[] {
    return [...this.index.dependentsOf(ownerUid)];
  }

  /** Objects of a kind in a namespace without a controller reference (what a controller may adopt). */
  uncontrolled<T extends KubeObject = KubeObject>(kind: string, namespace: string): Stored<T>[] {
    return [...this.index.uncontrolledIn(kind, namespace)] as Stored<T>[];
  }

  /** Pods bound to a node (`--field-selector spec.nodeName=<node>`). */
  podsOnNode<T extends KubeObject = KubeObject>(node: string): Stored<T>[] {
    return [...this.index.podsOnNode(node)] as Stored<T>[];
  }

  count(kind: string): number {
    return this.objects.get(kind)?.size ?? 0;
  }

  /** Every kind that has stored objects. */
  kinds(): string[] {
    return [...this.objects.keys()].filter((k) => (this.objects.get(k)?.size ?? 0) > 0);
  }

  /** Create an object: generateName, defaulting, validation, admission, then storage. */
  create<T extends KubeObject>(input: T): Stored<T> {
    const strategy = this.strategyFor(input);
    const obj = deepClone(input) as KubeObject;
    obj.apiVersion = apiVersionOf(strategy.type);
    obj.kind = strategy.type.kind;
    const meta = (obj.metadata ??= {}) as Writable<ObjectMeta>;
    if (!meta.name && meta.generateName) meta.name = meta.generateName + this.rng.string(NAME_SUFFIX_ALPHABET, 5);
    if (strategy.type.namespaced) meta.namespace ??= 'default';
    else delete meta.namespace;

    for (const plugin of this.admission) plugin.mutate?.('CREATE', obj, undefined, this);
    // The uid is assigned before defaulting: a Job's generated selector is built from it.
    meta.uid = this.rng.uuid();
    strategy.prepareForCreate?.(obj, { randomSuffix: () => this.rng.string(NAME_SUFFIX_ALPHABET, 5), now: () => this.clock.now(), rng: this.rng, store: this });
    const errors = strategy.validate(obj);
    if (errors.length > 0) throw ApiError.invalid(strategy.type.kind, meta.name ?? '', errors);

    const kind = strategy.type.kind;
    const name = meta.name!;
    if (strategy.type.namespaced && meta.namespace !== undefined && !this.get('Namespace', meta.namespace)) {
      throw ApiError.notFound('namespaces', meta.namespace);
    }
    if (strategy.type.namespaced && meta.namespace !== undefined && this.get('Namespace', meta.namespace)?.metadata.deletionTimestamp) {
      throw new ApiError(
        'Forbidden',
        `${strategy.type.plural} ${JSON.stringify(name)} is forbidden: unable to create new content in namespace ${meta.namespace} because it is being terminated`,
      );
    }
    if (this.get(kind, name, meta.namespace)) throw ApiError.alreadyExists(resourceName(strategy), name);
    for (const plugin of this.admission) plugin.admit('CREATE', obj, undefined, this);

    meta.creationTimestamp = rfc3339(this.clock.now());
    meta.resourceVersion = String(++this.revision);
    if (obj.spec !== undefined) meta.generation = 1;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    const stored = deepFreeze(obj) as Stored<T>;
    this.put(stored, undefined);
    this.notify('ADDED', stored);
    return stored;
  }

  /**
   * Replace an object's metadata and spec (not its status), as PUT does. A resourceVersion on the
   * input must match the stored one (optimistic concurrency); none means last-write-wins.
   */
  update<T extends KubeObject>(input: T): Stored<T> {
    return this.write(deepClone(input), false);
  }

  /** Write only the status of an object (the /status subresource): no validation of spec, no generation bump. */
  updateStatus<T extends KubeObject>(input: T): Stored<T> {
    return this.write(deepClone(input), true);
  }

  /** Copy the stored object, let `mutate` edit the copy, and write it back. */
  patch<T extends KubeObject = KubeObject>(kind: string, name: string, namespace: string | undefined, mutate: (draft: T) => void): Stored<T> {
    const current = this.require<T>(kind, name, namespace);
    const draft = deepClone(current) as T;
    mutate(draft);
    return this.write(draft, false);
  }

  /**
   * Like patch, for a writer that builds the new version from the current one instead of editing
   * a copy: `build` returns an object that keeps the current version's (frozen) parts it does not
   * change and hands the store the parts it does. Nothing is deep-copied, which matters for large
   * objects rewritten often (an EndpointSlice's endpoints). Only for kinds whose update
   * preparation does not edit nested parts in place (shared parts are frozen: such an edit throws).
   */
  rebuild<T extends KubeObject = KubeObject>(kind: string, name: string, namespace: string | undefined, build: (current: Stored<T>) => T): Stored<T> {
    const built = build(this.require<T>(kind, name, namespace));
    return this.write({ ...built, metadata: { ...built.metadata } }, false);
  }

  /**
   * Like patch, through the status subresource. Only the status and metadata are copied for
   * `mutate`: the spec stays the frozen, shared one (a status writer has no business there).
   */
  patchStatus<T extends KubeObject = KubeObject>(kind: string, name: string, namespace: string | undefined, mutate: (draft: T) => void): Stored<T> {
    const current = this.require<T>(kind, name, namespace);
    const draft = { ...current, metadata: deepClone(current.metadata), status: deepClone(current.status) } as T;
    mutate(draft);
    return this.write(draft, true);
  }

  /**
   * Like patchStatus, for a writer that builds the new status from the current object instead of
   * editing a copy (what it keeps of the current status stays shared and frozen): nothing is
   * deep-copied. The pod status every kubelet posts goes this way.
   */
  rebuildStatus<T extends KubeObject = KubeObject>(kind: string, name: string, namespace: string | undefined, build: (current: Stored<T>) => T['status']): Stored<T> {
    const current = this.require<T>(kind, name, namespace);
    const draft = { ...current, metadata: { ...current.metadata }, status: build(current) } as unknown as T;
    return this.write(draft, true);
  }

  /**
   * The pods/binding subresource: set spec.nodeName of an unbound pod (the one spec change the
   * scheduler may make) and, through `mutate`, its PodScheduled condition.
   */
  bindPod<T extends KubeObject = KubeObject>(name: string, namespace: string, nodeName: string, mutate: (draft: T) => void): Stored<T> {
    const current = this.require<T>('Pod', name, namespace);
    const spec = current.spec as { nodeName?: string } | undefined;
    if (spec?.nodeName) {
      throw new ApiError('Conflict', `Operation cannot be fulfilled on pods/binding ${JSON.stringify(name)}: pod ${name} is already assigned to node ${JSON.stringify(spec.nodeName)}`);
    }
    const draft = { ...current, metadata: deepClone(current.metadata), spec: { ...(current.spec as object), nodeName }, status: deepClone(current.status) } as T;
    mutate(draft);
    return this.commit(draft, current) as Stored<T>;
  }

  /**
   * The namespaces/finalize subresource: the namespace controller removes the `kubernetes`
   * finalizer from spec.finalizers once the namespace is empty, which completes its deletion.
   */
  finalizeNamespace(name: string): void {
    const current = this.require('Namespace', name);
    const draft = { ...current, metadata: { ...current.metadata }, spec: { finalizers: [] } };
    this.commit(draft, current);
  }

  require<T extends KubeObject = KubeObject>(kind: string, name: string, namespace?: string): Stored<T> {
    const found = this.get<T>(kind, name, namespace);
    if (!found) {
      const strategy = this.registry.strategy(kind);
      throw ApiError.notFound(strategy ? resourceName(strategy) : kind, name);
    }
    return found;
  }

  /**
   * Delete an object. With finalizers, or for a pod running on a node with a grace period, the
   * object only gets a deletionTimestamp and stays until the finalizers are gone or the kubelet
   * confirms its containers stopped. The propagation policy adds the garbage collector's
   * `orphan` or `foregroundDeletion` finalizer (apiserver deletionFinalizersForGarbageCollection);
   * Background, the default, removes the object at once and lets the collector delete its
   * dependents afterwards. Returns the object as it stands after the call.
   */
  delete(kind: string, name: string, namespace?: string, options: DeleteOptions = {}): Stored<KubeObject> {
    const policy = options.propagationPolicy;
    if (policy !== undefined && !PROPAGATION_POLICIES.includes(policy)) {
      // ValidateDeleteOptions.
      throw ApiError.invalid('DeleteOptions', '', [notSupported('propagationPolicy', policy, [...PROPAGATION_POLICIES, 'nil'])]);
    }
    const current = this.require(kind, name, namespace);
    if (options.preconditions?.uid !== undefined && options.preconditions.uid !== current.metadata.uid) {
      throw new ApiError(
        'Conflict',
        `Operation cannot be fulfilled on ${resourceName(this.registry.strategy(current.kind)!)} ${JSON.stringify(name)}: Precondition failed: UID in precondition: ${options.preconditions.uid}, UID in object meta: ${current.metadata.uid}`,
      );
    }
    const grace = this.gracePeriodFor(current, options);
    const finalizers = withPropagationFinalizer(current.metadata.finalizers ?? [], options.propagationPolicy);
    const namespaceFinalizers = current.kind === 'Namespace' ? ((current.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []) : [];
    if (grace === 0 && finalizers.length === 0 && namespaceFinalizers.length === 0) {
      this.remove(current);
      return current;
    }
    if (current.metadata.deletionTimestamp) {
      // A second delete may only shorten the grace period or change the GC finalizers (as the API server allows).
      const currentGrace = current.metadata.deletionGracePeriodSeconds ?? 0;
      const sameFinalizers = finalizers.length === (current.metadata.finalizers ?? []).length;
      if (grace >= currentGrace && sameFinalizers) return current;
    }
    const draft = { ...current, metadata: { ...current.metadata } } as KubeObject;
    const meta = draft.metadata as Writable<ObjectMeta>;
    if (!meta.deletionTimestamp || grace < (meta.deletionGracePeriodSeconds ?? 0)) {
      meta.deletionTimestamp = rfc3339(this.clock.now() + grace * 1000);
      meta.deletionGracePeriodSeconds = grace;
      if (meta.generation !== undefined) meta.generation += 1;
    }
    if (finalizers.length > 0) meta.finalizers = finalizers;
    if (current.kind === 'Namespace') draft.status = { ...(current.status as object), phase: 'Terminating' };
    return this.commit(draft, current);
  }

  private gracePeriodFor(obj: Stored<KubeObject>, options: DeleteOptions): number {
    if (obj.kind !== 'Pod') return 0;
    const spec = obj.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
    // A pod that never reached a node has nothing to stop: it goes at once.
    if (!spec?.nodeName) return 0;
    const phase = (obj.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return 0;
    return Math.max(0, options.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30);
  }

  /** `next` is a private copy the store may keep. */
  private write<T extends KubeObject>(next: KubeObject, statusOnly: boolean): Stored<T> {
    const strategy = this.strategyFor(next);
    const kind = strategy.type.kind;
    const name = next.metadata?.name ?? '';
    const namespace = strategy.type.namespaced ? (next.metadata?.namespace ?? 'default') : undefined;
    const current = this.get<KubeObject>(kind, name, namespace);
    if (!current) throw ApiError.notFound(resourceName(strategy), name);
    const rv = next.metadata?.resourceVersion;
    if (rv !== undefined && rv !== current.metadata.resourceVersion) {
      throw new ApiError(
        'Conflict',
        `Operation cannot be fulfilled on ${resourceName(strategy)} ${JSON.stringify(name)}: the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    next.apiVersion = current.apiVersion;
    next.kind = current.kind;
    if (statusOnly) {
      // The status subresource ignores changes to anything but status.
      const merged = { ...current, metadata: { ...current.metadata }, status: next.status } as KubeObject;
      if (next.status === undefined) delete merged.status;
      return this.commit(merged, current) as Stored<T>;
    }
    // Server-owned metadata cannot be changed by a client.
    const meta = (next.metadata ??= {}) as Writable<ObjectMeta>;
    meta.uid = current.metadata.uid;
    meta.creationTimestamp = current.metadata.creationTimestamp;
    meta.namespace = current.metadata.namespace;
    meta.deletionTimestamp = current.metadata.deletionTimestamp;
    meta.deletionGracePeriodSeconds = current.metadata.deletionGracePeriodSeconds;
    meta.generation = current.metadata.generation;
    if (meta.generateName === undefined && current.metadata.generateName !== undefined) meta.generateName = current.metadata.generateName;
    strategy.prepareForUpdate?.(next, current);
    const errors = strategy.validateUpdate ? strategy.validateUpdate(next, current) : strategy.validate(next);
    if (errors.length > 0) throw ApiError.invalid(kind, name, errors);
    for (const plugin of this.admission) plugin.admit('UPDATE', next, current, this);
    if (next.spec !== undefined && structuralShare(next.spec, current.spec) !== current.spec) meta.generation = (current.metadata.generation ?? 0) + 1;
    return this.commit(next, current) as Stored<T>;
  }

  /** Store a changed object; an unchanged write is a no-op that keeps the resourceVersion, as upstream. */
  private commit(next: KubeObject, current: Stored<KubeObject>): Stored<KubeObject> {
    (next.metadata as Writable<ObjectMeta>).resourceVersion = current.metadata.resourceVersion;
    if (structuralShare(next, current) === current) return current;
    // Metadata always changes (resourceVersion), so it must be a fresh object even if its fields were shared.
    if (next.metadata === current.metadata) next.metadata = { ...current.metadata };
    const meta = next.metadata as Writable<ObjectMeta>;
    // An object being deleted goes once nothing holds it: no finalizer left, and (for a pod) the
    // kubelet has confirmed with a zero grace period.
    if (meta.deletionTimestamp && (meta.deletionGracePeriodSeconds ?? 0) === 0 && !hasFinalizers(next)) {
      this.remove(current);
      return current;
    }
    meta.resourceVersion = String(++this.revision);
    const stored = deepFreeze(next) as Stored<KubeObject>;
    this.put(stored, current);
    this.notify('MODIFIED', stored, current);
    return stored;
  }

  private remove(obj: Stored<KubeObject>): void {
    const { kind, metadata } = obj;
    const key = objectKey(kind, metadata.namespace, metadata.name);
    this.objects.get(kind)?.delete(key);
    this.index.remove(key, obj);
    this.revision++;
    this.notify('DELETED', obj);
  }

  private put(obj: Stored<KubeObject>, previous: Stored<KubeObject> | undefined): void {
    let byKey = this.objects.get(obj.kind);
    if (!byKey) {
      byKey = new Map();
      this.objects.set(obj.kind, byKey);
    }
    const key = objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
    byKey.set(key, obj);
    this.index.put(key, obj, previous);
  }

  private notify(type: WatchEventType, object: Stored<KubeObject>, old?: Stored<KubeObject>): void {
    const event: WatchEvent = old ? { type, object, old } : { type, object };
    const forKind = this.watchers.get(object.kind);
    if (forKind) for (const h of forKind) h(event);
    const all = this.watchers.get('*');
    if (all) for (const h of all) h(event);
  }

  private strategyFor(obj: KubeObject): KindStrategy {
    const strategy = obj.kind ? this.registry.strategy(obj.kind) : undefined;
    if (!strategy) throw new ApiError('BadRequest', `no kind ${JSON.stringify(obj.kind ?? '')} is registered`);
    return strategy;
  }

  private scopedNamespace(kind: string, namespace: string | undefined): string | undefined {
    const namespaced = this.registry.strategy(kind)?.type.namespaced ?? true;
    return namespaced ? (namespace ?? 'default') : undefined;
  }
}

function hasFinalizers(obj: KubeObject): boolean {
  if ((obj.metadata?.finalizers ?? []).length > 0) return true;
  return obj.kind === 'Namespace' && ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length > 0;
}

function withPropagationFinalizer(finalizers: readonly string[], policy: DeleteOptions['propagationPolicy']): string[] {
  if (policy === undefined) return [...finalizers];
  const others = finalizers.filter((f) => f !== ORPHAN_FINALIZER && f !== FOREGROUND_FINALIZER);
  if (policy === 'Orphan') return [...others, ORPHAN_FINALIZER];
  if (policy === 'Foreground') return [...others, FOREGROUND_FINALIZER];
  return others;
}

/** The plural resource name used in API messages (`pods "web" not found`, `deployments.apps "web" …`). */
export function resourceName(strategy: KindStrategy): string {
  return strategy.type.group ? `${strategy.type.plural}.${strategy.type.group}` : strategy.type.plural;
}
