import type { KubeObject, Stored } from '../../api/types';
import { DESCRIBERS } from '../describe';
import type { CommandContext, KubectlCommand } from '../framework/command';
import { fail, joinLines, type KubectlResult } from '../framework/result';
import { groupResource, parseLabelSelector, parseTargets, sortForListing } from '../resources/builder';
import { matchesAll } from '../../api/labels';
import { ALL_NAMESPACES_FLAG, SELECTOR_FLAG } from './shared-flags';

export const describeCommand: KubectlCommand = {
  name: 'describe',
  group: 'Troubleshooting and Debugging Commands:',
  short: 'Show details of a specific resource or group of resources',
  long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

     $ kubectl describe TYPE NAME_PREFIX

 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

 Use "kubectl api-resources" for a complete list of supported resources.`,
  examples: `  # Describe a node
  kubectl describe nodes worker-1

  # Describe a pod
  kubectl describe pods/web

  # Describe all pods whose names start with web
  kubectl describe pods web

  # Describe the pods labelled app=web
  kubectl describe pods -l app=web`,
  use: '(-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    ALL_NAMESPACES_FLAG,
    { name: 'chunk-size', type: 'int', defaultText: '500', usage: 'Return large lists in chunks. Kubelab lists in one piece.' },
    SELECTOR_FLAG,
    { name: 'show-events', type: 'bool', defaultText: 'true', usage: 'If true, display events related to the described object.' },
  ],
  run: runDescribe,
};

function runDescribe(ctx: CommandContext): KubectlResult {
  if (ctx.args.length === 0) {
    return fail('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl describe -h\' for help and examples');
  }
  const store = ctx.host.store;
  const allNamespaces = ctx.flags.bool('all-namespaces');
  const labels = parseLabelSelector(ctx.flags.string('selector'));
  const showEvents = ctx.flags.bool('show-events', true);
  const { targets } = parseTargets(store, ctx.args);
  const found: { kind: string; obj: Stored<KubeObject> }[] = [];
  const errors: string[] = [];
  for (const t of targets) {
    if (!DESCRIBERS[t.type.kind]) return fail(`error: "kubectl describe ${t.type.plural}" is not supported by Kubelab yet; kubectl get ${t.type.plural} -o yaml shows the whole object`);
    const namespace = t.type.namespaced ? (allNamespaces ? undefined : ctx.namespace) : undefined;
    const all = sortForListing(store.list(t.type.kind, namespace)).filter((o) => matchesAll(labels, o.metadata.labels));
    if (!t.names) {
      found.push(...all.map((obj) => ({ kind: t.type.kind, obj })));
      continue;
    }
    for (const name of t.names) {
      // An exact name first, then every object whose name starts with it.
      const exact = all.find((o) => o.metadata.name === name);
      const matches = exact ? [exact] : all.filter((o) => o.metadata.name.startsWith(name));
      if (matches.length === 0) errors.push(`Error from server (NotFound): ${groupResource(t.type)} ${JSON.stringify(name)} not found`);
      found.push(...matches.map((obj) => ({ kind: t.type.kind, obj })));
    }
  }
  const now = ctx.host.nowMs();
  const stdout = found.map(({ kind, obj }) => DESCRIBERS[kind]!(store, obj, now, showEvents)).join('\n\n\n');
  if (found.length === 0 && errors.length === 0) {
    const anyNamespaced = targets.some((t) => t.type.namespaced);
    return { stdout: '', stderr: anyNamespaced && !allNamespaces ? `No resources found in ${ctx.namespace} namespace.` : 'No resources found', exitCode: 0, mutated: false };
  }
  return { stdout, stderr: joinLines(errors), exitCode: errors.length ? 1 : 0, mutated: false };
}
