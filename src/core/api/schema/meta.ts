import { any, arrayOf, bool, int, object, str, stringMap, type ObjectSchema, type Schema } from './dsl';

export const ownerReference = object('OwnerReference', 'Points at the object that owns this one; the garbage collector deletes dependents whose owners are gone.', {
  apiVersion: str('API version of the owner.'),
  kind: str('Kind of the owner.'),
  name: str('Name of the owner.'),
  uid: str('UID of the owner.'),
  controller: bool('True when the owner is the managing controller; at most one owner may say so.'),
  blockOwnerDeletion: bool('With foreground deletion, the owner waits for this dependent to be deleted first.'),
}, ['apiVersion', 'kind', 'name', 'uid']);

export const objectMeta = object('ObjectMeta', 'Standard metadata every persisted object carries.', {
  name: str('Unique name within the namespace (or the cluster, for cluster-scoped kinds). Cannot be changed.'),
  generateName: str('A prefix the server extends with a random suffix when no name is given.'),
  namespace: str('The namespace the object lives in. Defaults to "default" for namespaced kinds.'),
  labels: stringMap('Key/value pairs used to select and group objects (by selectors in Services, ReplicaSets, …).'),
  annotations: stringMap('Key/value pairs for tools and people; not used for selection.'),
  ownerReferences: arrayOf(ownerReference, 'Objects this one depends on; used by garbage collection.'),
  finalizers: arrayOf(str(''), 'Names of actions that must finish before the object is removed from storage.'),
  uid: str('Unique id set by the server at creation. Read-only.'),
  resourceVersion: str('Opaque version set by the server on every change. Read-only.'),
  generation: int('Incremented by the server each time the desired state (spec) changes. Read-only.', 'int64'),
  creationTimestamp: str('When the object was created (RFC 3339). Read-only.'),
  deletionTimestamp: str('When the object will be removed; set by a graceful delete. Read-only.'),
  deletionGracePeriodSeconds: int('Seconds allowed for graceful termination. Read-only.', 'int64'),
  managedFields: any('Which manager set which fields. Maintained by the server.'),
});

export const labelSelectorRequirement = object('LabelSelectorRequirement', 'A key, an operator and values that select labels.', {
  key: str('The label key the selector applies to.'),
  operator: str('How the key relates to the values.', ['In', 'NotIn', 'Exists', 'DoesNotExist']),
  values: arrayOf(str(''), 'Values for In and NotIn; must be empty for Exists and DoesNotExist.'),
}, ['key', 'operator']);

export const labelSelector = object('LabelSelector', 'Selects objects by their labels. All requirements are ANDed; an empty selector selects everything.', {
  matchLabels: stringMap('Exact key=value pairs, each equivalent to an In requirement with one value.'),
  matchExpressions: arrayOf(labelSelectorRequirement, 'Set-based requirements.'),
});

/** The fields every top-level object has. */
export function topLevel(typeName: string, description: string, props: Record<string, Schema>, required: string[] = []): ObjectSchema {
  return object(typeName, description, {
    apiVersion: str('The versioned schema of this object, e.g. "v1" or "apps/v1".'),
    kind: str('The kind of object, in CamelCase.'),
    metadata: objectMeta,
    ...props,
  }, required);
}

/** Status written by controllers. Accepted on input (copied from `get -o yaml`) and ignored, as the server does. */
export const statusAny = any('Observed state, written by the system. Ignored when you apply it.');
