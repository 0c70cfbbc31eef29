import { describe, expect, it } from 'vitest';
import { CommandHistory, HISTORY_LIMIT } from '../../../src/ui/terminal/history';

describe('terminal history', () => {
  it('walks back and forth and returns to the line being typed', () => {
    const h = new CommandHistory();
    h.push('kubectl get pods');
    h.push('kubectl get nodes');
    expect(h.up('kubectl des')).toBe('kubectl get nodes');
    expect(h.up('ignored')).toBe('kubectl get pods');
    expect(h.up('ignored')).toBeUndefined();
    expect(h.down()).toBe('kubectl get nodes');
    expect(h.down()).toBe('kubectl des');
    expect(h.down()).toBeUndefined();
  });

  it('skips blank lines and consecutive duplicates, caps the list and persists it', () => {
    let saved: string[] = ['kubectl version'];
    const store = { get: () => saved, set: (e: string[]) => (saved = [...e]) };
    const h = new CommandHistory(store);
    h.push('  ');
    h.push('kubectl version');
    h.push('kubectl get pods');
    expect(saved).toEqual(['kubectl version', 'kubectl get pods']);
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) h.push(`kubectl get pod p${i}`);
    expect(h.all()).toHaveLength(HISTORY_LIMIT);
    expect(new CommandHistory(store).up('')).toBe(`kubectl get pod p${HISTORY_LIMIT + 9}`);
  });

  it('ignores a corrupted store', () => {
    expect(new CommandHistory({ get: () => 'nonsense' as unknown as string[], set: () => {} }).all()).toEqual([]);
  });
});
