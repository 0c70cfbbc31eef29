import type { KubectlHost } from '../host';
import type { FlagSpec, Flags } from './flags';
import type { KubectlResult } from './result';

/** What a command runs with: the host, its parsed flags and positional arguments, and stdin. */
export interface CommandContext {
  readonly host: KubectlHost;
  readonly flags: Flags;
  readonly args: readonly string[];
  /** `-n` or the context's namespace (`default`). */
  readonly namespace: string;
  /** Whether `-n` was given (kubectl's enforceNamespace). */
  readonly namespaceExplicit: boolean;
  readonly stdin: string;
  /** `kubectl create deployment`: the path kubectl prints in usage errors. */
  readonly path: string;
}

/** The groups of `kubectl --help`, in kubectl's order (pkg/cmd/cmd.go). */
export type CommandGroup =
  | 'Basic Commands (Beginner):'
  | 'Basic Commands (Intermediate):'
  | 'Deploy Commands:'
  | 'Cluster Management Commands:'
  | 'Troubleshooting and Debugging Commands:'
  | 'Advanced Commands:'
  | 'Settings Commands:'
  | 'Other Commands:'
  /** Kubelab's own additions, listed apart so nobody mistakes them for kubectl's. */
  | 'Kubelab Commands:';

/**
 * One kubectl command, modelled on a cobra.Command: its name, help texts (in our words, in
 * kubectl's shape), flags, subcommands and what it does.
 */
export interface KubectlCommand {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Typos that should suggest this command even beyond the edit distance (cobra SuggestFor). */
  readonly suggestFor?: readonly string[];
  readonly group?: CommandGroup;
  readonly short: string;
  readonly long?: string;
  readonly examples?: string;
  /** The usage line after the command path, e.g. `NAME [options]`. */
  readonly use: string;
  readonly flags?: readonly FlagSpec[];
  readonly subcommands?: readonly KubectlCommand[];
  /** Why a real kubectl command is not emulated; running it says so instead of pretending. */
  readonly unsupported?: string;
  run?(ctx: CommandContext): KubectlResult;
}
