import type { EditRequest } from '../edit/session';
import type { LogFollowRequest } from '../logs/follow';
import type { WatchRequest } from '../watch/request';

export interface KubectlResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** Whether the command changed the cluster (and so belongs in the command log). */
  readonly mutated: boolean;
  /**
   * Set by `get --watch`: the command keeps streaming after its first output, until the user
   * presses Ctrl+C. Plain data, so it crosses the worker boundary; `openWatch` turns it into lines.
   */
  readonly watch?: WatchRequest;
  /** Set by `kubectl logs -f`: the log goes on streaming as the simulation runs, until Ctrl+C. */
  readonly follow?: LogFollowRequest;
  /**
   * Set by `kubectl edit`: the text to open in an editor tab; saving it goes to
   * `Simulation.saveEdit(edit, text)`.
   */
  readonly edit?: EditRequest;
  /**
   * The output in the order it was printed, when stdout and stderr interleave (drain's warnings
   * and retries between its progress lines); stdout and stderr hold the same text by stream.
   */
  readonly lines?: readonly OutputLine[];
  /** Set by `kubectl debug node/<name> -it`: the terminal enters a shell on that node. */
  readonly nodeShell?: { readonly node: string };
}

export interface OutputLine {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export const ok = (stdout: string, mutated = false): KubectlResult => ({ stdout, stderr: '', exitCode: 0, mutated });

/** A failed command: kubectl exits 1 and prints to stderr. */
export const fail = (stderr: string, mutated = false, stdout = ''): KubectlResult => ({ stdout, stderr, exitCode: 1, mutated });

/** Join output lines, dropping empty pieces, as several writes to one stream would appear. */
export function joinLines(parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join('\n');
}

/**
 * An error kubectl reports with cmdutil.UsageErrorf: the message, then where to find help.
 */
export function usageError(commandPath: string, message: string): KubectlResult {
  return fail(`error: ${message}\nSee '${commandPath} -h' for help and examples`);
}

/** A thrown failure inside a command, turned into a result by the dispatcher. */
export class CommandError extends Error {
  constructor(
    readonly result: KubectlResult,
  ) {
    super(result.stderr);
  }
}
