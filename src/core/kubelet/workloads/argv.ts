import type { Container } from 'kubernetes-types/core/v1';
import type { ImageConfig } from '../images/registry';
import { CATALOGUE, ENTRYPOINT_ONLY, GENERIC, SHELLS, WRAPPER_ENTRYPOINTS, type WorkloadEntry } from './catalogue';

/**
 * The command line a container runs, as the runtime builds it: `command` replaces the image's
 * ENTRYPOINT (and then its CMD is ignored), `args` replaces CMD.
 */
export function resolveArgv(config: ImageConfig, container: Container): string[] {
  if (container.command?.length) return [...container.command, ...(container.args ?? [])];
  if (container.args?.length) return [...config.entrypoint, ...container.args];
  return [...config.entrypoint, ...config.cmd];
}

export const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The argv after entrypoint wrappers that exec their arguments (docker-entrypoint.sh nginx … → nginx …). */
export function effectiveArgv(argv: readonly string[]): string[] {
  const out = [...argv];
  while (out.length > 0 && WRAPPER_ENTRYPOINTS.includes(basename(out[0]!))) out.shift();
  return out;
}

/**
 * The catalogue entry for a command line (`raw` as built from the image and the pod, `argv` after
 * wrappers) in an image; GENERIC when nothing matches.
 */
export function findWorkload(raw: readonly string[], argv: readonly string[], repository: string): WorkloadEntry {
  const program = argv[0] === undefined ? undefined : basename(argv[0]);
  if (program === undefined) return raw.length > 0 ? ENTRYPOINT_ONLY : GENERIC;
  for (const entry of CATALOGUE) {
    if (!entry.programs.includes(program)) continue;
    if (entry.images && !entry.images.includes(repository)) continue;
    if (entry.noArgs && argv.length > 1) continue;
    if (entry.argsInclude && !entry.argsInclude.every((a) => argv.includes(a))) continue;
    return entry;
  }
  return GENERIC;
}

/**
 * Why the runtime cannot start this command line, in runc's words, or undefined. An image
 * without a shell cannot run `sh -c`.
 */
export function startError(argv: readonly string[], config: ImageConfig): string | undefined {
  const program = argv[0];
  if (program === undefined) return undefined;
  if (SHELLS.includes(basename(program)) && !config.shell) {
    return `exec: "${program}": executable file not found in $PATH`;
  }
  return undefined;
}
