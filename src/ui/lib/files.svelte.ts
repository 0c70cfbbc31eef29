import type { EditRequest } from '../../worker/protocol';
import { WELCOME_MANIFEST } from '../editor/welcome';
import { persisted, readText } from './persist';

export interface EditorFile {
  readonly id: string;
  readonly name: string;
  readonly text: string;
  /** A tab `kubectl edit` opened: applying it saves the edit (Simulation.saveEdit), closing it cancels. */
  readonly edit?: EditRequest;
}

interface SavedFiles {
  readonly files: readonly EditorFile[];
  readonly active: string;
  /** Tabs closed most recently, newest first, so a closed tab can be brought back. */
  readonly closed: readonly EditorFile[];
}

const KEY = 'kubelab.files';
/** The single-file editor's key before tabs existed: its text becomes the first tab. */
const LEGACY_KEY = 'kubelab.editor.text';
const KEEP_CLOSED = 10;

const saved = persisted<SavedFiles | undefined>(KEY, undefined);

function initial(): SavedFiles {
  const s = saved.get();
  if (s && Array.isArray(s.files) && s.files.length > 0) return { files: s.files, active: s.active, closed: s.closed ?? [] };
  const legacy = readText(LEGACY_KEY);
  const text = legacy !== undefined ? (JSON.parse(legacy) as string) : WELCOME_MANIFEST;
  return { files: [{ id: 'f1', name: 'manifest.yaml', text }], active: 'f1', closed: [] };
}

/** A file name the editor accepts: a simple name ending in .yaml or .yml. */
export function normaliseFileName(name: string): string | undefined {
  const trimmed = name.trim();
  if (!/^[\w.-]{1,60}$/.test(trimmed) || trimmed.startsWith('.')) return undefined;
  return /\.ya?ml$/i.test(trimmed) ? trimmed : `${trimmed}.yaml`;
}

/** Pick a name not yet taken: `pod.yaml`, then `pod-2.yaml`, … */
export function uniqueName(wanted: string, taken: readonly string[]): string {
  if (!taken.includes(wanted)) return wanted;
  const base = wanted.replace(/\.ya?ml$/i, '');
  for (let i = 2; ; i++) {
    const name = `${base}-${i}.yaml`;
    if (!taken.includes(name)) return name;
  }
}

/**
 * The editor's files, one tab each, saved on every change so nothing typed is ever lost. Closed
 * tabs are kept (the last ten) and can be reopened.
 */
export class EditorFiles {
  files = $state.raw<readonly EditorFile[]>([]);
  activeId = $state('');
  closed = $state.raw<readonly EditorFile[]>([]);
  private nextId: number;

  constructor() {
    const s = initial();
    this.files = s.files;
    this.activeId = s.files.some((f) => f.id === s.active) ? s.active : s.files[0]!.id;
    this.closed = s.closed;
    this.nextId = Math.max(0, ...[...s.files, ...s.closed].map((f) => Number(f.id.slice(1)) || 0)) + 1;
  }

  get active(): EditorFile {
    return this.files.find((f) => f.id === this.activeId) ?? this.files[0]!;
  }

  open(name: string, text: string, edit?: EditRequest): EditorFile {
    const file = { id: `f${this.nextId++}`, name: uniqueName(name, this.files.map((f) => f.name)), text, ...(edit ? { edit } : {}) };
    this.files = [...this.files, file];
    this.activeId = file.id;
    this.save();
    return file;
  }

  /** The files by name, as `kubectl apply -f <name>` reads them in the terminal. */
  byName(): Record<string, string> {
    return Object.fromEntries(this.files.map((f) => [f.name, f.text]));
  }

  activate(id: string): void {
    if (!this.files.some((f) => f.id === id)) return;
    this.activeId = id;
    this.save();
  }

  setText(id: string, text: string): void {
    this.files = this.files.map((f) => (f.id === id ? { ...f, text } : f));
    this.save();
  }

  /** A failed `kubectl edit` save: the tab shows the edit again, with the reasons in its header. */
  reopenEdit(id: string, edit: EditRequest): void {
    this.files = this.files.map((f) => (f.id === id ? { ...f, text: edit.text, edit } : f));
    this.save();
  }

  /**
   * A `kubectl edit` tab whose edit is over (saved or cancelled): it goes, as kubectl's editor
   * closes, and is not kept for reopening. The last tab stays, as a plain file.
   */
  finishEdit(id: string): void {
    if (this.files.length === 1) {
      this.files = this.files.map((f) => (f.id === id ? { id: f.id, name: f.name, text: f.text } : f));
    } else {
      const index = this.files.findIndex((f) => f.id === id);
      this.files = this.files.filter((f) => f.id !== id);
      if (this.activeId === id) this.activeId = (this.files[index] ?? this.files[index - 1] ?? this.files[0])!.id;
    }
    this.save();
  }

  /** Rename a tab; returns false (and changes nothing) for a name that is not a YAML file name. */
  rename(id: string, name: string): boolean {
    const clean = normaliseFileName(name);
    if (!clean) return false;
    const taken = this.files.filter((f) => f.id !== id).map((f) => f.name);
    this.files = this.files.map((f) => (f.id === id ? { ...f, name: uniqueName(clean, taken) } : f));
    this.save();
    return true;
  }

  /** Close a tab, keeping its text among the recently closed. The last tab is never closed. */
  close(id: string): EditorFile | undefined {
    const index = this.files.findIndex((f) => f.id === id);
    if (index < 0 || this.files.length === 1) return undefined;
    const file = this.files[index]!;
    this.files = this.files.filter((f) => f.id !== id);
    this.closed = [file, ...this.closed].slice(0, KEEP_CLOSED);
    if (this.activeId === id) this.activeId = (this.files[index] ?? this.files[index - 1])!.id;
    this.save();
    return file;
  }

  reopen(id = this.closed[0]?.id): void {
    const file = this.closed.find((f) => f.id === id);
    if (!file) return;
    this.closed = this.closed.filter((f) => f.id !== id);
    this.files = [...this.files, { ...file, name: uniqueName(file.name, this.files.map((f) => f.name)) }];
    this.activeId = file.id;
    this.save();
  }

  private save(): void {
    saved.set({ files: this.files, active: this.activeId, closed: this.closed });
  }
}
