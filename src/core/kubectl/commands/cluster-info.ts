import type { Node } from 'kubernetes-types/core/v1';
import { nodeRoles } from '../../format/pod-status';
import type { KubectlCommand } from '../framework/command';
import { KUBECONFIG } from '../framework/global-flags';
import { fail, ok } from '../framework/result';
import type { KubectlHost } from '../host';

/** go-colortext's codes, which cluster-info uses: green names, yellow addresses. */
const GREEN = '\x1b[0;32m';
const YELLOW = '\x1b[0;33m';
const RESET = '\x1b[0m';

/** The API server's address: the control-plane node's, or the managed endpoint when no node has that role. */
export function apiServerUrl(host: KubectlHost): string {
  const cp = host.store.list<Node>('Node').find((n) => nodeRoles(n).includes('control-plane'));
  const ip = cp?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  return ip ? `https://${ip}:6443` : KUBECONFIG.server;
}

export const clusterInfoCommand: KubectlCommand = {
  name: 'cluster-info',
  group: 'Cluster Management Commands:',
  short: 'Display cluster information',
  long: `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.

 To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.`,
  examples: `  # Print the address of the control plane and cluster services
  kubectl cluster-info`,
  use: '[flags] [options]',
  subcommands: [
    {
      name: 'dump',
      short: 'Dump relevant information for debugging and diagnosis',
      use: '[flags] [options]',
      unsupported: 'it writes every object and log of the cluster to files; use kubectl get and describe instead.',
    },
  ],
  run: (ctx) => {
    if (ctx.args.length > 0) return fail(`error: unknown command ${JSON.stringify(ctx.args.join(' '))}\nSee 'kubectl cluster-info -h' for help and examples`);
    const url = apiServerUrl(ctx.host);
    const lines = [`${GREEN}Kubernetes control plane${RESET} is running at ${YELLOW}${url}${RESET}`];
    const services = ctx.host.store
      .list<{ metadata?: { name?: string; labels?: Record<string, string> } }>('Service', 'kube-system')
      .filter((s) => s.metadata?.labels?.['kubernetes.io/cluster-service'] === 'true');
    for (const s of services) {
      const name = s.metadata?.labels?.['kubernetes.io/name'] ?? s.metadata?.name ?? '';
      lines.push(`${GREEN}${name}${RESET} is running at ${YELLOW}${url}/api/v1/namespaces/kube-system/services/${s.metadata?.name}:dns/proxy${RESET}`);
    }
    lines.push('', "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
    return ok(lines.join('\n'));
  },
};
