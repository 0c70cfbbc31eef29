import type { CommandContext } from '../framework/command';
import { CommandError, fail } from '../framework/result';

/** One manifest source: its name as kubectl reports it, and its text. */
export interface ManifestSource {
  readonly name: string;
  readonly text: string;
}

/**
 * The -f arguments: `-` is standard input (a heredoc pasted into the terminal), any other name
 * is a file open in the editor, which the host passes in.
 */
export function readManifestSources(ctx: CommandContext, files: readonly string[]): ManifestSource[] {
  return files.map((name) => {
    if (name === '-') return { name: 'STDIN', text: ctx.stdin };
    if (/^https?:\/\//.test(name)) throw new CommandError(fail(`error: reading manifests from a URL (${name}) is not supported by Kubelab: open the file in the editor and apply it by name`));
    const text = ctx.host.readFile?.(name);
    if (text === undefined) throw new CommandError(fail(`error: the path ${JSON.stringify(name)} does not exist`));
    return { name, text };
  });
}
