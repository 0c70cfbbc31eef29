import type { Event, Namespace, Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/types';
import { parseTimestamp } from '../engine/time';
import { humanDuration } from '../format/duration';
import { nodeRoles, nodeStatusText, podReadyText, podRestartsText, podStatusText } from '../format/pod-status';

/**
 * Table printers for `kubectl get` (pkg/printers/internalversion/printers.go): the columns, and
 * the extra ones with -o wide. Each returns the header and one row per object.
 */
export interface TablePrinter<T extends KubeObject> {
  readonly headers: readonly string[];
  readonly wideHeaders: readonly string[];
  row(obj: Stored<T>, nowMs: number): string[];
  wideRow(obj: Stored<T>, nowMs: number): string[];
}

const age = (obj: { metadata: { creationTimestamp: string } }, nowMs: number) => humanDuration(nowMs - parseTimestamp(obj.metadata.creationTimestamp));

export const podPrinter: TablePrinter<Pod> = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: (p, now) => [p.metadata.name, podReadyText(p), podStatusText(p), podRestartsText(p, now), age(p, now)],
  wideRow: (p) => {
    const gates = p.spec?.readinessGates ?? [];
    const gateText = gates.length
      ? `${gates.filter((g) => p.status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`
      : '<none>';
    return [p.status?.podIP || '<none>', p.spec?.nodeName || '<none>', p.status?.nominatedNodeName || '<none>', gateText];
  },
};

export const nodePrinter: TablePrinter<Node> = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row: (n, now) => [n.metadata.name, nodeStatusText(n), nodeRoles(n).join(',') || '<none>', age(n, now), n.status?.nodeInfo?.kubeletVersion ?? ''],
  wideRow: (n) => {
    const addr = (type: string) => n.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
    const info = n.status?.nodeInfo;
    return [addr('InternalIP'), addr('ExternalIP'), info?.osImage ?? '<unknown>', info?.kernelVersion ?? '<unknown>', info?.containerRuntimeVersion ?? '<unknown>'];
  },
};

export const namespacePrinter: TablePrinter<Namespace> = {
  headers: ['NAME', 'STATUS', 'AGE'],
  wideHeaders: [],
  row: (n, now) => [n.metadata.name, n.status?.phase ?? 'Active', age(n, now)],
  wideRow: () => [],
};

/** `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE. */
export const eventPrinter: TablePrinter<Event> = {
  headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideHeaders: [],
  row: (e, now) => {
    const last = e.lastTimestamp ?? e.metadata.creationTimestamp;
    const object = `${(e.involvedObject.kind ?? '').toLowerCase()}/${e.involvedObject.name ?? ''}`;
    return [humanDuration(now - parseTimestamp(last)), e.type ?? '', e.reason ?? '', object, (e.message ?? '').trim()];
  },
  wideRow: () => [],
};

export const PRINTERS: Readonly<Record<string, TablePrinter<never>>> = {
  Pod: podPrinter as TablePrinter<never>,
  Node: nodePrinter as TablePrinter<never>,
  Namespace: namespacePrinter as TablePrinter<never>,
  Event: eventPrinter as TablePrinter<never>,
};
