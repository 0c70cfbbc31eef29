import type { FlagSpec } from './flags';

/** The kubeconfig the playground behaves as if it had: one cluster, one user, one context. */
export const KUBECONFIG = { context: 'kubelab', cluster: 'kubelab', user: 'kubelab-admin', server: 'https://10.0.0.1:6443' } as const;

/**
 * kubectl's global options (`kubectl options`) that the playground honours or refuses clearly.
 * The help flag is added to every command by the dispatcher.
 */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', defaultText: "''", usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', defaultText: "''", usage: 'The name of the kubeconfig context to use' },
  { name: 'cluster', type: 'string', defaultText: "''", usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', defaultText: "''", usage: 'The name of the kubeconfig user to use' },
  { name: 'kubeconfig', type: 'string', defaultText: "''", usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'server', short: 's', type: 'string', defaultText: "''", usage: 'The address and port of the Kubernetes API server' },
  { name: 'token', type: 'string', defaultText: "''", usage: 'Bearer token for authentication to the API server' },
  { name: 'as', type: 'string', defaultText: "''", usage: 'Username to impersonate for the operation.' },
  { name: 'request-timeout', type: 'string', defaultText: "'0'", usage: 'How long to wait for a single server request. Kubelab answers at once, so any value is accepted.' },
  { name: 'v', short: 'v', type: 'string', defaultText: '0', usage: 'Log level verbosity. Kubelab prints no client logs, so any value is accepted.' },
  { name: 'warnings-as-errors', type: 'bool', defaultText: 'false', usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
];

export const HELP_FLAG: FlagSpec = { name: 'help', short: 'h', type: 'bool', usage: 'help for this command', hidden: true };

/** Global flags that point at other clusters or credentials: the playground has only its own. */
export const REFUSED_GLOBAL_FLAGS = ['cluster', 'user', 'kubeconfig', 'server', 'token', 'as'] as const;
