export interface YamlToken {
  readonly text: string;
  readonly kind: 'key' | 'string' | 'number' | 'plain' | 'comment';
}

/**
 * Colour one line of YAML as printed by the core (block style, one key per line): a light
 * tokenizer for the read-only view, so it needs no editor.
 */
export function yamlTokens(line: string): YamlToken[] {
  const m = /^(\s*(?:- )*)([^:#'"]+?:)(\s|$)(.*)$/.exec(line);
  if (!m) return valueTokens(line);
  const [, indent, key, space, rest] = m as unknown as [string, string, string, string, string];
  return [{ text: indent, kind: 'plain' }, { text: key, kind: 'key' }, { text: space, kind: 'plain' }, ...valueTokens(rest)];
}

function valueTokens(text: string): YamlToken[] {
  if (!text) return [];
  const lead = /^(\s*(?:- )*)(.*)$/.exec(text)!;
  const indent = lead[1] ?? '';
  const value = lead[2] ?? '';
  const kind = value.startsWith('#') ? 'comment' : /^-?\d+(\.\d+)?$/.test(value) || /^(true|false|null)$/.test(value) ? 'number' : value ? 'string' : 'plain';
  return [
    ...(indent ? [{ text: indent, kind: 'plain' as const }] : []),
    { text: value, kind },
  ];
}
