import type { ExecResponse } from '../../kubelet/exec-in-container';
import { SHELLS } from '../../kubelet/workloads/catalogue';
import type { CommandContext, KubectlCommand } from '../framework/command';
import { parseGoDuration } from '../../format/duration';
import { durationFlagError } from '../framework/duration-flag';
import { fail, type KubectlResult, type OutputLine, usageError } from '../framework/result';
import { attachablePod, defaultContainer } from '../resources/attachable-pod';

/**
 * `kubectl exec` (pkg/cmd/exec): run one command in a running container through the pods/exec
 * subresource and relay its output and exit code. The command runs to completion at once, in the
 * container's own environment (its files, variables and programs); there is no interactive
 * session, so `-it -- sh` is refused with an explanation instead of hanging.
 */
export const execCommand: KubectlCommand = {
  name: 'exec',
  group: 'Troubleshooting and Debugging Commands:',
  short: 'Execute a command in a container',
  long: 'Execute a command in a container.',
  examples: `  # Print the environment of pod web's only (or default) container
  kubectl exec web -- env

  # Read a file a ConfigMap volume mounts, in container app of pod web
  kubectl exec web -c app -- cat /etc/config/settings.yaml

  # List a directory in the first pod of deployment web
  kubectl exec deploy/web -- ls /etc/config

  # Run a small shell script in the container
  kubectl exec web -- sh -c 'echo $HOSTNAME; date'

  # Query the GPU a training pod was given
  kubectl exec trainer -- nvidia-smi`,
  use: '(POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'filename', short: 'f', type: 'stringArray', defaultText: '[]', usage: 'to use to exec into the resource' },
    { name: 'pod-running-timeout', type: 'string', defaultText: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY' },
  ],
  run: runExecCommand,
};

function runExecCommand(ctx: CommandContext): KubectlResult {
  const f = ctx.flags;
  const command = f.afterDash;
  // Complete: everything after `--` is the command; the old form without it is refused.
  if (command === undefined && ctx.args.length > 1) return usageError(ctx.path, 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  if (f.strings('filename').length > 0) return fail('error: kubectl exec -f is not supported by Kubelab: name the pod (POD or TYPE/NAME) instead');
  const timeoutText = f.string('pod-running-timeout', '1m0s');
  const timeout = parseGoDuration(timeoutText);
  if (timeout === undefined) return fail(durationFlagError(ctx.path, 'pod-running-timeout', timeoutText));
  if (timeout <= 0) return usageError(ctx.path, '--pod-running-timeout must be higher than zero');
  // Validate.
  if (ctx.args.length === 0) return fail('error: pod, type/name or --filename must be specified');
  if (!command || command.length === 0) return fail('error: you must specify at least one command for the container');
  if (!ctx.host.exec) return fail('error: this Kubelab host runs no kubelets to exec in');

  const { pod } = attachablePod(ctx, ctx.args[0]!, 'active');
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return fail(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  const quiet = f.bool('quiet');
  const chosen = f.string('container') !== '' ? { container: f.string('container') } : defaultContainer(pod);
  const notes = chosen.note && !quiet ? [chosen.note] : [];
  if (f.bool('stdin') && interactive(command)) return withNotes(notes, fail(interactiveRefusal(ctx, pod.metadata.name, chosen.container)));
  const response = ctx.host.exec(pod.metadata.namespace ?? ctx.namespace, pod.metadata.name, chosen.container, command);
  // With -it the remote side has a terminal, which carries stderr on stdout (SetupTTY).
  return withNotes(notes, relay(response, f.bool('stdin') && f.bool('tty')));
}

/** A shell or REPL started without a script reads commands from stdin: it needs an interactive session. */
function interactive(command: readonly string[]): boolean {
  const program = command[0]!.slice(command[0]!.lastIndexOf('/') + 1);
  if (SHELLS.includes(program)) return !command.includes('-c') && !command.slice(1).some((a) => !a.startsWith('-'));
  return /^python[0-9.]*$/.test(program) && command.length === 1;
}

function interactiveRefusal(ctx: CommandContext, pod: string, container: string): string {
  const target = `${pod}${ctx.flags.string('container') !== '' ? ` -c ${container}` : ''}${ctx.namespaceExplicit ? ` -n ${ctx.namespace}` : ''}`;
  return [
    'error: Kubelab cannot open an interactive session in a container: its terminal runs one command at a time and passes no keystrokes to it.',
    `Run each command directly, e.g. kubectl exec ${target} -- ls /, or several at once with kubectl exec ${target} -- sh -c 'hostname; ls /'`,
  ].join('\n');
}

/** The remote command's output, then kubectl's `command terminated with exit code N` when it failed. */
function relay(response: ExecResponse, tty: boolean): KubectlResult {
  if (!response.ok) return fail(response.error);
  const lines: OutputLine[] = [];
  // Consecutive writes to one stream make lines together (`echo -n a; echo b` prints `ab`).
  const blocks: { stream: OutputLine['stream']; text: string }[] = [];
  for (const c of response.chunks) {
    const stream = tty ? 'stdout' : c.stream;
    const last = blocks[blocks.length - 1];
    if (last?.stream === stream) last.text += c.text;
    else if (c.text !== '') blocks.push({ stream, text: c.text });
  }
  for (const b of blocks) for (const text of b.text.replace(/\n$/, '').split('\n')) lines.push({ stream: b.stream, text });
  if (response.timedOut) lines.push({ stream: 'stderr', text: 'error: the command was still running after 24h of virtual time; Kubelab runs exec commands to completion at once, so it was stopped' });
  else if (response.exitCode !== 0) lines.push({ stream: 'stderr', text: `command terminated with exit code ${response.exitCode}` });
  const exitCode = response.timedOut ? 1 : response.exitCode;
  const text = (stream: OutputLine['stream']) => lines.filter((l) => l.stream === stream).map((l) => l.text).join('\n');
  // The command may have written files, signalled the main process or drawn random numbers: it
  // belongs in the command log so that a restored snapshot replays it (the cluster's objects are unchanged).
  return { stdout: text('stdout'), stderr: text('stderr'), exitCode, mutated: true, lines };
}

/** kubectl's notices (`Defaulted container …`) go to stderr before the remote output. */
function withNotes(notes: readonly string[], result: KubectlResult): KubectlResult {
  if (notes.length === 0) return result;
  const lines: OutputLine[] = [...notes.map((text) => ({ stream: 'stderr' as const, text })), ...(result.lines ?? [...(result.stdout ? [{ stream: 'stdout' as const, text: result.stdout }] : []), ...(result.stderr ? [{ stream: 'stderr' as const, text: result.stderr }] : [])])];
  return { ...result, stderr: [...notes, ...(result.stderr ? [result.stderr] : [])].join('\n'), lines };
}
