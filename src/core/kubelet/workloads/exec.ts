import { basename } from './argv';
import { SHELLS } from './catalogue';
import { spawnFor } from './interpreter';
import type { ProcessEnv } from './process';
import { COMMANDS } from './shell/commands';
import { Shell, ShellExit } from './shell/interpreter';

/**
 * Running a command inside a container, as exec probes and exec lifecycle hooks do: it runs to
 * completion (or until its timeout) at once, its combined output captured, its effects on the
 * container's files and main process applied.
 */
export interface ExecResult {
  readonly exitCode: number;
  readonly output: string;
  readonly durationMs: number;
  readonly timedOut: boolean;
  /** The runtime could not start it: runc's message. */
  readonly startError?: string;
}

/** An exec that never returns is cut off here even without a timeout (hooks have none). */
const MAX_EXEC_MS = 24 * 3_600_000;

export function runExec(command: readonly string[], env: ProcessEnv, timeoutMs = MAX_EXEC_MS): ExecResult {
  if (command.length === 0) return { exitCode: 1, output: '', durationMs: 0, timedOut: false, startError: 'no command specified' };
  const program = basename(command[0]!);
  const spawn = spawnFor(env);
  if (!COMMANDS[program] && !spawn(command)) {
    return {
      exitCode: 127,
      output: '',
      durationMs: 0,
      timedOut: false,
      startError: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0]}": executable file not found in $PATH: unknown`,
    };
  }
  const buf: string[] = [];
  const sh = new Shell(env, program === 'bash' ? 'bash' : 'sh', { term: false }, spawn);
  sh.captureInto(buf);
  const script = SHELLS.includes(program) && command[1] === '-c' ? command[2] : undefined;
  const steps = (function* () {
    try {
      return script !== undefined ? yield* sh.runScript(script) : yield* sh.exec(command);
    } catch (e) {
      if (e instanceof ShellExit) return e.code;
      throw e;
    }
  })();
  let elapsed = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { exitCode: r.value, output: buf.join(''), durationMs: elapsed, timedOut: false };
    const { afterMs, event } = r.value;
    if (event.kind === 'exit') return { exitCode: event.code, output: buf.join(''), durationMs: elapsed + afterMs, timedOut: false };
    if (elapsed + afterMs > timeoutMs) return { exitCode: -1, output: buf.join(''), durationMs: timeoutMs, timedOut: true };
    elapsed += afterMs;
  }
}
