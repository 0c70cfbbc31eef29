import type { KubectlCommand } from '../framework/command';
import { optionsHelp } from '../framework/help';
import { ok } from '../framework/result';
import { apiResourcesCommand, apiVersionsCommand } from './api-resources';
import { annotateCommand } from './annotate';
import { applyCommand } from './apply';
import { clusterInfoCommand } from './cluster-info';
import { cordonCommand, uncordonCommand } from './cordon';
import { createCommand } from './create';
import { debugCommand } from './debug';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { drainCommand } from './drain';
import { editCommand } from './edit';
import { eventsCommand } from './events';
import { execCommand } from './exec';
import { explainCommand } from './explain';
import { getCommand } from './get';
import { labelCommand } from './label';
import { logsCommand } from './logs';
import { NOT_YET_COMMANDS } from './not-yet';
import { rolloutCommand } from './rollout';
import { autoscaleCommand } from './autoscale';
import { exposeCommand } from './expose';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { setCommand } from './set';
import { taintCommand } from './taint';
import { topCommand } from './top';
import { versionCommand } from './version';

const optionsCommand: KubectlCommand = {
  name: 'options',
  short: '',
  long: 'Print the list of flags inherited by all commands',
  use: '[flags] [options]',
  run: () => ok(optionsHelp()),
};

/**
 * Every command of the emulated kubectl, in the order `kubectl --help` lists them within a group
 * (the order kubectl's NewKubectlCommand adds them, pkg/cmd/cmd.go).
 */
export const COMMANDS: readonly KubectlCommand[] = [
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  editCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  autoscaleCommand,
  ...notYet('certificate'),
  clusterInfoCommand,
  topCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  describeCommand,
  logsCommand,
  ...notYet('attach'),
  execCommand,
  ...notYet('port-forward', 'proxy', 'cp', 'auth'),
  debugCommand,
  eventsCommand,
  ...notYet('diff'),
  applyCommand,
  ...notYet('patch', 'replace', 'wait', 'kustomize'),
  labelCommand,
  annotateCommand,
  ...notYet('completion'),
  ...notYet('alpha'),
  apiResourcesCommand,
  apiVersionsCommand,
  ...notYet('config', 'plugin'),
  versionCommand,
  optionsCommand,
];

function notYet(...names: string[]): KubectlCommand[] {
  return names.map((n) => NOT_YET_COMMANDS.find((c) => c.name === n)!);
}
