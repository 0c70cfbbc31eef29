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

const WAITING_FOR_WORKLOADS = 'it needs the workload controllers, which are still being built';

export const NOT_YET_COMMANDS: readonly KubectlCommand[] = [
  notYet('expose', 'Basic Commands (Beginner):', 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service', 'it needs Services, which are still being built'),
  notYet('set', 'Basic Commands (Beginner):', 'Set specific features on objects', WAITING_FOR_WORKLOADS),
  notYet('edit', 'Basic Commands (Intermediate):', 'Edit a resource on the server', 'it opens an editor tab, which the terminal cannot do yet'),
  notYet('rollout', 'Deploy Commands:', 'Manage the rollout of a resource', WAITING_FOR_WORKLOADS),
  notYet('scale', 'Deploy Commands:', 'Set a new size for a deployment, replica set, or replication controller', WAITING_FOR_WORKLOADS),
  notYet('autoscale', 'Deploy Commands:', 'Auto-scale a deployment, replica set, stateful set, or replication controller', WAITING_FOR_WORKLOADS),
  notYet('certificate', 'Cluster Management Commands:', 'Modify certificate resources', 'the simulated cluster has no certificate signing requests'),
  notYet('top', 'Cluster Management Commands:', 'Display resource (CPU/memory) usage', 'it needs container usage metrics, which are still being built'),
  notYet('drain', 'Cluster Management Commands:', 'Drain node in preparation for maintenance', 'it needs pod eviction, which is still being built'),
  notYet('logs', 'Troubleshooting and Debugging Commands:', 'Print the logs for a container in a pod', 'it needs container logs, which are still being built'),
  notYet('attach', 'Troubleshooting and Debugging Commands:', 'Attach to a running container', 'simulated containers have no interactive process to attach to'),
  notYet('exec', 'Troubleshooting and Debugging Commands:', 'Execute a command in a container', 'it needs container processes, which are still being built'),
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
