import type { KubectlCommand } from '../framework/command';
import { optionsHelp } from '../framework/help';
import { ok } from '../framework/result';
import { apiResourcesCommand, apiVersionsCommand } from './api-resources';
import { applyCommand } from './apply';
import { clusterInfoCommand } from './cluster-info';
import { createCommand } from './create';
import { getCommand } from './get';
import { NOT_YET_COMMANDS } from './not-yet';
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
  getCommand,
  applyCommand,
  clusterInfoCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  versionCommand,
  optionsCommand,
  ...NOT_YET_COMMANDS,
];
