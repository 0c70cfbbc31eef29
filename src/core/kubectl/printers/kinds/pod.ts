import type { Pod } from 'kubernetes-types/core/v1';
import { podReadyText, podRestartsText, podStatusText } from '../../../format/pod-status';
import { age, orNone, type TablePrinter } from './table-printer';

/** printPod: NAME READY STATUS RESTARTS AGE; wide adds IP NODE NOMINATED NODE READINESS GATES. */
export const podPrinter: TablePrinter<Pod> = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: (p, now) => [p.metadata.name, podReadyText(p), podStatusText(p), podRestartsText(p, now), age(p, now)],
  wideRow: (p) => {
    const gates = p.spec?.readinessGates ?? [];
    const gateText = gates.length
      ? `${gates.filter((g) => p.status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`
      : '<none>';
    return [orNone(p.status?.podIP), orNone(p.spec?.nodeName), orNone(p.status?.nominatedNodeName), gateText];
  },
};
