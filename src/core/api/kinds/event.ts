import type { Event } from 'kubernetes-types/core/v1';
import { any, int, object, str } from '../schema/dsl';
import { topLevel } from '../schema/meta';
import { validateObjectMeta } from '../validation/metadata';
import type { KindStrategy } from './strategy';

const schema = topLevel('Event', 'A report of something that happened to an object.', {
  involvedObject: object('ObjectReference', 'The object the event is about.', {
    kind: str('Kind of the object.'),
    namespace: str('Namespace of the object.'),
    name: str('Name of the object.'),
    uid: str('UID of the object.'),
    apiVersion: str('API version of the object.'),
    resourceVersion: str('Resource version of the object when the event happened.'),
    fieldPath: str('Part of the object the event is about, e.g. spec.containers{web}.'),
  }),
  reason: str('A short CamelCase reason, e.g. Scheduled or BackOff.'),
  message: str('A human-readable description.'),
  source: object('EventSource', 'The component that reported the event.', { component: str('Component name.'), host: str('Node name.') }),
  firstTimestamp: str('When the event was first recorded.'),
  lastTimestamp: str('When the event was last recorded.'),
  count: int('How many times the event has happened.'),
  type: str('Normal or Warning.', ['Normal', 'Warning']),
  eventTime: str('When the event was first observed, with microseconds.'),
  series: any('Data about a series of events.'),
  action: str('What was done or failed.'),
  related: any('A second object involved.'),
  reportingComponent: str('Component that reported the event.'),
  reportingInstance: str('Instance of the reporting component.'),
});

export const eventStrategy: KindStrategy<Event> = {
  type: { kind: 'Event', group: '', version: 'v1', plural: 'events', singular: 'event', shortNames: ['ev'], namespaced: true },
  schema,
  nameRule: 'subdomain',
  validate: (ev) => validateObjectMeta(ev.metadata, true, 'subdomain'),
};
