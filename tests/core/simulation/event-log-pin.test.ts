import { describe, expect, it } from 'vitest';
import { busyScenario, gpuScenario, minimalScenario } from './pin-scenarios';

/**
 * The complete observable output of busy seeded runs, pinned: the event log, every object at the
 * end, the watch stream, the metric series, kubectl's output and the scheduler's explanations.
 * Performance work must leave every hash unchanged. A change of behaviour that is meant (a
 * fidelity fix) updates these values in its own commit, saying why.
 */
describe('the pinned event log of busy seeded runs', () => {
  it('is unchanged for the minimal cluster with a rollout, an undo, an autoscaler and a node failure', { timeout: 60_000 }, () => {
    expect(minimalScenario()).toEqual({
      now: 655,
      events: '337:30a8bd39b721b46f',
      objects: '25f57e7e7ddd5c48',
      watch: '1363:32a1d45e835d030a',
      metrics: 'ddf4e5d45d0dd715',
      kubectl: 'd1c809bcc4c2f30c',
      explanations: 'aa4d35282fed329d',
    });
  });

  it('is unchanged for the GPU lab', { timeout: 60_000 }, () => {
    expect(gpuScenario()).toEqual({
      now: 660,
      events: '116:40b71fa79602ee32',
      objects: 'd45833d7e2e32a8e',
      watch: '675:53605f909521c228',
      metrics: '641e6e24adcfb1e2',
      kubectl: 'a11f45fe3c33a284',
      explanations: '77c8d464031de011',
    });
  });

  it('is unchanged for 12 nodes under 27 minutes of churn, faults and a drain', { timeout: 180_000 }, () => {
    expect(busyScenario()).toEqual({
      now: 1611,
      events: '3580:5cc133c3809b90ea',
      objects: 'acd639bb22ac2784',
      watch: '13514:cce061a539611cf0',
      metrics: 'ac122b94997bf747',
      kubectl: '408c27f2e6ccd101',
      explanations: '85e45112dc0056b3',
    });
  });
});
