import type { Event, ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/types';
import type { VirtualClock } from '../engine/clock';
import { rfc3339, rfc3339Micro, SIMULATION_EPOCH_MS } from '../engine/time';
import type { ObjectStore } from '../store/object-store';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  /** `default-scheduler`, `kubelet`, `replicaset-controller`, … */
  readonly component: string;
  /** The node, for kubelet events. */
  readonly host?: string;
}

/** The API server's default --event-ttl: events are garbage-collected an hour after their last update. */
const EVENT_TTL_MS = 60 * 60 * 1000;

/**
 * Records core/v1 Events as client-go's recorder does: an identical event (same object, type,
 * reason, message and source) within the TTL is not stored again; its count goes up and its
 * lastTimestamp moves (the EventCorrelator's de-duplication).
 */
export class EventRecorder {
  private readonly recent = new Map<string, { namespace: string; name: string }>();
  private seq = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
  ) {}

  record(
    object: Stored<KubeObject> | ObjectReference,
    type: EventType,
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const ref = toReference(object, fieldPath);
    const namespace = ref.namespace || 'default';
    const key = [source.component, source.host ?? '', ref.kind, ref.namespace ?? '', ref.name, ref.uid ?? '', ref.fieldPath ?? '', type, reason, message].join('\u0000');
    const now = this.clock.now();
    const existing = this.recent.get(key);
    if (existing) {
      const current = this.store.get<Event>('Event', existing.name, existing.namespace);
      if (current) {
        this.store.patch<Event>('Event', existing.name, existing.namespace, (ev) => {
          ev.count = (ev.count ?? 1) + 1;
          ev.lastTimestamp = rfc3339(now);
        });
        this.scheduleExpiry(key, existing.namespace, existing.name);
        return;
      }
    }
    // client-go names events `<object>.<unix nanoseconds in hex>`.
    const nanos = (BigInt(SIMULATION_EPOCH_MS + now) * 1_000_000n + BigInt(this.seq++ % 1_000_000)).toString(16);
    const name = `${ref.name}.${nanos}`;
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: ref,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: rfc3339(now),
      lastTimestamp: rfc3339(now),
      count: 1,
      type,
      eventTime: rfc3339Micro(now),
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    const ns = this.store.get('Namespace', namespace);
    if (!ns || ns.metadata.deletionTimestamp) return; // the API server refuses new content in a namespace being torn down
    this.store.create(event);
    this.recent.set(key, { namespace, name });
    this.scheduleExpiry(key, namespace, name);
  }

  private scheduleExpiry(key: string, namespace: string, name: string): void {
    const due = this.clock.now() + EVENT_TTL_MS;
    this.clock.at(due, 'event-ttl', () => {
      const ev = this.store.get<Event>('Event', name, namespace);
      if (!ev) return;
      // Only the timer of the latest update removes the event.
      if (ev.lastTimestamp !== rfc3339(due - EVENT_TTL_MS)) return;
      this.store.delete('Event', name, namespace);
      if (this.recent.get(key)?.name === name) this.recent.delete(key);
    });
  }
}

function toReference(object: Stored<KubeObject> | ObjectReference, fieldPath?: string): ObjectReference {
  if ('metadata' in object && object.metadata) {
    const o = object as Stored<KubeObject>;
    const ref: ObjectReference = {
      kind: o.kind,
      namespace: o.metadata.namespace,
      name: o.metadata.name,
      uid: o.metadata.uid,
      apiVersion: o.apiVersion,
      resourceVersion: o.metadata.resourceVersion,
    };
    if (fieldPath) ref.fieldPath = fieldPath;
    return ref;
  }
  const r = object as ObjectReference;
  return fieldPath ? { ...r, fieldPath } : r;
}
