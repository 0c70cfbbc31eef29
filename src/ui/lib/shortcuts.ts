import type { MessageKey } from '../i18n/en';

/** What a shortcut does; the App maps each to an action. */
export type ShortcutAction =
  | 'apply'
  | 'playPause'
  | 'step'
  | 'fastForward'
  | 'slower'
  | 'faster'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomFit'
  | 'tableView'
  | 'events'
  | 'terminal'
  | 'focusTerminal'
  | 'inspector'
  | 'metrics'
  | 'help'
  | 'focusCluster'
  | 'focusEditor';

export interface Shortcut {
  /** Keys as the help dialog shows them. */
  readonly keys: string;
  readonly action: ShortcutAction;
  readonly description: MessageKey;
  /** Single-character shortcuts can be turned off (WCAG 2.1.4); modified ones always work. */
  readonly single: boolean;
  readonly matches: (e: KeyboardEvent) => boolean;
}

const key = (k: string) => (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey && e.key === k;

/** Every keyboard shortcut, as data: the handler and the help dialog both read this table. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl+Enter', action: 'apply', description: 'shortcut.apply', single: false, matches: (e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter' },
  { keys: 'Ctrl+M', action: 'focusEditor', description: 'shortcut.tabTrap', single: false, matches: () => false },
  { keys: 'P', action: 'playPause', description: 'shortcut.playPause', single: true, matches: key('p') },
  { keys: '.', action: 'step', description: 'shortcut.step', single: true, matches: key('.') },
  { keys: 'F', action: 'fastForward', description: 'shortcut.fastForward', single: true, matches: key('f') },
  { keys: '[  ]', action: 'slower', description: 'shortcut.speed', single: true, matches: key('[') },
  { keys: ']', action: 'faster', description: 'shortcut.speed', single: true, matches: key(']') },
  { keys: '+  −', action: 'zoomIn', description: 'shortcut.zoom', single: true, matches: (e) => key('+')(e) || key('=')(e) },
  { keys: '−', action: 'zoomOut', description: 'shortcut.zoom', single: true, matches: key('-') },
  { keys: '0', action: 'zoomFit', description: 'shortcut.zoomFit', single: true, matches: key('0') },
  { keys: 'T', action: 'tableView', description: 'shortcut.tableView', single: true, matches: key('t') },
  { keys: 'G', action: 'focusCluster', description: 'shortcut.focusCluster', single: true, matches: key('g') },
  { keys: 'E', action: 'focusEditor', description: 'shortcut.focusEditor', single: true, matches: key('e') },
  // Ctrl+` opens the terminal in VS Code too; it works while typing, in the editor included.
  { keys: 'Ctrl+`', action: 'focusTerminal', description: 'shortcut.focusTerminal', single: false, matches: (e) => e.ctrlKey && !e.altKey && (e.key === '`' || e.code === 'Backquote') },
  { keys: '1', action: 'events', description: 'shortcut.events', single: true, matches: key('1') },
  { keys: '2', action: 'terminal', description: 'shortcut.terminal', single: true, matches: key('2') },
  { keys: '3', action: 'inspector', description: 'shortcut.inspector', single: true, matches: key('3') },
  { keys: '4', action: 'metrics', description: 'shortcut.metrics', single: true, matches: key('4') },
  { keys: '?', action: 'help', description: 'shortcut.help', single: true, matches: key('?') },
];

/** Shortcuts listed in the help dialog: one row per description. */
export const HELP_ROWS = SHORTCUTS.filter((s, i) => SHORTCUTS.findIndex((o) => o.description === s.description) === i);

/** Typing in a field (or the editor) must never trigger a single-key shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.closest) return false;
  return !!el.closest('input, textarea, select, [contenteditable="true"], .monaco-editor, [role="menu"], dialog');
}

/** The action a key press asks for, if any. */
export function shortcutFor(e: KeyboardEvent, singleKeys: boolean): ShortcutAction | undefined {
  const typing = isTyping(e.target);
  for (const s of SHORTCUTS) {
    if (!s.matches(e)) continue;
    if (s.single && (!singleKeys || typing)) return undefined;
    return s.action;
  }
  return undefined;
}
