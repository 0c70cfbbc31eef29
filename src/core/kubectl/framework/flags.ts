/**
 * Command-line flags parsed the way kubectl's flag library (spf13/pflag) parses them, with its
 * error wording: `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, grouped
 * boolean shorthands (`-it`), `--` to end the flags, and flags anywhere among the arguments.
 */
export type FlagType = 'bool' | 'string' | 'int' | 'stringArray';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  /** The default as kubectl's help prints it (`[]`, `-1`, `'default'`); omitted for empty defaults. */
  readonly defaultText?: string;
  readonly usage: string;
  /** Hidden flags parse but are not listed in help (deprecated spellings). */
  readonly hidden?: boolean;
}

export type FlagValue = string | number | boolean | readonly string[];

export interface ParsedArgs {
  readonly positional: readonly string[];
  /** Arguments after `--` (kubectl exec … -- cmd). */
  readonly afterDash: readonly string[] | undefined;
  readonly values: ReadonlyMap<string, FlagValue>;
}

/** A pflag error message, before kubectl adds `error: ` and the `See 'kubectl … --help'` line. */
export class FlagError extends Error {}

export function flagLabel(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

/** Parse `args` against `specs`. Throws FlagError with pflag's message. */
export function parseFlags(args: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const positional: string[] = [];
  const values = new Map<string, FlagValue>();
  let afterDash: string[] | undefined;

  const set = (spec: FlagSpec, raw: string): void => {
    switch (spec.type) {
      case 'bool': {
        const b = parseGoBool(raw);
        if (b === undefined) throw new FlagError(`invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(flagLabel(spec))} flag: strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
        values.set(spec.name, b);
        return;
      }
      case 'int': {
        if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument ${JSON.stringify(raw)} for ${JSON.stringify(flagLabel(spec))} flag: strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
        values.set(spec.name, Number.parseInt(raw, 10));
        return;
      }
      case 'stringArray':
        values.set(spec.name, [...((values.get(spec.name) as string[] | undefined) ?? []), raw]);
        return;
      case 'string':
        values.set(spec.name, raw);
    }
  };

  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      afterDash = args.slice(i + 1) as string[];
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    if (a.startsWith('--')) {
      const body = a.slice(2);
      if (body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${a}`);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, body.slice(eq + 1));
      else if (spec.type === 'bool') values.set(spec.name, true);
      else if (i + 1 < args.length) set(spec, args[++i]!);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    // Shorthands: -abc is -a -b -c while they are booleans; a value flag takes the rest or the next argument.
    let rest = a.slice(1);
    while (rest.length > 0) {
      const c = rest[0]!;
      const spec = byShort.get(c);
      if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
      rest = rest.slice(1);
      if (rest.startsWith('=')) {
        set(spec, rest.slice(1));
        rest = '';
      } else if (spec.type === 'bool') {
        values.set(spec.name, true);
      } else if (rest.length > 0) {
        set(spec, rest);
        rest = '';
      } else if (i + 1 < args.length) {
        set(spec, args[++i]!);
      } else {
        throw new FlagError(`flag needs an argument: '${c}' in ${a}`);
      }
    }
  }
  return { positional, afterDash, values };
}

/** Go's strconv.ParseBool. */
function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** Typed access to parsed flag values with their defaults. */
export class Flags {
  constructor(private readonly parsed: ParsedArgs) {}

  get positional(): readonly string[] {
    return this.parsed.positional;
  }

  get afterDash(): readonly string[] | undefined {
    return this.parsed.afterDash;
  }

  has(name: string): boolean {
    return this.parsed.values.has(name);
  }

  string(name: string, fallback = ''): string {
    const v = this.parsed.values.get(name);
    return typeof v === 'string' ? v : fallback;
  }

  bool(name: string, fallback = false): boolean {
    const v = this.parsed.values.get(name);
    return typeof v === 'boolean' ? v : fallback;
  }

  int(name: string, fallback: number): number {
    const v = this.parsed.values.get(name);
    return typeof v === 'number' ? v : fallback;
  }

  strings(name: string): readonly string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }
}
