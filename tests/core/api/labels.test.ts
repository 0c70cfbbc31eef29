import { describe, expect, it } from 'vitest';
import { formatSelector, matchesAll, parseSelector, selectorMatches } from '../../../src/core/api/labels';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'frontend', version: '3' };

  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app=web,tier=frontend', true],
    ['tier in (frontend,backend)', true],
    ['tier notin (frontend)', false],
    ['app', true],
    ['!app', false],
    ['missing', false],
    ['!missing', true],
    ['version>2', true],
    ['version<2', false],
  ])('%s matches app=web,tier=frontend,version=3: %s', (selector, expected) => {
    expect(matchesAll(parseSelector(selector), labels)).toBe(expected);
  });

  it('treats a missing selector as selecting nothing and an empty one as selecting everything', () => {
    expect(selectorMatches(undefined, labels)).toBe(false);
    expect(selectorMatches({}, labels)).toBe(true);
  });

  it('combines matchLabels and matchExpressions', () => {
    const sel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend'] }] };
    expect(selectorMatches(sel, labels)).toBe(false);
    expect(formatSelector(sel)).toBe('app=web,tier in (backend)');
  });

  it('reports a malformed selector', () => {
    expect(() => parseSelector('app=web,')).toThrow();
    expect(() => parseSelector('app web')).toThrow(/expected/);
  });
});
