import { deepClone, deepEqual, deepFreeze } from '../api/clone';
import type { ApiRegistry } from '../api/registry';
import { apiVersionOf } from '../api/resource-types';
import type { KindStrategy } from '../api/kinds/strategy';
import { type KubeObject, type ObjectMeta, objectKey, type Stored, type Writable } from '../api/types';
import type { VirtualClock } from '../engine/clock';
import { NAME_SUFFIX_ALPHABET, type Rng } from '../engine/rng';
import { rfc3339 } from '../engine/time';
import { ApiError } from './api-error';

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
  admit(operation: 'CREATE' | 'UPDATE', object: KubeObject, old: Stored<KubeObject> | undefined, store: ObjectStore): void;
}

export interface DeleteOptions {
  /** Override the object's grace period; 0 deletes at once (with --force for pods). */
  readonly gracePeriodSeconds?: number;
}

/**
 * The simulated API server's storage: typed objects under `Kind/namespace/name`, with
 * resourceVersion, generation, uid and timestamps, graceful deletion and finalizers, defaulting,
 * validation and admission on every write, and watches. Objects handed out are frozen: to change
 * one, write a modified copy (see `patch`).
 */
export class ObjectStore {
  private readonly objects = new Map<string, Map<string, Stored<KubeObject>>>();
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
    const all = this.objects.get(kind);
    if (!all) return [];
    const out: Stored<T>[] = [];
    for (const o of all.values()) if (namespace === undefined || o.metadata.namespace === namespace) out.push(o as Stored<T>);
    return out;
  }

  count(kind: string): number {
    return this.objects.get(kind)?.size ?? 0;
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

    strategy.prepareForCreate?.(obj, { randomSuffix: () => this.rng.string(NAME_SUFFIX_ALPHABET, 5), now: () => this.clock.now() });
    const errors = strategy.validate(obj);
    if (errors.length > 0) throw ApiError.invalid(strategy.type.kind, meta.name ?? '', errors);

    const kind = strategy.type.kind;
    const name = meta.name!;
    if (strategy.type.namespaced && meta.namespace !== undefined && kind !== 'Namespace' && !this.get('Namespace', meta.namespace)) {
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

    meta.uid = this.rng.uuid();
    meta.creationTimestamp = rfc3339(this.clock.now());
    meta.resourceVersion = String(++this.revision);
    if (obj.spec !== undefined) meta.generation = 1;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    const stored = deepFreeze(obj) as Stored<T>;
    this.put(stored);
    this.notify('ADDED', stored);
    return stored;
  }

  /**
   * Replace an object's metadata and spec (not its status), as PUT does. A resourceVersion on the
   * input must match the stored one (optimistic concurrency); none means last-write-wins.
   */
  update<T extends KubeObject>(input: T): Stored<T> {
    return this.write(input, false);
  }

  /** Write only the status of an object (the /status subresource): no validation of spec, no generation bump. */
  updateStatus<T extends KubeObject>(input: T): Stored<T> {
    return this.write(input, true);
  }

  /** Copy the stored object, let `mutate` edit the copy, and write it back. */
  patch<T extends KubeObject = KubeObject>(kind: string, name: string, namespace: string | undefined, mutate: (draft: T) => void): Stored<T> {
    const current = this.require<T>(kind, name, namespace);
    const draft = deepClone(current) as T;
    mutate(draft);
    return this.update(draft);
  }

  /** Like patch, through the status subresource. */
  patchStatus<T extends KubeObject = KubeObject>(kind: string, name: string, namespace: string | undefined, mutate: (draft: T) => void): Stored<T> {
    const current = this.require<T>(kind, name, namespace);
    const draft = deepClone(current) as T;
    mutate(draft);
    return this.updateStatus(draft);
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
    const draft = deepClone(current) as T & { spec: { nodeName?: string } };
    draft.spec.nodeName = nodeName;
    mutate(draft);
    return this.commit(draft, current) as Stored<T>;
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
   * confirms its containers stopped. Returns the object as it stands after the call.
   */
  delete(kind: string, name: string, namespace?: string, options: DeleteOptions = {}): Stored<KubeObject> {
    const current = this.require(kind, name, namespace);
    const grace = this.gracePeriodFor(current, options);
    const finalizers = current.metadata.finalizers ?? [];
    if (grace === 0 && finalizers.length === 0) {
      this.remove(current);
      return current;
    }
    if (current.metadata.deletionTimestamp) {
      // A second delete may only shorten the grace period (as the API server allows).
      const currentGrace = current.metadata.deletionGracePeriodSeconds ?? 0;
      if (grace >= currentGrace) return current;
    }
    const draft = deepClone(current);
    const meta = draft.metadata as Writable<ObjectMeta>;
    meta.deletionTimestamp = rfc3339(this.clock.now() + grace * 1000);
    meta.deletionGracePeriodSeconds = grace;
    if (meta.generation !== undefined) meta.generation += 1;
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

  private write<T extends KubeObject>(input: T, statusOnly: boolean): Stored<T> {
    const strategy = this.strategyFor(input);
    const kind = strategy.type.kind;
    const name = input.metadata?.name ?? '';
    const namespace = strategy.type.namespaced ? (input.metadata?.namespace ?? 'default') : undefined;
    const current = this.get<T>(kind, name, namespace);
    if (!current) throw ApiError.notFound(resourceName(strategy), name);
    const rv = input.metadata?.resourceVersion;
    if (rv !== undefined && rv !== current.metadata.resourceVersion) {
      throw new ApiError(
        'Conflict',
        `Operation cannot be fulfilled on ${resourceName(strategy)} ${JSON.stringify(name)}: the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    const next = deepClone(input) as KubeObject;
    next.apiVersion = current.apiVersion;
    next.kind = current.kind;
    if (statusOnly) {
      const merged = deepClone(current) as KubeObject;
      merged.status = next.status;
      if (next.metadata?.ownerReferences !== undefined) merged.metadata!.ownerReferences = next.metadata.ownerReferences;
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
    strategy.prepareForUpdate?.(next, current);
    const errors = strategy.validateUpdate ? strategy.validateUpdate(next, current) : strategy.validate(next);
    if (errors.length > 0) throw ApiError.invalid(kind, name, errors);
    for (const plugin of this.admission) plugin.admit('UPDATE', next, current, this);
    if (next.spec !== undefined && !deepEqual(next.spec, current.spec)) meta.generation = (current.metadata.generation ?? 0) + 1;
    return this.commit(next, current) as Stored<T>;
  }

  /** Store a changed object; an unchanged write is a no-op that keeps the resourceVersion, as upstream. */
  private commit(next: KubeObject, current: Stored<KubeObject>): Stored<KubeObject> {
    const meta = next.metadata as Writable<ObjectMeta>;
    meta.resourceVersion = current.metadata.resourceVersion;
    if (deepEqual(next, current)) return current;
    // The last finalizer removed from an object being deleted completes the deletion.
    if (meta.deletionTimestamp && (meta.finalizers ?? []).length === 0 && current.metadata.deletionTimestamp && (current.metadata.finalizers ?? []).length > 0) {
      this.remove(current);
      return current;
    }
    meta.resourceVersion = String(++this.revision);
    const stored = deepFreeze(next) as Stored<KubeObject>;
    this.put(stored);
    this.notify('MODIFIED', stored, current);
    return stored;
  }

  private remove(obj: Stored<KubeObject>): void {
    const { kind, metadata } = obj;
    this.objects.get(kind)?.delete(objectKey(kind, metadata.namespace, metadata.name));
    this.revision++;
    this.notify('DELETED', obj);
  }

  private put(obj: Stored<KubeObject>): void {
    let byKey = this.objects.get(obj.kind);
    if (!byKey) {
      byKey = new Map();
      this.objects.set(obj.kind, byKey);
    }
    byKey.set(objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name), obj);
  }

  private notify(type: WatchEventType, object: Stored<KubeObject>, old?: Stored<KubeObject>): void {
    const event: WatchEvent = old ? { type, object, old } : { type, object };
    for (const h of this.watchers.get(object.kind) ?? []) h(event);
    for (const h of this.watchers.get('*') ?? []) h(event);
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

/** The plural resource name used in API messages (`pods "web" not found`, `deployments.apps "web" …`). */
export function resourceName(strategy: KindStrategy): string {
  return strategy.type.group ? `${strategy.type.plural}.${strategy.type.group}` : strategy.type.plural;
}
