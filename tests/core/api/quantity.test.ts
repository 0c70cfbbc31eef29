import { describe, expect, it } from 'vitest';
import { canonicalQuantity, milliCores, parseQuantity, quantityValue } from '../../../src/core/api/quantity';

describe('quantities', () => {
  it.each([
    ['1.5', '1500m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1.5Gi', '1536Mi'],
    ['1024Mi', '1Gi'],
    ['2048Ki', '2Mi'],
    ['1e3', '1e3'],
    ['100M', '100M'],
    ['0', '0'],
    ['128974848', '128974848'],
  ])('writes %s back as %s, as the API server does', (input, canonical) => {
    expect(canonicalQuantity(input)).toBe(canonical);
  });

  it('reads cpu as millicores', () => {
    expect(milliCores('250m')).toBe(250);
    expect(milliCores('2')).toBe(2000);
    expect(milliCores('0.1')).toBe(100);
  });

  it('reads memory as bytes', () => {
    expect(quantityValue('1Gi')).toBe(1073741824);
    expect(quantityValue('128Mi')).toBe(134217728);
    expect(quantityValue('1G')).toBe(1e9);
  });

  it('refuses what is not a quantity', () => {
    expect(parseQuantity('abc')).toBeUndefined();
    expect(parseQuantity('1.5 Gi')).toBeUndefined();
    expect(parseQuantity('1Gb')).toBeUndefined();
  });
});
