import type { Node, Taint } from 'kubernetes-types/core/v1';
import { rfc3339 } from '../../engine/time';
import { ApiError } from '../../store/api-error';
import type { CommandContext, KubectlCommand } from '../framework/command';
import { fail, joinLines, type KubectlResult, usageError } from '../framework/result';
import { selectResources } from '../resources/builder';
import { ALL_FLAG, OVERWRITE_FLAG, SELECTOR_FLAG } from './shared-flags';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** A taint to remove: the key, and the effect or every effect when none is given. */
interface Removal {
  readonly key: string;
  readonly effect?: string;
}

const taintText = (t: { key: string; value?: string; effect?: string }) => `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}`;

/** Parse `key=value:Effect`, `key:Effect`, and the removals `key:Effect-`, `key-` (kubectl util/taint ParseTaints). */
function parseTaintArgs(specs: readonly string[], nowMs: number): { add: Taint[]; remove: Removal[] } | string {
  const add: Taint[] = [];
  const remove: Removal[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const body = spec.slice(0, -1);
      const [key, effect] = body.split(':');
      if (effect !== undefined && !EFFECTS.includes(effect)) return `invalid taint effect: ${effect}, unsupported taint effect`;
      remove.push(effect ? { key: key!, effect } : { key: key! });
      continue;
    }
    const colon = spec.lastIndexOf(':');
    if (colon < 0) return `invalid taint spec: ${spec}, ${JSON.stringify(spec)} must be in the form key=value:effect or key:effect`;
    const effect = spec.slice(colon + 1);
    if (!EFFECTS.includes(effect)) return `invalid taint effect: ${effect}, unsupported taint effect`;
    const kv = spec.slice(0, colon);
    const eq = kv.indexOf('=');
    const key = eq >= 0 ? kv.slice(0, eq) : kv;
    const value = eq >= 0 ? kv.slice(eq + 1) : '';
    if (key === '') return `invalid taint spec: ${spec}, the key must not be empty`;
    const taint: Taint = { key, effect, ...(value ? { value } : {}) };
    // kubectl stamps NoExecute taints with the time they were added.
    if (effect === 'NoExecute') taint.timeAdded = rfc3339(nowMs);
    if (add.some((t) => t.key === key && t.effect === effect)) return `can not add more than one taint with the same key and effect: ${taintText(taint)}`;
    add.push(taint);
  }
  return { add, remove };
}

export const taintCommand: KubectlCommand = {
  name: 'taint',
  group: 'Cluster Management Commands:',
  short: 'Update the taints on one or more nodes',
  long: `Update the taints on one or more nodes.

 * A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
 * The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
 * The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
 * The effect must be NoSchedule, PreferNoSchedule or NoExecute.
 * A taint ending in a minus sign removes it; key- removes every effect of that key.
 * Currently taint can only apply to node.`,
  examples: `  # Keep pods without a matching toleration off the GPU node gpu-1
  kubectl taint nodes gpu-1 nvidia.com/gpu=present:NoSchedule

  # Remove that taint
  kubectl taint nodes gpu-1 nvidia.com/gpu=present:NoSchedule-

  # Remove every taint with the key dedicated
  kubectl taint nodes worker-1 dedicated-

  # Taint every node labelled pool=cpu
  kubectl taint node -l pool=cpu dedicated=batch:PreferNoSchedule`,
  use: 'NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  flags: [ALL_FLAG, OVERWRITE_FLAG, SELECTOR_FLAG, { name: 'dry-run', type: 'string', defaultText: "'none'", usage: 'Must be "none", "server", or "client".' }],
  run: runTaint,
};

function runTaint(ctx: CommandContext): KubectlResult {
  const f = ctx.flags;
  const firstTaint = ctx.args.findIndex((a, i) => i > 0 && (a.includes(':') || a.includes('=') || a.endsWith('-')));
  const resources = firstTaint < 0 ? ctx.args : ctx.args.slice(0, firstTaint);
  const specs = firstTaint < 0 ? [] : ctx.args.slice(firstTaint);
  if (resources.length === 0) return usageError(ctx.path, 'at least one resource name must be specified since --all and -l/--selector are not set');
  if (specs.length === 0) return usageError(ctx.path, 'at least one taint update is required');
  const type = ctx.host.store.registry.types.resolve(resources[0]!.split('/')[0]!);
  if (type?.kind !== 'Node') return fail(`error: invalid resource type ${resources[0]!.split('/')[0]}, only node types are supported`);
  if (f.string('dry-run', 'none') !== 'none') return fail('error: --dry-run is not supported by Kubelab yet');
  const parsed = parseTaintArgs(specs, ctx.host.nowMs());
  if (typeof parsed === 'string') return fail(`error: ${parsed}`);
  const named = resources.length > 1 || resources[0]!.includes('/');
  if (!named && !f.bool('all') && f.string('selector') === '') {
    return usageError(ctx.path, 'at least one resource name must be specified since --all and -l/--selector are not set');
  }
  const selection = selectResources(ctx.host.store, resources, { namespace: ctx.namespace, allNamespaces: false, labelSelector: f.string('selector'), fieldSelector: '' });
  const stdout: string[] = [];
  const stderr: string[] = [...selection.errors];
  let mutated = false;
  for (const g of selection.groups) {
    for (const node of g.objects as Node[]) {
      const name = node.metadata!.name!;
      const result = reorganize(node.spec?.taints ?? [], parsed.add, parsed.remove, f.bool('overwrite'), name);
      if (typeof result === 'string') {
        stderr.push(`error: ${result}`);
        continue;
      }
      try {
        ctx.host.store.patch<Node>('Node', name, undefined, (draft) => {
          draft.spec ??= {};
          if (result.taints.length) draft.spec.taints = result.taints;
          else delete draft.spec.taints;
        });
        mutated = true;
        stdout.push(`node/${name} ${result.operation}`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        stderr.push(e.kubectlMessage());
      }
    }
  }
  return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: stderr.length ? 1 : 0, mutated };
}

/**
 * The node's new taints and what happened (kubectl taint.go reorganizeTaints): `tainted` when
 * only adding, `untainted` when only removing, `modified` when both or when overwriting.
 */
function reorganize(old: readonly Taint[], add: readonly Taint[], remove: readonly Removal[], overwrite: boolean, node: string): { taints: Taint[]; operation: string } | string {
  if (!overwrite) {
    const clash = add.filter((a) => old.some((o) => o.key === a.key && o.effect === a.effect));
    if (clash.length) return `node ${node} already has ${clash.map((c) => c.key).join(',')} taint(s) with same effect(s) and --overwrite is false`;
  }
  const taints: Taint[] = [...add];
  let added = false;
  for (const o of old) {
    if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
  }
  added = add.length > 0;
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    const kept = taints.filter((t) => !(t.key === r.key && (r.effect === undefined || t.effect === r.effect)));
    if (kept.length === before) return `taint ${JSON.stringify(r.effect ? `${r.key}:${r.effect}` : r.key)} not found`;
    taints.splice(0, taints.length, ...kept);
    deleted = true;
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { taints, operation };
}
