import type { Pod } from 'kubernetes-types/core/v1';
import { COMMANDS } from './commands';
import type { KubectlCommand } from './framework/command';
import type { FlagSpec } from './framework/flags';
import { GLOBAL_FLAGS, KUBECONFIG } from './framework/global-flags';
import type { KubectlHost } from './host';
import { findCommand } from './kubectl';

/**
 * Tab completion for a kubectl line, as kubectl's cobra completion offers it: commands and
 * subcommands, flags, resource types, object names in the namespace the line selects, flag
 * values (namespaces, output formats, editor files), and explain field paths.
 */
export interface Completion {
  /** Whole words that may replace the text from `replaceFrom` to the cursor. */
  readonly candidates: readonly string[];
  readonly replaceFrom: number;
}

/** Commands whose first argument is a resource type and whose next arguments are names. */
const RESOURCE_COMMANDS = ['get', 'describe', 'delete', 'label', 'annotate', 'edit', 'explain', 'rollout', 'scale', 'autoscale', 'expose', 'set'];
const NODE_COMMANDS = ['cordon', 'uncordon', 'drain'];
const POD_COMMANDS = ['logs', 'exec', 'attach', 'port-forward'];
const OUTPUT_FORMATS = ['json', 'yaml', 'name', 'wide', 'jsonpath=', 'custom-columns='];

export function completeKubectl(host: KubectlHost, line: string, cursor: number): Completion {
  const before = line.slice(0, cursor);
  const start = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t')) + 1;
  const current = before.slice(start);
  const words = before.slice(0, start).trim().split(/\s+/).filter((w) => w !== '');
  const done = (all: readonly string[]): Completion => ({
    candidates: [...new Set(all)].filter((c) => c.startsWith(current)).sort(),
    replaceFrom: start,
  });
  if (words.length === 0) return done(['kubectl']);
  if (words[0] !== 'kubectl') return done([]);
  const found = findCommand(words.slice(1));
  const command = found.command;
  const flags = [...(command?.flags ?? []), ...GLOBAL_FLAGS];
  const namespace = namespaceOf(words);

  // After `--` come the words of the command run in the container (exec), which kubectl does not complete.
  if (words.includes('--')) return done([]);
  const previous = words[words.length - 1]!;
  const valueOf = (spec: FlagSpec) => (spec.name === 'container' ? containerNames(host, found.rest, flags, namespace) : flagValues(host, spec));
  const valueFlag = flagNeedingValue(previous, flags);
  if (valueFlag) return done(valueOf(valueFlag));
  if (current.startsWith('--') && current.includes('=')) {
    const [name, value] = [current.slice(2, current.indexOf('=')), current.slice(current.indexOf('=') + 1)];
    const spec = flags.find((f) => f.name === name);
    if (!spec) return done([]);
    const values = valueOf(spec).filter((v) => v.startsWith(value));
    return { candidates: values.map((v) => `--${name}=${v}`).sort(), replaceFrom: start };
  }
  if (current.startsWith('-')) return done(flags.filter((f) => !f.hidden).map((f) => `--${f.name}`));

  const subcommands = (command ? (command.subcommands ?? []) : COMMANDS).filter(visible);
  const positional = found.rest.filter((w) => !w.startsWith('-'));
  if (subcommands.length > 0 && positional.length === 0 && (!command || !command.run || command.name === 'create')) {
    const names = subcommands.map((c) => c.name);
    if (!command || !command.run) return done(names);
    if (command.name === 'create' && !current.startsWith('-')) return done(names);
  }
  if (!command) return done([]);
  const root = found.path.split(' ')[1] ?? '';
  if (root === 'explain') return done(explainPaths(host, current));
  if (RESOURCE_COMMANDS.includes(root)) {
    if (current.includes('/')) {
      const typeName = current.slice(0, current.indexOf('/'));
      return done(objectNames(host, typeName, namespace).map((n) => `${typeName}/${n}`));
    }
    if (positional.length === 0) return done(resourceTypeNames(host, root === 'get'));
    return done(objectNames(host, positional[0]!.split(',')[0]!, namespace));
  }
  if (NODE_COMMANDS.includes(root)) return done(objectNames(host, 'nodes', namespace));
  if (root === 'top') return done(objectNames(host, found.path.split(' ')[2] === 'node' ? 'nodes' : 'pods', namespace));
  if (root === 'taint') return positional.length === 0 ? done(['nodes', 'node']) : done(objectNames(host, 'nodes', namespace));
  if (POD_COMMANDS.includes(root)) return done(objectNames(host, 'pods', namespace));
  if (root === 'debug') return done(objectNames(host, 'nodes', namespace).map((n) => `node/${n}`));
  return done([]);
}

