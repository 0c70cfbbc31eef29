import type { KubeObject, Stored } from '../../api/types';
import type { ObjectStore } from '../../store/object-store';
import { describeNamespace } from './namespace';
import { describeNode } from './node';
import { describePod } from './pod';

export type Describer = (store: ObjectStore, obj: Stored<KubeObject>, nowMs: number, showEvents: boolean) => string;

/** The describers by kind; the workload kinds join as their controllers land. */
export const DESCRIBERS: Readonly<Record<string, Describer>> = {
  Pod: (s, o, now, ev) => describePod(s, o as never, now, ev),
  Node: (s, o, now, ev) => describeNode(s, o as never, now, ev),
  Namespace: (s, o) => describeNamespace(s, o as never),
};
