import type { Event } from 'kubernetes-types/core/v1';
import { parseTimestamp } from '../../engine/time';
import type { CommandContext, KubectlCommand } from '../framework/command';
import { fail, ok, type KubectlResult } from '../framework/result';
import { since } from '../printers/kinds/table-printer';
import { toJson, asList } from '../printers/json';
import { formatTable } from '../printers/tabwriter';
import { toYaml } from '../printers/yaml';
import { resolveType } from '../resources/builder';
import { ALL_NAMESPACES_FLAG } from './shared-flags';

/**
 * `kubectl events` (pkg/cmd/events): the events of a namespace oldest first, with
 * `2m (x3 over 5m)` for repeats and the OBJECT as Kind/name; --for narrows to one object,
 * --types to Normal or Warning.
 */
export const eventsCommand: KubectlCommand = {
  name: 'events',
  group: 'Troubleshooting and Debugging Commands:',
  short: 'List events',
  long: `Display events.

 Prints a table of the most important information about events. You can request events for a namespace, for all namespaces, or filtered to only those pertaining to a specified resource.`,
  examples: `  # List recent events in the default namespace
  kubectl events

  # List recent events in all namespaces
  kubectl events --all-namespaces

  # List recent events for the specified pod
  kubectl events --for pod/web

  # List only Warning events
  kubectl events --types=Warning`,
  use: '[(-o|--output=)json|yaml|name] [--for TYPE/NAME] [--watch] [--event=Normal,Warning] [options]',
  flags: [
    ALL_NAMESPACES_FLAG,
    { name: 'for', type: 'string', usage: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'no-headers', type: 'bool', usage: "When using the default output format, don't print headers." },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format: json or yaml.' },
    { name: 'types', type: 'stringArray', usage: 'Output only events of given types (Normal, Warning).' },
    { name: 'watch', short: 'w', type: 'bool', usage: 'After listing the requested events, watch for more events. Not available in Kubelab yet; use kubectl get events -w.' },
  ],
  run: runEvents,
};

function runEvents(ctx: CommandContext): KubectlResult {
  const f = ctx.flags;
  if (ctx.args.length > 0) return fail(`error: unknown command ${JSON.stringify(ctx.args.join(' '))}\nSee 'kubectl events -h' for help and examples`);
  if (f.bool('watch')) return fail('error: kubectl events --watch is not supported by Kubelab yet; kubectl get events -w streams events');
  const types = f.strings('types').flatMap((t) => t.split(',')).filter((t) => t !== '');
  for (const t of types) if (t !== 'Normal' && t !== 'Warning') return fail(`error: valid --types are Normal or Warning`);
  const all = f.bool('all-namespaces');
  let events = ctx.host.store.list<Event>('Event', all ? undefined : ctx.namespace);
  const target = f.string('for');
  if (target !== '') {
    const [typeName, name] = target.includes('/') ? target.split('/', 2) : ['pods', target];
    const type = resolveType(ctx.host.store, typeName!);
    events = events.filter((e) => e.involvedObject.kind === type.kind && e.involvedObject.name === name);
  }
  if (types.length) events = events.filter((e) => types.includes(e.type ?? ''));
  const time = (e: Event) => parseTimestamp(e.lastTimestamp ?? e.eventTime ?? e.metadata!.creationTimestamp!);
  events = events.map((e, i) => ({ e, i })).sort((a, b) => time(a.e) - time(b.e) || a.i - b.i).map((x) => x.e);
  const output = f.string('output');
  if (output === 'json') return ok(toJson(asList(events)));
  if (output === 'yaml') return ok(toYaml(asList(events)));
  if (output !== '') return fail(`error: unable to match a printer suitable for the output format ${JSON.stringify(output)}, allowed formats are: json,yaml`);
  if (events.length === 0) return { stdout: '', stderr: all ? 'No events found.' : `No events found in ${ctx.namespace} namespace.`, exitCode: 0, mutated: false };
  const now = ctx.host.nowMs();
  const rows = events.map((e) => {
    const first = since(e.eventTime ?? e.firstTimestamp, now);
    const interval = (e.count ?? 1) > 1 ? `${since(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    return [...(all ? [e.metadata!.namespace ?? ''] : []), interval, e.type ?? '', e.reason ?? '', `${e.involvedObject.kind}/${e.involvedObject.name}`, (e.message ?? '').trim()];
  });
  const header = [...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  return ok(formatTable(f.bool('no-headers') ? rows : [header, ...rows]));
}
