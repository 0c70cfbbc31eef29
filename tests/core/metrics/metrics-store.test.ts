import { describe, expect, it } from 'vitest';
import { MetricsStore } from '../../../src/core/metrics/metrics-store';

describe('MetricsStore', () => {
  it('queries series by name and label match, and keeps only the newest samples', () => {
    const m = new MetricsStore(3);
    for (let t = 0; t < 5; t++) {
      m.record('DCGM_FI_DEV_GPU_UTIL', { gpu: '0', Hostname: 'dgx-1' }, t * 10, t * 1000);
      m.record('DCGM_FI_DEV_GPU_UTIL', { gpu: '1', Hostname: 'dgx-1' }, 5, t * 1000);
    }
    expect(m.query('DCGM_FI_DEV_GPU_UTIL', { gpu: '0' })[0]!.samples.map((s) => s.value)).toEqual([20, 30, 40]);
    expect(m.query('DCGM_FI_DEV_GPU_UTIL', { gpu: '0' }, 2)[0]!.samples).toEqual([
      { timeMs: 3000, value: 30 },
      { timeMs: 4000, value: 40 },
    ]);
    expect(m.query('DCGM_FI_DEV_GPU_UTIL', { gpu: '0' }, 0)[0]!.samples).toEqual([]);
    expect(m.latest('DCGM_FI_DEV_GPU_UTIL', { Hostname: 'dgx-1' }).map((s) => s.value)).toEqual([40, 5]);
    m.drop('DCGM_FI_DEV_GPU_UTIL', { gpu: '1' });
    expect(m.query('DCGM_FI_DEV_GPU_UTIL')).toHaveLength(1);
  });

  it('replaces a sample recorded twice at the same instant', () => {
    const m = new MetricsStore();
    m.record('x', {}, 1, 5);
    m.record('x', {}, 2, 5);
    expect(m.query('x')[0]!.samples).toEqual([{ timeMs: 5, value: 2 }]);
  });
});
