import type { KubectlCommand } from '../../framework/command';
import { fail } from '../../framework/result';
import { readManifestSources } from '../file-input';
import { FILENAME_FLAG } from '../shared-flags';
import { createConfigMapCommand } from './configmap';
import { createDeploymentCommand } from './deployment';
import { createFromSources } from './from-file';
import { createJobCommand } from './job';
import { createNamespaceCommand } from './namespace';
import { createPodDisruptionBudgetCommand } from './pod-disruption-budget';
import { createSecretCommand } from './secret';

const notYet = (name: string, short: string, aliases: string[] = []): KubectlCommand => ({
  name,
  aliases,
  short,
  use: 'NAME [flags] [options]',
  unsupported: 'the simulated API server does not serve this kind yet',
});

export const createCommand: KubectlCommand = {
  name: 'create',
  group: 'Basic Commands (Beginner):',
  short: 'Create a resource from a file or from stdin',
  long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted. In Kubelab, a file name is the name of a file open in the editor.`,
  examples: `  # Create the objects in the editor file pod.yaml
  kubectl create -f pod.yaml

  # Create a namespace
  kubectl create namespace team-a`,
  use: '-f FILENAME [options]',
  flags: [FILENAME_FLAG, { name: 'save-config', type: 'bool', usage: 'If true, store the object in the last-applied-configuration annotation.' }],
  subcommands: [
    notYet('clusterrole', 'Create a cluster role'),
    notYet('clusterrolebinding', 'Create a cluster role binding for a particular cluster role'),
    createConfigMapCommand,
    notYet('cronjob', 'Create a cron job with the specified name', ['cj']),
    createDeploymentCommand,
    notYet('ingress', 'Create an ingress with the specified name', ['ing']),
    createJobCommand,
    createNamespaceCommand,
    createPodDisruptionBudgetCommand,
    notYet('priorityclass', 'Create a priority class with the specified name', ['pc']),
    notYet('quota', 'Create a quota with the specified name', ['resourcequota']),
    notYet('role', 'Create a role with single rule'),
    notYet('rolebinding', 'Create a role binding for a particular role or cluster role'),
    createSecretCommand,
    notYet('service', 'Create a service using a specified subcommand', ['svc']),
    notYet('serviceaccount', 'Create a service account with the specified name', ['sa']),
    notYet('token', 'Request a service account token'),
  ],
  run: (ctx) => {
    if (ctx.args.length > 0) return fail(`error: Unexpected args: [${ctx.args.join(' ')}]\nSee 'kubectl create -h' for help and examples`);
    const files = ctx.flags.strings('filename');
    if (files.length === 0) return fail("error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples");
    return createFromSources(ctx, readManifestSources(ctx, files));
  },
};
