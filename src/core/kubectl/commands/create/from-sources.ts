import type { CommandContext } from '../../framework/command';
import { CommandError, fail } from '../../framework/result';

/**
 * The key/value sources of `create configmap` and `create secret generic`: --from-literal,
 * --from-file (a file open in the editor, optionally `key=name`) and --from-env-file, with
 * kubectl's checks and wording (pkg/cmd/util/configmap and secret helpers).
 */
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

function checkKey(key: string, kind: 'ConfigMap' | 'Secret'): void {
  if (key.length > 253 || !CONFIG_KEY.test(key)) {
    throw new CommandError(
      fail(
        `error: ${JSON.stringify(key)} is not a valid key name for a ${kind}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
      ),
    );
  }
}

export function collectSources(ctx: CommandContext, kind: 'ConfigMap' | 'Secret', name: string): Record<string, string> {
  const data: Record<string, string> = {};
  const add = (key: string, value: string): void => {
    checkKey(key, kind);
    if (key in data) throw new CommandError(fail(`error: cannot add key ${key}, another key by that name already exists in ${kind === 'ConfigMap' ? 'Data' : 'data'} for ${kind} ${JSON.stringify(name)}`));
    data[key] = value;
  };
  for (const literal of ctx.flags.strings('from-literal')) {
    const eq = literal.indexOf('=');
    if (eq <= 0) throw new CommandError(fail(`error: invalid literal source ${literal}, expected key=value`));
    add(literal.slice(0, eq), stripQuotes(literal.slice(eq + 1)));
  }
  for (const source of ctx.flags.strings('from-file')) {
    const eq = source.indexOf('=');
    const key = eq > 0 ? source.slice(0, eq) : source.split('/').pop()!;
    const file = eq > 0 ? source.slice(eq + 1) : source;
    const text = ctx.host.readFile?.(file);
    if (text === undefined) throw new CommandError(fail(`error: error reading ${file}: no such file or directory`));
    add(key, text);
  }
  for (const file of ctx.flags.strings('from-env-file')) {
    const text = ctx.host.readFile?.(file);
    if (text === undefined) throw new CommandError(fail(`error: error reading ${file}: no such file or directory`));
    text.split('\n').forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const eq = line.indexOf('=');
      if (eq <= 0) throw new CommandError(fail(`error: ${JSON.stringify(line)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (line ${i + 1})`));
      add(line.slice(0, eq), line.slice(eq + 1));
    });
  }
  return data;
}

/** kubectl trims one pair of surrounding quotes from literal values. */
function stripQuotes(v: string): string {
  return v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) ? v.slice(1, -1) : v;
}
