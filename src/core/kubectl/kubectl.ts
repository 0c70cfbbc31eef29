import { COMMANDS } from './commands';
import type { CommandContext, KubectlCommand } from './framework/command';
import { FlagError, Flags, parseFlags, type FlagSpec } from './framework/flags';
import { GLOBAL_FLAGS, HELP_FLAG, KUBECONFIG, REFUSED_GLOBAL_FLAGS } from './framework/global-flags';
import { commandHelp, optionsHelp, rootHelp } from './framework/help';
import { CommandError, fail, ok, type KubectlResult } from './framework/result';
import { suggestionBlock, suggestionsFor } from './framework/suggest';
import { tokenize } from './framework/tokenize';
import type { KubectlHost } from './host';

export type { KubectlHost } from './host';
export type { KubectlResult } from './framework/result';

/**
 * `kubectl <args>` over the simulation, dispatched as cobra does: find the (sub)command from the
 * leading words, parse its flags and the global ones, then run it. `stdin` is the text piped in
 * (`apply -f -`).
 */
export function runKubectl(host: KubectlHost, line: string, stdin = ''): KubectlResult {
  const { words, error } = tokenize(line.trim());
  if (error) return fail(`error: ${error}`);
  if (words[0] === 'kubectl') words.shift();
  return dispatch(host, words, stdin);
}

/** The command a line names and the words left for its flags and arguments. */
export interface FoundCommand {
  readonly command: KubectlCommand | undefined;
  readonly path: string;
  readonly rest: readonly string[];
  /** The first word that was not a command, when no command matched at the root. */
  readonly unknown?: string;
}

export function findCommand(words: readonly string[]): FoundCommand {
  let level: readonly KubectlCommand[] = COMMANDS;
  let command: KubectlCommand | undefined;
  let path = 'kubectl';
  const rest: string[] = [];
  let descending = true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      rest.push(...words.slice(i));
      break;
    }
    if (w.startsWith('-') && w !== '-') {
      rest.push(w);
      if (!w.includes('=') && takesValue(w, [...(command?.flags ?? []), ...GLOBAL_FLAGS]) && i + 1 < words.length) rest.push(words[++i]!);
      continue;
    }
    const sub = descending ? level.find((c) => c.name === w || c.aliases?.includes(w)) : undefined;
    if (sub) {
      command = sub;
      path += ` ${sub.name}`;
      level = sub.subcommands ?? [];
      continue;
    }
    if (!command) return { command, path, rest, unknown: w };
    descending = false;
    rest.push(w);
  }
  return { command, path, rest };
}

function takesValue(word: string, flags: readonly FlagSpec[]): boolean {
  const spec = word.startsWith('--') ? flags.find((f) => f.name === word.slice(2)) : flags.find((f) => f.short === word.slice(-1) && word.length === 2);
  return spec !== undefined && spec.type !== 'bool';
}

function dispatch(host: KubectlHost, words: readonly string[], stdin: string): KubectlResult {
  if (words[0] === 'help') return help(words.slice(1));
  const found = findCommand(words);
  if (found.unknown !== undefined) {
    return fail(`error: unknown command ${JSON.stringify(found.unknown)} for "kubectl"${suggestionBlock(suggestionsFor(found.unknown, [...COMMANDS].sort((a, b) => (a.name < b.name ? -1 : 1))))}`.replace(/\n$/, ''));
  }
  const command = found.command;
  const specs = [...(command?.flags ?? []), ...GLOBAL_FLAGS.filter((g) => !command?.flags?.some((f) => f.name === g.name)), HELP_FLAG];
  let flags: Flags;
  try {
    flags = new Flags(parseFlags(found.rest, specs));
  } catch (e) {
    if (e instanceof FlagError) return fail(`error: ${e.message}\nSee '${found.path} --help' for usage.`);
    throw e;
  }
  if (!command) return ok(rootHelp(COMMANDS));
  if (flags.bool('help')) return ok(commandHelp(command, found.path));

  const globalProblem = checkGlobalFlags(flags);
  if (globalProblem) return globalProblem;
  if (command.unsupported) return fail(`error: "${found.path}" is not supported by Kubelab yet: ${command.unsupported}`);
  if (!command.run) {
    if (flags.positional.length > 0) return fail(`error: unknown command ${JSON.stringify(flags.positional.join(' '))}\nSee '${found.path} -h' for help and examples`);
    return ok(commandHelp(command, found.path));
  }
  const ctx: CommandContext = {
    host,
    flags,
    args: flags.positional,
    namespace: flags.string('namespace') || 'default',
    namespaceExplicit: flags.has('namespace'),
    stdin,
    path: found.path,
  };
  try {
    return command.run(ctx);
  } catch (e) {
    if (e instanceof CommandError) return e.result;
    throw e;
  }
}

/** `kubectl help [command…]` prints that command's help. */
function help(words: readonly string[]): KubectlResult {
  if (words.length === 0) return ok(rootHelp(COMMANDS));
  const found = findCommand(words);
  if (!found.command || found.unknown !== undefined) {
    return ok(`Unknown help topic ${JSON.stringify(words)}\n${rootHelp(COMMANDS)}`);
  }
  return ok(commandHelp(found.command, found.path));
}

/** The kubeconfig flags: the one context is accepted, other clusters and credentials are refused clearly. */
function checkGlobalFlags(flags: Flags): KubectlResult | undefined {
  const context = flags.string('context');
  if (context !== '' && context !== KUBECONFIG.context) return fail(`error: context was not found for specified context: ${context}`);
  for (const name of REFUSED_GLOBAL_FLAGS) {
    if (flags.has(name)) return fail(`error: --${name} is not supported by Kubelab: the playground has one cluster, and you are its admin`);
  }
  return undefined;
}

export { optionsHelp };
