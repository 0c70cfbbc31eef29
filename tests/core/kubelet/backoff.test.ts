import { describe, expect, it } from 'vitest';
import { Backoff } from '../../../src/core/kubelet/backoff';

describe('the kubelet back-off', () => {
  it('starts at 10 s and doubles up to the 300 s cap', () => {
    const b = new Backoff();
    const delays: number[] = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      b.next('k', t, t);
      delays.push(b.get('k'));
      t += b.get('k') + 2000;
    }
    expect(delays).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it.each([
    ['just before the delay ends', 9_999, true],
    ['exactly when the delay ends', 10_000, false],
    ['after the delay', 12_000, false],
  ])('counts a container as backing off %s', (_name, elapsed, expected) => {
    const b = new Backoff();
    b.next('k', 0, 0);
    expect(b.inBackoffSince('k', 5_000, 5_000 + elapsed)).toBe(expected);
  });

  it('starts over after the container ran for more than twice the cap (10 minutes)', () => {
    const b = new Backoff();
    b.next('k', 0, 0);
    b.next('k', 0, 0);
    b.next('k', 0, 0);
    expect(b.get('k')).toBe(40_000);
    b.next('k', 600_001, 600_001);
    expect(b.get('k')).toBe(10_000);
  });

  it('measures image pull back-off from the last failure', () => {
    const b = new Backoff();
    b.next('pod_nginx:bad', 1_000, 1_000);
    expect(b.inBackoffSinceUpdate('pod_nginx:bad', 10_999)).toBe(true);
    expect(b.inBackoffSinceUpdate('pod_nginx:bad', 11_000)).toBe(false);
    expect(b.endsAfterUpdate('pod_nginx:bad')).toBe(11_000);
  });
});
