import { describe, expect, it } from 'vitest';
import { HELP_ROWS, SHORTCUTS, shortcutFor } from '../../src/ui/lib/shortcuts';

const key = (k: string, extra: Partial<KeyboardEvent> = {}, target: unknown = null) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target, ...extra }) as unknown as KeyboardEvent;

const inside = (selector: string) => ({ closest: (s: string) => (s.split(',').some((x) => x.trim() === selector) ? {} : null) });

describe('keyboard shortcuts', () => {
  it('map keys to actions', () => {
    expect(shortcutFor(key('p'), true)).toBe('playPause');
    expect(shortcutFor(key('?', { shiftKey: true }), true)).toBe('help');
    expect(shortcutFor(key('Enter', { ctrlKey: true }), true)).toBe('apply');
    expect(shortcutFor(key('x'), true)).toBeUndefined();
  });

  it('never fire single keys while the user types, and can be turned off', () => {
    expect(shortcutFor(key('p', {}, inside('input')), true)).toBeUndefined();
    expect(shortcutFor(key('p', {}, inside('.monaco-editor')), true)).toBeUndefined();
    expect(shortcutFor(key('p'), false)).toBeUndefined();
    // Ctrl+Enter is not a single key: it stays on.
    expect(shortcutFor(key('Enter', { ctrlKey: true }), false)).toBe('apply');
    // Ctrl+` reaches the terminal from anywhere, the editor included.
    expect(shortcutFor(key('`', { ctrlKey: true }, inside('.monaco-editor')), false)).toBe('focusTerminal');
    expect(shortcutFor(key('2'), true)).toBe('terminal');
  });

  it('list every action in the help dialog once per description', () => {
    const descriptions = SHORTCUTS.map((s) => s.description);
    expect(HELP_ROWS.map((s) => s.description)).toEqual([...new Set(descriptions)]);
  });
});
