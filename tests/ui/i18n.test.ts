import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/i18n/en';
import { vi } from '../../src/ui/i18n/vi';
import { i18n, t } from '../../src/ui/i18n/i18n.svelte';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)[}|]/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has every English key in Vietnamese, with the same placeholders', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(vi[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders and chooses plural forms', () => {
    expect(t('cluster.counts', { nodes: 1, pods: 3 })).toBe('1 node · 3 pods');
    expect(t('cluster.counts', { nodes: 270, pods: 1 })).toBe('270 nodes · 1 pod');
    expect(t('editor.closeTab', { name: 'pod.yaml' })).toBe('Close pod.yaml');
  });

  it('switches language once its strings have loaded', async () => {
    await i18n.set('vi');
    expect(i18n.locale).toBe('vi');
    expect(t('cluster.counts', { nodes: 2, pods: 1 })).toBe('2 node · 1 pod');
    await i18n.set('en');
    expect(t('cluster.counts', { nodes: 2, pods: 1 })).toBe('2 nodes · 1 pod');
  });
});
