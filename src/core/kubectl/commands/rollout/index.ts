import type { KubectlCommand } from '../../framework/command';
import { rolloutHistoryCommand } from './history';
import { rolloutPauseCommand, rolloutResumeCommand } from './pause-resume';
import { rolloutRestartCommand } from './restart';
import { rolloutStatusCommand } from './status';
import { rolloutUndoCommand } from './undo';

/** `kubectl rollout`: the subcommands in the order kubectl's help lists them. */
export const rolloutCommand: KubectlCommand = {
  name: 'rollout',
  group: 'Deploy Commands:',
  short: 'Manage the rollout of a resource',
  long: `Manage the rollout of one or many resources.

 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`,
  examples: `  # Roll back to the previous deployment
  kubectl rollout undo deployment/web

  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/agent

  # Restart a deployment
  kubectl rollout restart deployment/web`,
  use: 'SUBCOMMAND [flags] [options]',
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
};
