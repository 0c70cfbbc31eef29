import type { KubectlCommand } from '../../framework/command';
import { topNodeCommand } from './node';
import { topPodCommand } from './pod';

/** `kubectl top`: node and pod usage from the resource metrics the kubelets record. */
export const topCommand: KubectlCommand = {
  name: 'top',
  group: 'Cluster Management Commands:',
  short: 'Display resource (CPU/memory) usage',
  long: `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server. In Kubelab the kubelets' resource metrics play its part, sampled every 10 seconds.`,
  use: '[flags] [options]',
  subcommands: [topNodeCommand, topPodCommand],
};
