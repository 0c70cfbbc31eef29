/**
 * Command history as a shell keeps it: Up walks back from the newest entry, Down walks forward
 * and finally returns to the line being typed (the draft), consecutive duplicates and blank
 * lines are not stored, and the list is capped. Storage is injected so it persists across visits.
 */
export interface HistoryStore {
  get(): string[];
  set(entries: string[]): void;
}

export const HISTORY_LIMIT = 500;

export class CommandHistory {
  private entries: string[];
  /** Index into entries while browsing; entries.length means "at the draft". */
  private cursor: number;
  private draft = '';

  constructor(private readonly store?: HistoryStore) {
    const saved = store?.get();
    this.entries = Array.isArray(saved) ? saved.filter((e) => typeof e === 'string').slice(-HISTORY_LIMIT) : [];
    this.cursor = this.entries.length;
  }

  all(): readonly string[] {
    return this.entries;
  }

  /** Record a line that was run, and stop browsing. */
  push(line: string): void {
    const trimmed = line.trim();
    if (trimmed !== '' && this.entries[this.entries.length - 1] !== line) {
      this.entries.push(line);
      if (this.entries.length > HISTORY_LIMIT) this.entries.splice(0, this.entries.length - HISTORY_LIMIT);
      this.store?.set(this.entries);
    }
    this.cursor = this.entries.length;
    this.draft = '';
  }

  /** The previous entry, remembering `current` as the draft when leaving it. Undefined at the oldest. */
  up(current: string): string | undefined {
    if (this.cursor === 0) return undefined;
    if (this.cursor === this.entries.length) this.draft = current;
    this.cursor--;
    return this.entries[this.cursor];
  }

  /** The next entry, or the draft after the newest. Undefined when already at the draft. */
  down(): string | undefined {
    if (this.cursor >= this.entries.length) return undefined;
    this.cursor++;
    return this.cursor === this.entries.length ? this.draft : this.entries[this.cursor];
  }

  /** Stop browsing (e.g. after Ctrl+C). */
  reset(): void {
    this.cursor = this.entries.length;
    this.draft = '';
  }
}
