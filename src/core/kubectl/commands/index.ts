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
import { eventsCommand } from './events';
import { explainCommand } from './explain';
import { getCommand } from './get';
import { labelCommand } from './label';
import { NOT_YET_COMMANDS } from './not-yet';
import { taintCommand } from './taint';
import { versionCommand } from './version';

const optionsCommand: KubectlCommand = {
  name: 'options',
  short: '',
  long: 'Print the list of flags inherited by all commands',
  use: '[flags] [options]',
  run: () => ok(optionsHelp()),
};

/** Every command of the emulated kubectl, in the order `kubectl --help` lists them within a group. */
export const COMMANDS: readonly KubectlCommand[] = [
  createCommand,
  explainCommand,
  getCommand,
  deleteCommand,
  clusterInfoCommand,
  cordonCommand,
  uncordonCommand,
  taintCommand,
  describeCommand,
  debugCommand,
  eventsCommand,
  applyCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  versionCommand,
  optionsCommand,
  ...NOT_YET_COMMANDS,
];
