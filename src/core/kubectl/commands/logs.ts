import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/types';
import { matchesAll, parseSelector } from '../../api/labels';
import type { LogsOptions } from '../../kubelet/logs-api';
import type { CommandContext, KubectlCommand } from '../framework/command';
import { parseGoDuration } from '../../format/duration';
import { durationFlagError } from '../framework/duration-flag';
import { fail, type KubectlResult } from '../framework/result';
import type { LogFollowRequest } from '../logs/follow';
import { attachablePod, defaultContainer } from '../resources/attachable-pod';

/**
 * The pod a `TYPE/NAME` stands for, with kubectl's `Found N pods, using pod/x` note when a
 * workload has several (polymorphichelpers logsForObject).
 */
function podFor(ctx: CommandContext, arg: string): { pod: Stored<Pod>; note?: string } {
  const { pod, count } = attachablePod(ctx, arg, 'logging');
  return { pod, ...(count > 1 ? { note: `Found ${count} pods, using pod/${pod.metadata.name}` } : {}) };
}

/** The container to read: -c, or the default one (with kubectl's note). */
function containerFor(pod: Pod, requested: string): { container?: string; note?: string } {
  return requested !== '' ? { container: requested } : defaultContainer(pod);
}

/**
 * `kubectl logs` (pkg/cmd/logs): a container's log through the pods/log subresource, with -c,
 * --previous, --tail, --since, --timestamps and --all-containers; -f keeps following as the
 * simulation runs, until Ctrl+C.
 */
export const logsCommand: KubectlCommand = {
  name: 'logs',
  group: 'Troubleshooting and Debugging Commands:',
  short: 'Print the logs for a container in a pod',
  long: `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.`,
  examples: `  # Return snapshot logs from pod web with only one container
  kubectl logs web

  # Return snapshot logs from container sidecar of pod web
  kubectl logs web -c sidecar

  # Return the logs of the previous, terminated instance of the container
  kubectl logs -p web

  # Begin streaming the logs of a pod of deployment web
  kubectl logs -f deployment/web

  # Show the last 20 lines with their timestamps
  kubectl logs --tail=20 --timestamps web`,
  use: '[-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'all-containers', type: 'bool', usage: 'Get all containers\' logs in the pod(s).' },
    { name: 'container', short: 'c', type: 'string', usage: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', usage: 'Specify if the logs should be streamed.' },
    { name: 'prefix', type: 'bool', usage: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'previous', short: 'p', type: 'bool', usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'since', type: 'string', defaultText: '0s', usage: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs.' },
    { name: 'tail', type: 'int', defaultText: '-1', usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'timestamps', type: 'bool', usage: 'Include timestamps on each line in the log output' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.' },
  ],
  run: (ctx): KubectlResult => {
    const f = ctx.flags;
    if (f.string('selector') !== '') return logsBySelector(ctx);
    if (ctx.args.length === 0) {
      return fail("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
    }
    if (ctx.args.length > 2) return fail("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
    if (!ctx.host.logs) return fail('error: this Kubelab host keeps no container logs');
    const requested = f.string('container') || (ctx.args[1] ?? '');
    if (f.bool('all-containers') && requested !== '') return fail('error: --container cannot be used with --all-containers');
    const sinceText = f.string('since');
    const since = sinceText === '' ? 0 : parseGoDuration(sinceText);
    if (since === undefined) return fail(durationFlagError(ctx.path, 'since', sinceText));
    const { pod, note } = podFor(ctx, ctx.args[0]!);
    const notes = note ? [note] : [];
    const base: LogsOptions = {
      previous: f.bool('previous'),
      timestamps: f.bool('timestamps'),
      ...(f.int('tail', -1) >= 0 ? { tail: f.int('tail', -1) } : {}),
      ...(since > 0 ? { sinceSeconds: Math.ceil(since / 1000) } : {}),
    };
    const containers = f.bool('all-containers') ? [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name) : [containerFor(pod, requested)];
    let stdout = '';
    let followed: string | undefined;
    for (const c of containers) {
      const chosen = typeof c === 'string' ? { container: c } : c;
      if (chosen.note) notes.push(chosen.note);
      const r = ctx.host.logs(pod.metadata.namespace!, pod.metadata.name, { ...base, ...(chosen.container ? { container: chosen.container } : {}) });
      if (!r.ok) return { stdout: stdout.replace(/\n$/, ''), stderr: [...notes, r.error].join('\n'), exitCode: 1, mutated: false };
      const prefix = f.bool('prefix') ? `[pod/${pod.metadata.name}/${chosen.container ?? pod.spec!.containers[0]!.name}] ` : '';
      stdout += prefix ? r.text.replace(/^(?=.)/gm, prefix) : r.text;
      followed = chosen.container ?? pod.spec!.containers[0]!.name;
    }
    const text = stdout.replace(/\n$/, '');
    // The notes (`Found 2 pods, using …`, `Defaulted container …`) go to stderr before the log.
    const lines = notes.length ? [...notes.map((n) => ({ stream: 'stderr' as const, text: n })), ...(text ? [{ stream: 'stdout' as const, text }] : [])] : undefined;
    const result: KubectlResult = { stdout: text, stderr: notes.join('\n'), exitCode: 0, mutated: false, ...(lines ? { lines } : {}) };
    if (!f.bool('follow') || f.bool('previous') || containers.length !== 1) return result;
    const all = ctx.host.logs(pod.metadata.namespace!, pod.metadata.name, { container: followed!, timestamps: base.timestamps });
    const follow: LogFollowRequest = { namespace: pod.metadata.namespace!, pod: pod.metadata.name, container: followed!, timestamps: !!base.timestamps, printed: all.ok ? all.text : '' };
    return { ...result, follow };
  },
};

/**
 * `kubectl logs -l`: the logs of every pod the selector matches (the last 10 lines of each unless
 * --tail), one pod after another in name order; kubectl streams them concurrently.
 */
function logsBySelector(ctx: CommandContext): KubectlResult {
  const f = ctx.flags;
  if (ctx.args.length > 0) return fail("error: only one of -l or a resource name may be given\nSee 'kubectl logs -h' for help and examples");
  const requirements = parseSelector(f.string('selector'));
  const pods = ctx.host.store
    .list<Pod>('Pod', ctx.namespace)
    .filter((p) => matchesAll(requirements, p.metadata.labels))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  if (pods.length === 0) return { stdout: '', stderr: `No resources found in ${ctx.namespace} namespace.`, exitCode: 0, mutated: false };
  const tail = f.int('tail', -1);
  const out: string[] = [];
  for (const pod of pods) {
    const { container } = containerFor(pod, f.string('container'));
    const r = ctx.host.logs!(ctx.namespace, pod.metadata.name, { ...(container ? { container } : {}), tail: tail >= 0 ? tail : 10, timestamps: f.bool('timestamps'), previous: f.bool('previous') });
    if (!r.ok) return { stdout: out.join(''), stderr: r.error, exitCode: 1, mutated: false };
    const prefix = f.bool('prefix') ? `[pod/${pod.metadata.name}/${container ?? pod.spec!.containers[0]!.name}] ` : '';
    out.push(prefix ? r.text.replace(/^(?=.)/gm, prefix) : r.text);
  }
  return { stdout: out.join('').replace(/\n$/, ''), stderr: '', exitCode: 0, mutated: false };
}
