import type { EventType } from '../events/recorder';

/** Records an event about one object (a pod, or one of its containers) from the kubelet. */
export type EventSink = (type: EventType, reason: string, message: string) => void;
