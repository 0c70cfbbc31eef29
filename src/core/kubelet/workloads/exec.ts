import { basename } from './argv';
import { SHELLS } from './catalogue';
import { spawnFor } from './interpreter';
import type { ProcessEnv } from './process';
import { COMMANDS } from './shell/commands';
import { type OutputChunk, Shell, ShellExit } from './shell/interpreter';

/**
 * Running a command inside a container, as exec probes and exec lifecycle hooks do: it runs to
 * completion (or until its timeout) at once, its combined output captured, its effects on the
 * container's files and main process applied.
 */
export interface ExecResult {
  readonly exitCode: number;
  /** stdout and stderr together, as probe and hook messages quote them. */
  readonly output: string;
  /** The same output by stream, in the order it was written (what `kubectl exec` relays). */
  readonly chunks: readonly OutputChunk[];
  readonly durationMs: number;
  readonly timedOut: boolean;
  /** The runtime could not start it: runc's message. */
  readonly startError?: string;
}

/** An exec that never returns is cut off here even without a timeout (hooks have none). */
const MAX_EXEC_MS = 24 * 3_600_000;

export function runExec(command: readonly string[], env: ProcessEnv, timeoutMs = MAX_EXEC_MS): ExecResult {
  if (command.length === 0) return { exitCode: 1, output: '', chunks: [], durationMs: 0, timedOut: false, startError: 'no command specified' };
  const program = basename(command[0]!);
  const spawn = spawnFor(env);
  // An image without a shell (distroless, pause) has none of the shell's applets either.
  const absent = env.imageHasShell ? false : SHELLS.includes(program) || COMMANDS[program] !== undefined;
  if (absent || (!COMMANDS[program] && !spawn(command))) {
    // containerd reports runc's failure to exec as status 126 (`command terminated with exit code 126`).
    return {
      exitCode: 126,
      output: '',
      chunks: [],
      durationMs: 0,
      timedOut: false,
      startError: `OCI runtime exec failed: exec failed: unable to start container process: ${notFound(command[0]!)}: unknown`,
    };
  }
  const chunks: OutputChunk[] = [];
  const sh = new Shell(env, program === 'bash' ? 'bash' : 'sh', { term: false }, spawn);
  sh.captureInto(chunks);
  const script = SHELLS.includes(program) && command[1] === '-c' ? command[2] : undefined;
  const steps = (function* () {
    try {
      return script !== undefined ? yield* sh.runScript(script) : yield* sh.exec(command);
    } catch (e) {
      if (e instanceof ShellExit) return e.code;
      throw e;
    }
  })();
  const result = (exitCode: number, durationMs: number, timedOut = false): ExecResult => ({ exitCode, output: chunks.map((c) => c.text).join(''), chunks, durationMs, timedOut });
  let elapsed = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return result(r.value, elapsed);
    const { afterMs, event } = r.value;
    if (event.kind === 'exit') return result(event.code, elapsed + afterMs);
    if (elapsed + afterMs > timeoutMs) return result(-1, timeoutMs, true);
    elapsed += afterMs;
    // A program the shell started (nginx -v, a vendor tool) writes log lines: they are its output.
    if (event.kind === 'log') {
      const now = env.access.now() + elapsed;
      for (const l of event.lines) chunks.push({ stream: l.stream, text: `${typeof l.text === 'string' ? l.text : l.text(now)}\n` });
    }
  }
}

/** runc's reason: a bare name is looked up in $PATH, a path is stat'ed (`exec: "/bin/bash": stat /bin/bash: …`). */
function notFound(program: string): string {
  return program.includes('/') ? `exec: "${program}": stat ${program}: no such file or directory` : `exec: "${program}": executable file not found in $PATH`;
}
