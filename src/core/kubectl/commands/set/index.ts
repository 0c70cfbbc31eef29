import type { KubectlCommand } from '../../framework/command';
import { setImageCommand } from './image';

const notYet = (name: string, short: string): KubectlCommand => ({ name, short, use: '[flags] [options]', unsupported: 'not emulated yet; edit the manifest and apply it' });

/** `kubectl set`: image is emulated; the other setters say so. */
export const setCommand: KubectlCommand = {
  name: 'set',
  group: 'Basic Commands (Beginner):',
  short: 'Set specific features on objects',
  long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
  use: 'SUBCOMMAND [options]',
  subcommands: [
    notYet('env', 'Update environment variables on a pod template'),
    setImageCommand,
    notYet('resources', 'Update resource requests/limits on objects with pod templates'),
    notYet('selector', 'Set the selector on a resource'),
    notYet('serviceaccount', 'Update the service account of a resource'),
    notYet('subject', 'Update the user, group, or service account in a role binding or cluster role binding'),
  ],
};
