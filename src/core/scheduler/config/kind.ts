import { validateObjectMeta } from '../../api/validation/metadata';
import type { KindStrategy } from '../../api/kinds/strategy';
import { any, arrayOf, int, object, str } from '../../api/schema/dsl';
import { topLevel } from '../../api/schema/meta';
import { resolveConfig } from './resolve';
import type { KubeSchedulerConfiguration } from './types';

const pluginRef = object('Plugin', 'A plugin by name, with its score weight where it scores.', {
  name: str('Plugin name, as registered (e.g. NodeResourcesFit).'),
  weight: int('Score weight; 0 or unset means 1.'),
}, ['name']);

const pluginSet = (point: string) =>
  object('PluginSet', `Plugins to enable or disable at the ${point} extension point.`, {
    enabled: arrayOf(pluginRef, 'Plugins to run, after (or in place of) the defaults.'),
    disabled: arrayOf(pluginRef, 'Default plugins not to run; "*" disables them all.'),
  });

const points = ['multiPoint', 'preEnqueue', 'queueSort', 'preFilter', 'filter', 'postFilter', 'preScore', 'score', 'reserve', 'permit', 'preBind', 'bind', 'postBind'];

const schema = topLevel('KubeSchedulerConfiguration', 'Configuration of kube-scheduler: sampling, back-off, and scheduling profiles.', {
  percentageOfNodesToScore: int('Share of nodes to find feasible before scoring; 0 means adaptive (50% − nodes/125, at least 5%).'),
  podInitialBackoffSeconds: int('First back-off of an unschedulable pod. Default 1.', 'int64'),
  podMaxBackoffSeconds: int('Longest back-off of an unschedulable pod. Default 10.', 'int64'),
  parallelism: int('Worker goroutines of the scheduling algorithm (no effect in Kubelab).'),
  leaderElection: any('Leader election settings (no effect in Kubelab).'),
  clientConnection: any('API client settings (no effect in Kubelab).'),
  profiles: arrayOf(
    object('KubeSchedulerProfile', 'A scheduling profile, chosen by pods through spec.schedulerName.', {
      schedulerName: str('Name pods use in spec.schedulerName.'),
      percentageOfNodesToScore: int("This profile's percentageOfNodesToScore."),
      plugins: object('Plugins', 'Plugins to enable or disable per extension point.', Object.fromEntries(points.map((p) => [p, pluginSet(p)]))),
      pluginConfig: arrayOf(object('PluginConfig', 'Arguments for one plugin.', { name: str('Plugin name.'), args: any('The plugin arguments.') }, ['name']), 'Plugin arguments.'),
    }),
    'Scheduling profiles.',
  ),
});

/**
 * kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration as an object Kubelab can apply
 * like any manifest. It is cluster-scoped and the scheduler runs the most recently written one;
 * an invalid configuration is refused with the field errors kube-scheduler would report.
 */
export const kubeSchedulerConfigurationStrategy: KindStrategy<KubeSchedulerConfiguration> = {
  type: {
    kind: 'KubeSchedulerConfiguration',
    group: 'kubescheduler.config.k8s.io',
    version: 'v1',
    plural: 'kubeschedulerconfigurations',
    singular: 'kubeschedulerconfiguration',
    shortNames: [],
    namespaced: false,
  },
  schema,
  nameRule: 'subdomain',
  validate: (doc) => [...validateObjectMeta(doc.metadata, false, 'subdomain'), ...resolveConfig(doc).errors],
};
