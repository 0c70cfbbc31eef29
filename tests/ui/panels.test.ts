import { describe, expect, it } from 'vitest';
import { distribution } from '../../src/ui/lib/batch-stats';
import { chartLines, formatValue, MAX_LINES } from '../../src/ui/panels/metrics/chart-data';
import { yamlTokens } from '../../src/ui/panels/inspector/yaml-tokens';
import type { ChartSpec, Series } from '../../src/worker/protocol';

describe('the YAML view tokenizer', () => {
  it('colours keys, strings, numbers and list items', () => {
    expect(yamlTokens('  name: web')).toEqual([
      { text: '  ', kind: 'plain' },
      { text: 'name:', kind: 'key' },
      { text: ' ', kind: 'plain' },
      { text: 'web', kind: 'string' },
    ]);
    expect(yamlTokens('    restartCount: 3').at(-1)).toEqual({ text: '3', kind: 'number' });
    expect(yamlTokens('  - name: c').map((t) => t.kind)).toEqual(['plain', 'key', 'plain', 'string']);
    expect(yamlTokens('  - nginx').map((t) => t.kind)).toEqual(['plain', 'string']);
  });
});

describe('chart data', () => {
  const spec: ChartSpec = { id: 'gpu-util', metric: 'DCGM_FI_DEV_GPU_UTIL', unit: 'percent', lineLabels: ['Hostname', 'gpu'], scope: 'Hostname' };
  const series = (gpu: number, last: number): Series => ({
    name: 'DCGM_FI_DEV_GPU_UTIL',
    labels: { Hostname: 'dgx-1', gpu: String(gpu) },
    samples: [
      { timeMs: 0, value: 0 },
      { timeMs: 10_000, value: last },
    ],
  });

  it('names lines by their labels and puts the busiest first', () => {
    const { lines, hidden } = chartLines(spec, [series(0, 10), series(1, 95)]);
    expect(lines.map((l) => l.label)).toEqual(['dgx-1 · GPU 1', 'dgx-1 · GPU 0']);
    expect(hidden).toBe(0);
  });

  it('splits whole GPUs from MIG instances, and names an instance and the pod holding it', () => {
    const mig: ChartSpec = { id: 'mig-fb', metric: 'DCGM_FI_DEV_FB_USED', unit: 'mebibytes', lineLabels: ['Hostname', 'gpu', 'GPU_I_PROFILE', 'GPU_I_ID', 'pod'], scope: 'Hostname', where: { label: 'GPU_I_PROFILE', present: true } };
    const whole: ChartSpec = { ...mig, id: 'gpu-fb', lineLabels: ['Hostname', 'gpu', 'pod'], where: { label: 'GPU_I_PROFILE', present: false } };
    const fb = (labels: Record<string, string>): Series => ({ name: 'DCGM_FI_DEV_FB_USED', labels: { Hostname: 'dgx-1', gpu: '0', pod: '', ...labels }, samples: [{ timeMs: 0, value: 1 }] });
    const all = [fb({ GPU_I_PROFILE: '1g.10gb', GPU_I_ID: '3', pod: 'train' }), fb({ GPU_I_PROFILE: '', GPU_I_ID: '' }), fb({})];
    expect(chartLines(mig, all).lines.map((l) => l.label)).toEqual(['dgx-1 · GPU 0 · 1g.10gb · GI 3 · train']);
    expect(chartLines(whole, all).lines.map((l) => l.label)).toEqual(['dgx-1 · GPU 0', 'dgx-1 · GPU 0']);
  });

  it('keeps a chart readable by counting the lines it does not draw', () => {
    const many = Array.from({ length: MAX_LINES + 3 }, (_, i) => series(i, i));
    expect(chartLines(spec, many).hidden).toBe(3);
  });

  it('formats values in the chart unit', () => {
    expect(formatValue('percent', 42.4)).toBe('42 %');
    expect(formatValue('ratio', 0.5)).toBe('50 %');
    expect(formatValue('millicores', 1500)).toBe('1.5 CPU');
    expect(formatValue('mebibytes', 40960)).toBe('40 GiB');
  });
});

describe('batch statistics', () => {
  it('report percentiles', () => {
    const d = distribution(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(d).toEqual({ count: 100, p50: 51, p95: 96, max: 100 });
    expect(distribution([])).toEqual({ count: 0, p50: 0, p95: 0, max: 0 });
  });
});
