/**
 * cobra's "Did you mean this?" suggestions (command.go SuggestionsFor): a command is suggested
 * when its name is within Levenshtein distance 2 of what was typed (ignoring case), when its name
 * starts with what was typed, or when it lists the typed word in SuggestFor.
 */
export const SUGGESTIONS_MINIMUM_DISTANCE = 2;

export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = [];
  for (let i = 0; i <= s.length; i++) d.push([i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j++) d[0]![j] = j;
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      if (s[i - 1] === t[j - 1]) d[i]![j] = d[i - 1]![j - 1]!;
      else d[i]![j] = Math.min(d[i - 1]![j]!, d[i]![j - 1]!, d[i - 1]![j - 1]!) + 1;
    }
  }
  return d[s.length]![t.length]!;
}

export interface Suggestible {
  readonly name: string;
  readonly suggestFor?: readonly string[];
}

export function suggestionsFor(typed: string, candidates: readonly Suggestible[]): string[] {
  const out: string[] = [];
  for (const c of candidates) {
    const close = levenshtein(typed, c.name) <= SUGGESTIONS_MINIMUM_DISTANCE;
    const prefix = c.name.toLowerCase().startsWith(typed.toLowerCase());
    const explicit = c.suggestFor?.includes(typed) ?? false;
    if (close || prefix || explicit) out.push(c.name);
  }
  return out;
}

/** The suggestion block cobra appends to "unknown command" errors, or nothing. */
export function suggestionBlock(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  return `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
}
