import { describe, expect, it } from 'vitest';
import { clockText, truncate, truncateMiddle } from '../../src/ui/viz/format';

describe('view text', () => {
  it('shortens pod names in the middle, keeping the suffix that tells replicas apart', () => {
    expect(truncateMiddle('web-6966957b9c-x2k4p', 12)).toBe('web-6…-x2k4p');
    expect(truncateMiddle('short', 12)).toBe('short');
    expect(truncateMiddle('web-6966957b9c-x2k4p', 12)).toHaveLength(12);
    expect(truncate('control-plane-1', 8)).toBe('control…');
  });

  it('prints virtual time as hours, minutes and seconds', () => {
    expect(clockText(3_723_000)).toBe('01:02:03');
  });
});
