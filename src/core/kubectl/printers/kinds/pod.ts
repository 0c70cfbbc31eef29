import type { Pod } from 'kubernetes-types/core/v1';
import { podReadyText, podRestartsText, podStatusText } from '../../../format/pod-status';
import { age, columns, orNone, type TablePrinter } from './table-printer';

/** printPod: NAME READY STATUS RESTARTS AGE; wide adds IP NODE NOMINATED NODE READINESS GATES. */
export const podPrinter: TablePrinter<Pod> = {
  columns: columns(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']),
  cells: (p, now) => {
    const gates = p.spec?.readinessGates ?? [];
    const gateText = gates.length
      ? `${gates.filter((g) => p.status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`
      : '<none>';
    return [
      p.metadata.name,
      podReadyText(p),
      podStatusText(p),
      podRestartsText(p, now),
      age(p, now),
      orNone(p.status?.podIPs?.[0]?.ip ?? p.status?.podIP),
      orNone(p.spec?.nodeName),
      orNone(p.status?.nominatedNodeName),
      gateText,
    ];
  },
};
