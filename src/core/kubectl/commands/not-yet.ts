import type { CommandGroup, KubectlCommand } from '../framework/command';

/**
 * Real kubectl commands that Kubelab does not run (yet). They are listed in help and answer
 * clearly instead of pretending; each says why.
 */
const notYet = (name: string, group: CommandGroup | undefined, short: string, reason: string, use = '[flags] [options]'): KubectlCommand => ({
  name,
  ...(group ? { group } : {}),
  short,
  use,
  unsupported: reason,
});


export const NOT_YET_COMMANDS: readonly KubectlCommand[] = [
  notYet('certificate', 'Cluster Management Commands:', 'Modify certificate resources', 'the simulated cluster has no certificate signing requests'),
  notYet('attach', 'Troubleshooting and Debugging Commands:', 'Attach to a running container', 'simulated containers have no interactive process to attach to'),
  notYet('port-forward', 'Troubleshooting and Debugging Commands:', 'Forward one or more local ports to a pod', 'the playground has no local ports to forward to'),
  notYet('proxy', 'Troubleshooting and Debugging Commands:', 'Run a proxy to the Kubernetes API server', 'the playground has no local ports to serve on'),
  notYet('cp', 'Troubleshooting and Debugging Commands:', 'Copy files and directories to and from containers', 'simulated containers have no file systems to copy from'),
  notYet('auth', 'Troubleshooting and Debugging Commands:', 'Inspect authorization', 'the playground has one user, who may do everything'),
  notYet('diff', 'Advanced Commands:', 'Diff the live version against a would-be applied version', 'not emulated yet; use apply and get -o yaml'),
  notYet('patch', 'Advanced Commands:', 'Update fields of a resource', 'not emulated yet; use apply, label, annotate or taint'),
  notYet('replace', 'Advanced Commands:', 'Replace a resource by file name or stdin', 'not emulated yet; use apply'),
  notYet('wait', 'Advanced Commands:', 'Experimental: Wait for a specific condition on one or many resources', 'commands return at once in the playground; advance the clock and use get -w'),
  notYet('kustomize', 'Advanced Commands:', 'Build a kustomization target from a directory or URL', 'the playground has no directories'),
  notYet('completion', 'Settings Commands:', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)', 'the Kubelab terminal completes with Tab on its own'),
  notYet('alpha', undefined, 'Commands for features in alpha', 'no alpha commands are emulated'),
  notYet('config', undefined, 'Modify kubeconfig files', 'the playground has one fixed context, kubelab'),
  notYet('plugin', undefined, 'Provides utilities for interacting with plugins', 'plugins are programs on your computer, which the playground cannot run'),
];
