import type { Pod } from 'kubernetes-types/core/v1';
import type { KubectlCommand } from '../../framework/command';
import { fail, ok, type KubectlResult } from '../../framework/result';
import { formatTable } from '../../printers/tabwriter';
import { selectResources } from '../../resources/builder';
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, SELECTOR_FLAG } from '../shared-flags';
import { containerUsage, cpuText, memoryText, type Usage } from './usage';

/**
 * `kubectl top pod` (top_pod.go): each running pod's CPU and memory summed over its containers
 * (one line per container with --containers). With pods but no metrics yet, kubectl says
 * `metrics not available yet`.
 */
export const topPodCommand: KubectlCommand = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  long: `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.`,
  examples: `  # Show metrics for all pods in the default namespace
  kubectl top pod

  # Show metrics for all pods in the given namespace
  kubectl top pod --namespace=kube-system

  # Show metrics for a given pod and its containers
  kubectl top pod web --containers

  # Show metrics for the pods defined by label app=web
  kubectl top pod -l app=web`,
  use: '[NAME | -l label] [options]',
  flags: [
    ALL_NAMESPACES_FLAG,
    { name: 'containers', type: 'bool', usage: 'If present, print usage of containers within a pod.' },
    FIELD_SELECTOR_FLAG,
    { name: 'no-headers', type: 'bool', usage: 'If present, print output without headers.' },
    SELECTOR_FLAG,
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'sum', type: 'bool', usage: 'Print the sum of the resource usage' },
  ],
  run: (ctx): KubectlResult => {
    const f = ctx.flags;
    const sortBy = f.string('sort-by');
    if (sortBy !== '' && sortBy !== 'cpu' && sortBy !== 'memory') return fail(`error: --sort-by accepts only cpu or memory`);
    const all = f.bool('all-namespaces');
    const selection = selectResources(ctx.host.store, ['pods', ...ctx.args], { namespace: ctx.namespace, allNamespaces: all, labelSelector: f.string('selector'), fieldSelector: f.string('field-selector') });
    if (selection.errors.length) return fail(selection.errors.join('\n'));
    const pods = (selection.groups.flatMap((g) => g.objects) as Pod[]).filter((p) => p.status?.phase === 'Running');
    const measured = pods.map((p) => ({ pod: p, containers: containerUsage(ctx.host, p.metadata!.namespace!, p.metadata!.name!) })).filter((m) => m.containers.size > 0);
    if (measured.length === 0) {
      if (selection.groups.some((g) => g.objects.length > 0)) return fail('error: metrics not available yet');
      return { stdout: '', stderr: all ? 'No resources found' : `No resources found in ${ctx.namespace} namespace.`, exitCode: 0, mutated: false };
    }
    const total = (m: Map<string, Usage>): Usage => [...m.values()].reduce((a, u) => ({ cpu: a.cpu + u.cpu, memory: a.memory + u.memory }), { cpu: 0, memory: 0 });
    if (sortBy) measured.sort((a, b) => total(b.containers)[sortBy as 'cpu' | 'memory'] - total(a.containers)[sortBy as 'cpu' | 'memory']);
    const ns = (p: Pod) => (all ? [p.metadata!.namespace!] : []);
    const rows = f.bool('containers')
      ? measured.flatMap(({ pod, containers }) => [...containers.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, u]) => [...ns(pod), pod.metadata!.name!, name, cpuText(u.cpu), memoryText(u.memory)]))
      : measured.map(({ pod, containers }) => {
          const u = total(containers);
          return [...ns(pod), pod.metadata!.name!, cpuText(u.cpu), memoryText(u.memory)];
        });
    const header = [...(all ? ['NAMESPACE'] : []), ...(f.bool('containers') ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)'];
    const lines = f.bool('no-headers') ? rows : [header, ...rows];
    if (f.bool('sum')) {
      const sum = measured.reduce((a, m) => ({ cpu: a.cpu + total(m.containers).cpu, memory: a.memory + total(m.containers).memory }), { cpu: 0, memory: 0 });
      const pad = header.length - 2;
      lines.push([...new Array<string>(pad).fill(''), '________', '________'], [...new Array<string>(pad).fill(''), cpuText(sum.cpu), memoryText(sum.memory)]);
    }
    return ok(formatTable(lines));
  },
};
