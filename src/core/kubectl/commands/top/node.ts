import type { Node } from 'kubernetes-types/core/v1';
import { amountOf } from '../../../api/pod-resources';
import type { KubectlCommand } from '../../framework/command';
import { fail, ok, type KubectlResult } from '../../framework/result';
import { formatTable } from '../../printers/tabwriter';
import { selectResources } from '../../resources/builder';
import { SELECTOR_FLAG } from '../shared-flags';
import { cpuText, memoryText, nodeUsage } from './usage';

/**
 * `kubectl top node` (top_node.go): usage against allocatable (capacity with --show-capacity),
 * percentages truncated; nodes without metrics come last, all `<unknown>`.
 */
export const topNodeCommand: KubectlCommand = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  long: `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.`,
  examples: `  # Show metrics for all nodes
  kubectl top node

  # Show metrics for a given node
  kubectl top node worker-1`,
  use: '[NAME | -l label] [options]',
  flags: [
    { name: 'no-headers', type: 'bool', usage: 'If present, print output without headers' },
    SELECTOR_FLAG,
    { name: 'show-capacity', type: 'bool', usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." },
  ],
  run: (ctx): KubectlResult => {
    const f = ctx.flags;
    const sortBy = f.string('sort-by');
    if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') return fail(`error: --sort-by accepts only cpu or memory`);
    const selection = selectResources(ctx.host.store, ['nodes', ...ctx.args], { namespace: ctx.namespace, allNamespaces: false, labelSelector: f.string('selector'), fieldSelector: '' });
    if (selection.errors.length) return fail(selection.errors.join('\n'));
    const nodes = selection.groups.flatMap((g) => g.objects) as Node[];
    const measured = nodes.map((n) => ({ node: n, usage: nodeUsage(ctx.host, n.metadata!.name!) }));
    const withMetrics = measured.filter((m) => m.usage);
    if (withMetrics.length === 0) return fail('error: metrics not available yet');
    if (sortBy) withMetrics.sort((a, b) => b.usage![sortBy as 'cpu' | 'memory'] - a.usage![sortBy as 'cpu' | 'memory']);
    const percent = (used: number, available: number) => `${available > 0 ? Math.trunc((used / available) * 100) : 0}%`;
    const rows = withMetrics.map(({ node, usage }) => {
      const avail = (f.bool('show-capacity') ? node.status?.capacity : node.status?.allocatable) ?? {};
      const cpuAvail = amountOf('cpu', avail.cpu);
      const memAvail = amountOf('memory', avail.memory);
      return [node.metadata!.name!, cpuText(usage!.cpu), percent(usage!.cpu, cpuAvail), memoryText(usage!.memory), percent(usage!.memory, memAvail)];
    });
    for (const m of measured.filter((x) => !x.usage)) rows.push([m.node.metadata!.name!, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
    const header = ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'];
    return ok(formatTable(f.bool('no-headers') ? rows : [header, ...rows]));
  },
};
