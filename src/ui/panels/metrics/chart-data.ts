import type { ChartSpec, Series } from '../../../worker/protocol';
import { bytes, cores } from '../../viz/format';

export interface ChartLine {
  readonly label: string;
  readonly points: readonly { readonly t: number; readonly v: number }[];
}

/** Lines drawn per chart; the busiest are kept, the rest counted. */
export const MAX_LINES = 10;

/** How a label reads in a line's name: `GPU 3`, `GI 5` (the MIG GPU instance), or as it is. */
function labelText(key: string, value: string | undefined): string {
  if (!value) return '';
  return key === 'gpu' ? `GPU ${value}` : key === 'GPU_I_ID' ? `GI ${value}` : value;
}

/** A chart's lines from the recorded series: labelled by the chart's label keys, busiest first. */
export function chartLines(spec: ChartSpec, series: readonly Series[]): { lines: ChartLine[]; hidden: number } {
  const all = series
    .filter((s) => s.name === spec.metric && s.samples.length > 0 && (!spec.where || !!s.labels[spec.where.label] === spec.where.present))
    .map((s) => ({
      label: spec.lineLabels.map((k) => labelText(k, s.labels[k])).filter(Boolean).join(' · '),
      points: s.samples.map((p) => ({ t: p.timeMs, v: p.value })),
    }))
    .sort((a, b) => (b.points[b.points.length - 1]?.v ?? 0) - (a.points[a.points.length - 1]?.v ?? 0));
  return { lines: all.slice(0, MAX_LINES), hidden: Math.max(0, all.length - MAX_LINES) };
}

/** A value in a chart's unit, as a learner reads it. */
export function formatValue(unit: ChartSpec['unit'], v: number): string {
  switch (unit) {
    case 'millicores':
      return `${cores(v)} CPU`;
    case 'bytes':
      return bytes(v);
    case 'mebibytes':
      return bytes(v * 2 ** 20);
    case 'percent':
      return `${Math.round(v)} %`;
    case 'ratio':
      return `${Math.round(v * 100)} %`;
  }
}
