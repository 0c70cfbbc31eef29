import type { Node } from 'kubernetes-types/core/v1';
import { setUnschedulable } from '../../eviction/cordon';
import type { CommandContext, KubectlCommand } from '../framework/command';
import { fail, joinLines, type KubectlResult } from '../framework/result';
import { selectResources } from '../resources/builder';
import { SELECTOR_FLAG } from './shared-flags';

/**
 * cordon and uncordon (drain.go): set or clear spec.unschedulable through the cordon helper,
 * printing `node/x cordoned`, or `already cordoned` when there is nothing to change.
 */
function runCordon(ctx: CommandContext, desired: boolean): KubectlResult {
  const verb = desired ? 'cordon' : 'uncordon';
  const selector = ctx.flags.string('selector');
  if (ctx.args.length === 0 && selector === '') return fail(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
  if (ctx.flags.string('dry-run', 'none') !== 'none') return fail('error: --dry-run is not supported by Kubelab yet');
  // `node/worker-1` names a node as well as `worker-1` does.
  const names = ctx.args.map((a) => a.replace(/^(nodes?|no)\//, ''));
  const selection = selectResources(ctx.host.store, ['nodes', ...names], { namespace: ctx.namespace, allNamespaces: false, labelSelector: selector, fieldSelector: '' });
  const stdout: string[] = [];
  const stderr: string[] = [...selection.errors];
  let mutated = false;
  for (const node of selection.groups.flatMap((g) => g.objects) as Node[]) {
    const r = setUnschedulable(ctx.host.store, node.metadata!.name!, desired);
    if (!r.ok) {
      stderr.push(r.message);
      continue;
    }
    mutated ||= !r.message.includes(' already ');
    stdout.push(r.message);
  }
  return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: stderr.length ? 1 : 0, mutated };
}

const FLAGS = [SELECTOR_FLAG, { name: 'dry-run', type: 'string', defaultText: "'none'", usage: 'Must be "none", "server", or "client".' }] as const;

export const cordonCommand: KubectlCommand = {
  name: 'cordon',
  group: 'Cluster Management Commands:',
  short: 'Mark node as unschedulable',
  long: `Mark node as unschedulable.

 The scheduler places no new pods on a cordoned node; the pods already there keep running. kubectl get nodes shows it as Ready,SchedulingDisabled.`,
  examples: `  # Mark node worker-1 as unschedulable
  kubectl cordon worker-1`,
  use: 'NODE [flags] [options]',
  flags: FLAGS,
  run: (ctx) => runCordon(ctx, true),
};

export const uncordonCommand: KubectlCommand = {
  name: 'uncordon',
  group: 'Cluster Management Commands:',
  short: 'Mark node as schedulable',
  long: 'Mark node as schedulable.',
  examples: `  # Mark node worker-1 as schedulable
  kubectl uncordon worker-1`,
  use: 'NODE [flags] [options]',
  flags: FLAGS,
  run: (ctx) => runCordon(ctx, false),
};