function visible(c: KubectlCommand): boolean {
  return c.short !== '';
}

function namespaceOf(words: readonly string[]): string {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if ((w === '-n' || w === '--namespace') && words[i + 1]) return words[i + 1]!;
    if (w.startsWith('--namespace=')) return w.slice('--namespace='.length);
    if (w.startsWith('-n') && w.length > 2) return w.slice(2).replace(/^=/, '');
  }
  return 'default';
}

function flagNeedingValue(word: string, flags: readonly FlagSpec[]): FlagSpec | undefined {
  const spec = word.startsWith('--') ? flags.find((f) => f.name === word.slice(2)) : word.length === 2 && word.startsWith('-') ? flags.find((f) => f.short === word[1]) : undefined;
  return spec && spec.type !== 'bool' ? spec : undefined;
}

function flagValues(host: KubectlHost, spec: FlagSpec): string[] {
  switch (spec.name) {
    case 'namespace':
      return host.store.list('Namespace').map((n) => n.metadata.name);
    case 'output':
      return OUTPUT_FORMATS;
    case 'filename':
    case 'from-file':
    case 'from-env-file':
      return ['-', ...(host.listFiles?.() ?? [])];
    case 'context':
      return [KUBECONFIG.context];
    case 'dry-run':
      return ['none', 'client', 'server'];
    case 'cascade':
      return ['background', 'foreground', 'orphan'];
    case 'restart':
      return ['Always', 'OnFailure', 'Never'];
    case 'type':
      return ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
    default:
      return [];
  }
}

/** `-c` of logs and exec: the containers of the pod the line names (kubectl's ContainerCompletionFunc). */
function containerNames(host: KubectlHost, rest: readonly string[], flags: readonly FlagSpec[], namespace: string): string[] {
  let pod: string | undefined;
  for (let i = 0; i < rest.length && pod === undefined; i++) {
    const w = rest[i]!;
    if (!w.startsWith('-')) pod = w;
    else if (!w.includes('=') && flagNeedingValue(w, flags)) i++;
  }
  const name = pod?.startsWith('pod/') || pod?.startsWith('pods/') ? pod.slice(pod.indexOf('/') + 1) : pod;
  if (!name || name.includes('/')) return [];
  const spec = host.store.get<Pod>('Pod', name, namespace)?.spec;
  return [...(spec?.containers ?? []), ...(spec?.initContainers ?? []), ...(spec?.ephemeralContainers ?? [])].map((c) => c.name);
}

function resourceTypeNames(host: KubectlHost, withAll: boolean): string[] {
  const names = host.store.registry.types.all().map((t) => (t.group ? `${t.plural}.${t.group}` : t.plural));
  const plain = host.store.registry.types.all().map((t) => t.plural);
  return [...(withAll ? ['all'] : []), ...plain, ...names];
}

function objectNames(host: KubectlHost, typeName: string, namespace: string): string[] {
  const type = host.store.registry.types.resolve(typeName);
  if (!type) return [];
  return host.store.list(type.kind, type.namespaced ? namespace : undefined).map((o) => o.metadata.name);
}

/** `pod.spec.con` → `pod.spec.containers`, from the kind's schema. */
function explainPaths(host: KubectlHost, current: string): string[] {
  const parts = current.split('.');
  if (parts.length === 1) return host.store.registry.types.all().map((t) => t.plural);
  const type = host.store.registry.types.resolve(parts[0]!);
  if (!type) return [];
  let schema = host.store.registry.strategy(type.kind)?.schema as import('../api/schema/dsl').Schema | undefined;
  for (const p of parts.slice(1, -1)) {
    while (schema && (schema.type === 'array' || schema.type === 'map')) schema = schema.type === 'array' ? schema.items : schema.values;
    schema = schema?.type === 'object' ? schema.properties[p] : undefined;
  }
  while (schema && (schema.type === 'array' || schema.type === 'map')) schema = schema.type === 'array' ? schema.items : schema.values;
  if (schema?.type !== 'object') return [];
  const prefix = parts.slice(0, -1).join('.');
  return Object.keys(schema.properties).map((k) => `${prefix}.${k}`);
}
