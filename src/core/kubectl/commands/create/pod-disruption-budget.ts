import { parseSelector } from '../../../api/labels';
import type { KubectlCommand } from '../../framework/command';
import { fail } from '../../framework/result';
import { createObject, GENERATOR_FLAGS, requireName } from './create-object';

/** kubectl create poddisruptionbudget (create_pdb.go): a selector and exactly one of min-available / max-unavailable. */
export const createPodDisruptionBudgetCommand: KubectlCommand = {
  name: 'poddisruptionbudget',
  aliases: ['pdb'],
  short: 'Create a pod disruption budget with the specified name',
  long: `Create a pod disruption budget with the specified name, selector, and desired minimum available pods.`,
  examples: `  # Keep at least one pod with label app=rails available during voluntary disruptions
  kubectl create pdb my-pdb --selector=app=rails --min-available=1

  # Allow at most half of the pods with label app=nginx to be disrupted
  kubectl create pdb my-pdb --selector=app=nginx --max-unavailable=50%`,
  use: 'NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none] [flags] [options]',
  flags: [
    { name: 'max-unavailable', type: 'string', usage: 'The maximum number or percentage of unavailable pods this budget requires.' },
    { name: 'min-available', type: 'string', usage: 'The minimum number or percentage of available pods this budget requires.' },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this budget. Only equality-based selector requirements are supported.' },
    ...GENERATOR_FLAGS,
  ],
  run: (ctx) => {
    const name = requireName(ctx);
    if (typeof name !== 'string') return name;
    const f = ctx.flags;
    const min = f.string('min-available');
    const max = f.string('max-unavailable');
    const selector = f.string('selector');
    if (selector === '') return fail('error: a selector must be specified');
    if (min === '' && max === '') return fail('error: one of min-available or max-unavailable must be specified');
    if (min !== '' && max !== '') return fail('error: min-available and max-unavailable cannot be both specified');
    const matchLabels: Record<string, string> = {};
    for (const r of parseSelector(selector)) {
      if (r.operator !== 'In' || r.values.length !== 1) return fail(`error: invalid selector ${JSON.stringify(selector)}: only equality-based requirements are supported`);
      matchLabels[r.key] = r.values[0]!;
    }
    const intOrPercent = (v: string): number | string => (/^\d+$/.test(v) ? Number(v) : v);
    return createObject(ctx, {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name },
      spec: { ...(min !== '' ? { minAvailable: intOrPercent(min) } : { maxUnavailable: intOrPercent(max) }), selector: { matchLabels } },
      status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
    });
  },
};
