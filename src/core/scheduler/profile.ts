import type { ResolvedProfile } from './config/resolve';
import { EXTENSION_POINT_GUARDS as is, type Plugin } from './framework';
import { type PluginContext, REGISTRY } from './registry';
import { FrameworkRuntime, type Nominator, type ProfilePlugins } from './runtime';

/**
 * Build a profile's framework from its resolved configuration: one instance per plugin, shared
 * by every extension point it runs at, placed in the order the profile lists them.
 */
export function buildProfile(profile: ResolvedProfile, ctx: PluginContext, nominator: Nominator, registerEvents: (plugins: readonly Plugin[]) => void): FrameworkRuntime {
  let runtime: FrameworkRuntime | undefined;
  const profileCtx: PluginContext = { ...ctx, preemption: { ...ctx.preemption, runtime: () => runtime! } };
  const instances = new Map<string, Plugin>();
  const instance = (name: string): Plugin => {
    let p = instances.get(name);
    if (!p) instances.set(name, (p = REGISTRY[name]!(profile.args.get(name) ?? {}, profileCtx)));
    return p;
  };
  const at = <T extends Plugin>(point: keyof ResolvedProfile['points'], is: (p: Plugin) => p is T): T[] => profile.points[point].map(instance).filter(is);
  const plugins: ProfilePlugins = {
    queueSort: at('queueSort', is.queueSort)[0]!,
    preEnqueue: at('preEnqueue', is.preEnqueue),
    preFilter: at('preFilter', is.preFilter),
    filter: at('filter', is.filter),
    postFilter: at('postFilter', is.postFilter),
    preScore: at('preScore', is.preScore),
    score: at('score', is.score).map((plugin) => ({ plugin, weight: profile.scoreWeights.get(plugin.name) ?? 1 })),
    reserve: at('reserve', is.reserve),
    permit: at('permit', is.permit),
    preBind: at('preBind', is.preBind),
    bind: at('bind', is.bind),
    postBind: at('postBind', is.postBind),
  };
  runtime = new FrameworkRuntime(profile.schedulerName, plugins, profile.percentageOfNodesToScore, nominator);
  registerEvents([...instances.values()]);
  return runtime;
}
