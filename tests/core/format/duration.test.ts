import { describe, expect, it } from 'vitest';
import { goDuration, humanDuration } from '../../../src/core/format/duration';

describe("kubectl's HumanDuration", () => {
  it.each([
    [0, '0s'],
    [45_000, '45s'],
    [119_000, '119s'],
    [125_000, '2m5s'],
    [600_000, '10m'],
    [45 * 60_000, '45m'],
    [200 * 60_000, '3h20m'],
    [30 * 3_600_000, '30h'],
    [(3 * 24 + 4) * 3_600_000, '3d4h'],
    [10 * 24 * 3_600_000, '10d'],
  ])('%d ms prints as %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe("Go's Duration.String()", () => {
  it.each([
    [890, '890ms'],
    [5969, '5.969s'],
    [1210, '1.21s'],
    [2000, '2s'],
    [125_500, '2m5.5s'],
    [3_600_000, '1h0m0s'],
  ])('%d ms prints as %s', (ms, text) => expect(goDuration(ms)).toBe(text));
});
