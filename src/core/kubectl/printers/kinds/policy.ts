import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { HorizontalPodAutoscaler, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { canonicalQuantity } from '../../../api/quantity';
import { age, columns, type TablePrinter } from './table-printer';

const q = (v: string | number | undefined): string => (v === undefined ? '0' : canonicalQuantity(v));

/** printResourceQuota: `resource: used/hard` sorted by name; `limits.*` in LIMIT, the rest in REQUEST. */
export const resourceQuotaPrinter: TablePrinter<ResourceQuota> = {
  columns: columns(['NAME', 'REQUEST', 'LIMIT', 'AGE']),
  cells: (rq, now) => {
    const hard = rq.status?.hard ?? {};
    const used = rq.status?.used ?? {};
    const request: string[] = [];
    const limit: string[] = [];
    for (const r of Object.keys(hard).sort()) {
      const pieces = r.split('.');
      (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(`${r}: ${q(used[r])}/${q(hard[r])}`);
    }
    return [rq.metadata.name, request.join(', '), limit.join(', '), age(rq, now)];
  },
};

/** One TARGETS entry of formatHPAMetrics, e.g. `cpu: 45%/50%` or `<unknown>/100 (avg)`. */
function metricText(spec: MetricSpec, status: MetricStatus | undefined): string {
  const unknown = '<unknown>';
  switch (spec.type) {
    case 'External': {
      const t = spec.external!.target;
      if (t.averageValue !== undefined) return `${status?.external?.current.averageValue !== undefined ? q(status.external.current.averageValue) : unknown}/${q(t.averageValue)} (avg)`;
      return `${status?.external ? q(status.external.current.value) : unknown}/${q(t.value)}`;
    }
    case 'Pods':
      return `${status?.pods ? q(status.pods.current.averageValue) : unknown}/${q(spec.pods!.target.averageValue)}`;
    case 'Object': {
      const t = spec.object!.target;
      if (t.averageValue !== undefined) return `${status?.object?.current.averageValue !== undefined ? q(status.object.current.averageValue) : unknown}/${q(t.averageValue)} (avg)`;
      return `${status?.object ? q(status.object.current.value) : unknown}/${q(t.value)}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const s = spec.type === 'Resource' ? spec.resource! : spec.containerResource!;
      const cur = spec.type === 'Resource' ? status?.resource : status?.containerResource;
      if (s.target.averageValue !== undefined) return `${s.name}: ${cur ? q(cur.current.averageValue) : unknown}/${q(s.target.averageValue)}`;
      const current = cur?.current.averageUtilization !== undefined ? `${cur.current.averageUtilization}%` : unknown;
      const target = s.target.averageUtilization !== undefined ? `${s.target.averageUtilization}%` : '<auto>';
      return `${s.name}: ${current}/${target}`;
    }
    default:
      return '<unknown type>';
  }
}

/** formatHPAMetrics: at most two targets, then `+ N more...`; `<none>` without metrics. */
export function hpaTargets(hpa: HorizontalPodAutoscaler): string {
  const specs = hpa.spec?.metrics ?? [];
  if (specs.length === 0) return '<none>';
  const statuses = hpa.status?.currentMetrics ?? [];
  const list = specs.map((s, i) => metricText(s, statuses[i]));
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...` : list.join(', ');
}

/** printHorizontalPodAutoscaler: REFERENCE Kind/name, TARGETS, MINPODS (`<unset>`), MAXPODS, REPLICAS. */
export const horizontalPodAutoscalerPrinter: TablePrinter<HorizontalPodAutoscaler> = {
  columns: columns(['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE']),
  cells: (hpa, now) => [
    hpa.metadata.name,
    `${hpa.spec?.scaleTargetRef.kind}/${hpa.spec?.scaleTargetRef.name}`,
    hpaTargets(hpa),
    hpa.spec?.minReplicas !== undefined ? String(hpa.spec.minReplicas) : '<unset>',
    String(hpa.spec?.maxReplicas ?? 0),
    String(hpa.status?.currentReplicas ?? 0),
    age(hpa, now),
  ],
};

/** printPriorityClass: NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY (the last one is always printed). */
export const priorityClassPrinter: TablePrinter<PriorityClass> = {
  columns: columns(['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY']),
  cells: (pc, now) => [pc.metadata.name, String(pc.value), String(pc.globalDefault ?? false), age(pc, now), pc.preemptionPolicy ?? ''],
};

/** printLease: HOLDER. */
export const leasePrinter: TablePrinter<{ metadata: { name: string; creationTimestamp: string }; spec?: { holderIdentity?: string } } & Record<string, unknown>> = {
  columns: columns(['NAME', 'HOLDER', 'AGE']),
  cells: (l, now) => [l.metadata.name, l.spec?.holderIdentity ?? '', age(l, now)],
};
