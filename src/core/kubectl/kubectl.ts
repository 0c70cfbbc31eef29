import type { KubeObject, Stored } from '../api/types';
import type { ApplyOutput } from '../apply/apply';
import type { ObjectStore } from '../store/object-store';
import { PRINTERS } from './printers';
import { formatTable } from './table';
import { tokenize } from './tokenize';

/** What kubectl needs from the simulation. */
export interface KubectlHost {
  readonly store: ObjectStore;
  nowMs(): number;
  apply(yaml: string, options: { fileName?: string; namespace?: string }): ApplyOutput;
}

export interface KubectlResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** Whether the command changed the cluster (and so belongs in the command log). */
  readonly mutated: boolean;
}

const ok = (stdout: string, mutated = false): KubectlResult => ({ stdout, stderr: '', exitCode: 0, mutated });
const fail = (stderr: string, mutated = false): KubectlResult => ({ stdout: '', stderr, exitCode: 1, mutated });

/** The commands kubectl has that this emulation does not run yet: they say so instead of pretending. */
const KNOWN_COMMANDS = [
  'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info', 'completion',
  'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events', 'exec', 'explain', 'expose',
  'get', 'kustomize', 'label', 'logs', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'rollout', 'run', 'scale', 'set',
  'taint', 'top', 'uncordon', 'version', 'wait',
];

/**
 * `kubectl <args>` over the simulation. `stdin` is the text piped in (`apply -f -`).
 */
export function runKubectl(host: KubectlHost, line: string, stdin = ''): KubectlResult {
  const { words, error } = tokenize(line.trim());
  if (error) return fail(`error: ${error}`);
  if (words[0] === 'kubectl') words.shift();
  const [command, ...args] = words;
  if (!command) return ok(USAGE);
  switch (command) {
    case 'get':
      return get(host, args);
    case 'apply':
      return apply(host, args, stdin);
    case 'version':
      return ok('Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.1');
    default:
      if (KNOWN_COMMANDS.includes(command)) return fail(`error: "kubectl ${command}" is not supported by Kubelab yet`);
      return fail(`error: unknown command ${JSON.stringify(command)} for "kubectl"\nRun 'kubectl --help' for usage.`);
  }
}

const USAGE = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Usage:
  kubectl [flags] [options]`;

interface Flags {
  readonly positional: string[];
  readonly values: Map<string, string>;
  readonly booleans: Set<string>;
}

/** Split flags from positional arguments. `valueFlags` take a value (`-n x`, `--namespace=x`). */
function parseFlags(args: readonly string[], valueFlags: readonly string[]): Flags | string {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const booleans = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (valueFlags.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) return `error: flag needs an argument: ${JSON.stringify(name.replace(/^-+/, ''))} in ${name}`;
      values.set(name, value);
    } else {
      booleans.add(name);
    }
  }
  return { positional, values, booleans };
}

function namespaceOf(flags: Flags): string {
  return flags.values.get('-n') ?? flags.values.get('--namespace') ?? 'default';
}

function get(host: KubectlHost, args: readonly string[]): KubectlResult {
  const flags = parseFlags(args, ['-n', '--namespace', '-o', '--output', '-l', '--selector']);
  if (typeof flags === 'string') return fail(flags);
  const allNamespaces = flags.booleans.has('-A') || flags.booleans.has('--all-namespaces');
  const output = flags.values.get('-o') ?? flags.values.get('--output');
  const unknown = [...flags.booleans].find((b) => !['-A', '--all-namespaces'].includes(b));
  if (unknown) return fail(`error: unknown flag: ${unknown}\nSee 'kubectl get --help' for usage.`);
  if (output !== undefined && output !== 'wide') return fail(`error: output format ${JSON.stringify(output)} is not supported by Kubelab yet`);
  const [typeName, name] = flags.positional;
  if (!typeName) {
    return fail(
      "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples",
    );
  }
  const type = host.store.registry.types.resolve(typeName);
  if (!type) return fail(`error: the server doesn't have a resource type ${JSON.stringify(typeName)}`);
  const printer = PRINTERS[type.kind];
  if (!printer) return fail(`error: "kubectl get ${type.plural}" is not supported by Kubelab yet`);
  const namespace = namespaceOf(flags);
  let objects: Stored<KubeObject>[];
  if (name) {
    const one = host.store.get(type.kind, name, type.namespaced ? namespace : undefined);
    if (!one) return fail(`Error from server (NotFound): ${type.group ? `${type.plural}.${type.group}` : type.plural} ${JSON.stringify(name)} not found`);
    objects = [one];
  } else {
    objects = host.store.list(type.kind, type.namespaced && !allNamespaces ? namespace : undefined);
  }
  if (objects.length === 0) {
    return {
      stdout: '',
      stderr: type.namespaced && !allNamespaces ? `No resources found in ${namespace} namespace.` : 'No resources found',
      exitCode: 0,
      mutated: false,
    };
  }
  const wide = output === 'wide';
  const now = host.nowMs();
  const showNamespace = type.namespaced && allNamespaces;
  const header = [...(showNamespace ? ['NAMESPACE'] : []), ...printer.headers, ...(wide ? printer.wideHeaders : [])];
  const rows = objects.map((o) => [
    ...(showNamespace ? [o.metadata.namespace ?? ''] : []),
    ...printer.row(o as never, now),
    ...(wide ? printer.wideRow(o as never, now) : []),
  ]);
  return ok(formatTable([header, ...rows]));
}

function apply(host: KubectlHost, args: readonly string[], stdin: string): KubectlResult {
  const flags = parseFlags(args, ['-f', '--filename', '-n', '--namespace']);
  if (typeof flags === 'string') return fail(flags);
  const file = flags.values.get('-f') ?? flags.values.get('--filename');
  if (file === undefined) return fail("error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples");
  if (file !== '-') return fail(`error: the path ${JSON.stringify(file)} does not exist`);
  const out = host.apply(stdin, { fileName: 'STDIN', namespace: flags.values.get('-n') ?? flags.values.get('--namespace') });
  return { stdout: out.stdout, stderr: out.stderr, exitCode: out.ok ? 0 : 1, mutated: out.results.some((r) => r.ok) };
}
