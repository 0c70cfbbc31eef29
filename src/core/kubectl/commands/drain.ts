import type { DrainOptions } from '../../eviction/drain';
import type { KubectlCommand } from '../framework/command';
import { parseGoDuration } from '../../format/duration';
import { durationFlagError } from '../framework/duration-flag';
import { fail, type KubectlResult, type OutputLine } from '../framework/result';
import { waitOnClock, WAIT_CAP_MS } from '../wait';
import { selectResources } from '../resources/builder';
import { SELECTOR_FLAG } from './shared-flags';

/**
 * `kubectl drain` (pkg/cmd/drain): cordon the node, then evict its pods through the eviction API,
 * retrying those a PodDisruptionBudget protects, and wait until they are gone. The client's work
 * runs in the simulation (eviction/drain.ts); the command runs the virtual clock until it is done,
 * as rollout status does, and returns its lines in the order they were printed.
 */
export const drainCommand: KubectlCommand = {
  name: 'drain',
  group: 'Cluster Management Commands:',
  short: 'Drain node in preparation for maintenance',
  long: `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. Then drain evicts the pods on it through the eviction API, which respects PodDisruptionBudgets, and waits for them to terminate.

 If there are pods not managed by a ReplicationController, ReplicaSet, Job, DaemonSet or StatefulSet, drain will not delete any pods unless you use --force. DaemonSet-managed pods are left alone only with --ignore-daemonsets, and pods using emptyDir need --delete-emptydir-data.

 When you are ready to put the node back into service, use kubectl uncordon. In Kubelab, waiting moves the simulation's virtual clock forward.`,
  examples: `  # Drain node "worker-1", even if there are pods not managed by a controller
  kubectl drain worker-1 --force

  # As above, but skip DaemonSet pods and delete pods with emptyDir data
  kubectl drain worker-1 --ignore-daemonsets --delete-emptydir-data

  # Give up after 2 minutes
  kubectl drain worker-1 --ignore-daemonsets --timeout=2m`,
  use: 'NODE [flags] [options]',
  flags: [
    { name: 'delete-emptydir-data', type: 'bool', usage: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'force', type: 'bool', usage: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'grace-period', type: 'int', defaultText: '-1', usage: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
    { name: 'ignore-daemonsets', type: 'bool', usage: 'Ignore DaemonSet-managed pods.' },
    SELECTOR_FLAG,
    { name: 'timeout', type: 'string', defaultText: '0s', usage: 'The length of time to wait before giving up, zero means infinite' },
  ],
  run: (ctx): KubectlResult => {
    const f = ctx.flags;
    const selector = f.string('selector');
    if (ctx.args.length === 0 && selector === '') return fail(`error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples`);
    const timeoutText = f.string('timeout', '0s');
    const timeout = parseGoDuration(timeoutText);
    if (timeout === undefined) return fail(durationFlagError(ctx.path, 'timeout', timeoutText));
    const names = ctx.args.map((a) => a.replace(/^(nodes?|no)\//, ''));
    const selection = selectResources(ctx.host.store, ['nodes', ...names], { namespace: ctx.namespace, allNamespaces: false, labelSelector: selector, fieldSelector: '' });
    if (selection.errors.length) return fail(selection.errors.join('\n'));
    const { clock, drain } = ctx.host;
    if (!clock || !drain) return fail('error: this Kubelab host cannot drain nodes');
    const options: DrainOptions = {
      ignoreDaemonsets: f.bool('ignore-daemonsets'),
      deleteEmptydirData: f.bool('delete-emptydir-data'),
      force: f.bool('force'),
      ...(f.int('grace-period', -1) >= 0 ? { gracePeriodSeconds: f.int('grace-period', -1) } : {}),
      ...(timeout > 0 ? { timeoutSeconds: timeout / 1000 } : {}),
    };
    const lines: OutputLine[] = [];
    let exitCode = 0;
    for (const node of selection.groups.flatMap((g) => g.objects)) {
      const op = drain(node.metadata.name, options);
      const stop = op.onLine((l) => lines.push({ stream: l.stream, text: l.text }));
      lines.push(...op.lines.map((l) => ({ stream: l.stream, text: l.text })));
      waitOnClock(clock, clock.now() + WAIT_CAP_MS, () => op.done);
      stop();
      if (!op.done) {
        // kubectl would go on waiting until Ctrl+C; an interrupted drain stops retrying.
        op.finish(130);
        lines.push({ stream: 'stderr', text: `Kubelab: stopped waiting after ${WAIT_CAP_MS / 60_000} minutes of virtual time; the drain has not finished (use --timeout, or run it again)` });
      }
      exitCode = Math.max(exitCode, op.exitCode);
    }
    const text = (stream: 'stdout' | 'stderr') =>
      lines
        .filter((l) => l.stream === stream)
        .map((l) => l.text)
        .join('\n');
    return { stdout: text('stdout'), stderr: text('stderr'), exitCode: exitCode ? 1 : 0, mutated: true, lines };
  },
};
