import type { ConfigMap, Secret } from 'kubernetes-types/core/v1';
import { decodeBase64 } from '../../api/base64';
import type { Stored } from '../../api/types';
import type { ObjectStore } from '../../store/object-store';
import { eventsFor, writeEvents } from './events';
import { DescribeWriter, writeAnnotations, writeLabels } from './writer';

/** `kubectl describe configmap` (describeConfigMap): each key, a `----` rule and the value. */
export function describeConfigMap(store: ObjectStore, cm: Stored<ConfigMap>, nowMs: number, showEvents = true): string {
  const w = new DescribeWriter();
  w.line(0, `Name:\t${cm.metadata.name}`);
  w.line(0, `Namespace:\t${cm.metadata.namespace}`);
  writeLabels(w, 'Labels', cm.metadata.labels);
  writeAnnotations(w, cm.metadata.annotations);
  w.line(0, '');
  w.line(0, 'Data');
  w.line(0, '====');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.line(0, `${k}:`);
    w.line(0, '----');
    w.line(0, cm.data![k]!);
    w.line(0, '');
  }
  w.line(0, '');
  w.line(0, 'BinaryData');
  w.line(0, '====');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) {
    const bytes = decodeBase64(cm.binaryData![k]!);
    w.line(0, `${k}: ${bytes instanceof Uint8Array ? bytes.length : 0} bytes`);
  }
  w.line(0, '');
  if (showEvents) writeEvents(w, eventsFor(store, 'ConfigMap', cm.metadata.name, cm.metadata.namespace, cm.metadata.uid), nowMs);
  return w.toString();
}

/** `kubectl describe secret` (describeSecret): the type and each key's size in bytes, never the values. */
export function describeSecret(_store: ObjectStore, s: Stored<Secret>): string {
  const w = new DescribeWriter();
  w.line(0, `Name:\t${s.metadata.name}`);
  w.line(0, `Namespace:\t${s.metadata.namespace}`);
  writeLabels(w, 'Labels', s.metadata.labels);
  writeAnnotations(w, s.metadata.annotations);
  w.line(0, '');
  w.line(0, `Type:\t${s.type ?? ''}`);
  w.line(0, '');
  w.line(0, 'Data');
  w.line(0, '====');
  for (const k of Object.keys(s.data ?? {}).sort()) {
    const bytes = decodeBase64(s.data![k]!);
    w.line(0, `${k}:\t${bytes instanceof Uint8Array ? bytes.length : 0} bytes`);
  }
  return w.toString();
}
