import type { KubectlCommand } from './command';
import { flagLabel, type FlagSpec } from './flags';
import { GLOBAL_FLAGS } from './global-flags';

/**
 * Help texts in the shape kubectl's templates print them (pkg/util/templates): the long
 * description, Examples, Available Commands, Options (one flag per paragraph, `--name=default:`
 * then the usage on a tab-indented line), Usage, and the pointers to more help.
 */
const OPTIONS_POINTER = 'Use "kubectl options" for a list of global command-line options (applies to all commands).';

export function commandHelp(cmd: KubectlCommand, path: string): string {
  const parts: string[] = [(cmd.long ?? cmd.short).trim()];
  if (cmd.unsupported) parts.push(`Kubelab: ${cmd.unsupported}`);
  if (cmd.examples) parts.push(`Examples:\n${cmd.examples.replace(/\n+$/, '')}`);
  const subs = visible(cmd.subcommands ?? []);
  if (subs.length > 0) parts.push(`Available Commands:\n${commandList(subs, namePadding(subs))}`);
  const flags = (cmd.flags ?? []).filter((f) => !f.hidden);
  if (flags.length > 0) parts.push(`Options:\n${flagList(flags)}`);
  const usage = subs.length > 0 && !cmd.run ? `${path} [flags] [options]` : `${path} ${cmd.use}`.trimEnd();
  parts.push(`Usage:\n  ${usage}`);
  const pointers = subs.length > 0 ? `Use "${path} <command> --help" for more information about a given command.\n${OPTIONS_POINTER}` : OPTIONS_POINTER;
  parts.push(pointers);
  return parts.join('\n\n');
}

/** `kubectl` / `kubectl --help`: the command groups in kubectl's order. */
export function rootHelp(commands: readonly KubectlCommand[]): string {
  const groups = new Map<string, KubectlCommand[]>();
  for (const c of visible(commands)) {
    const g = c.group ?? 'Other Commands:';
    groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  const order = [
    'Basic Commands (Beginner):',
    'Basic Commands (Intermediate):',
    'Deploy Commands:',
    'Cluster Management Commands:',
    'Troubleshooting and Debugging Commands:',
    'Advanced Commands:',
    'Settings Commands:',
    'Other Commands:',
    'Kubelab Commands:',
  ];
  const padding = namePadding(visible(commands));
  const sections = order.filter((g) => groups.has(g)).map((g) => `${g}\n${commandList(groups.get(g)!, padding)}`);
  return [
    'kubectl controls the Kubernetes cluster manager.',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
    ...sections,
    'Usage:\n  kubectl [flags] [options]',
    `Use "kubectl <command> --help" for more information about a given command.\n${OPTIONS_POINTER}`,
  ].join('\n\n');
}

/** `kubectl options`: the global flags. */
export function optionsHelp(): string {
  return `The following options can be passed to any command:\n\n${flagList(GLOBAL_FLAGS)}`;
}

function visible(commands: readonly KubectlCommand[]): KubectlCommand[] {
  return commands.filter((c) => c.group !== undefined || c.short !== '');
}

/**
 * The width of the name column: the longest sibling name (at least cobra's minimum of 11) plus
 * two, which is how kubectl's listings come out (`api-resources   Print…`, `poddisruptionbudget   Create…`).
 */
function namePadding(commands: readonly KubectlCommand[]): number {
  return Math.max(11, ...commands.map((c) => c.name.length)) + 2;
}

function commandList(commands: readonly KubectlCommand[], padding: number): string {
  return commands.map((c) => `  ${c.name.padEnd(padding)} ${c.short}`).join('\n');
}

function flagList(flags: readonly FlagSpec[]): string {
  return flags
    .map((f) => {
      const label = flagLabel(f);
      const def = f.defaultText ?? (f.type === 'bool' ? 'false' : f.type === 'stringArray' ? '[]' : f.type === 'int' ? '0' : "''");
      return `    ${label}=${def}:\n\t${f.usage}`;
    })
    .join('\n\n');
}
