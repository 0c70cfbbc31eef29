import type { KubectlCommand } from '../../framework/command';
import { createObject, GENERATOR_FLAGS, requireName } from './create-object';

/** kubectl create namespace: `{metadata: {name}, spec: {}, status: {}}` (create_namespace.go). */
export const createNamespaceCommand: KubectlCommand = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  long: 'Create a namespace with the specified name.',
  examples: `  # Create a new namespace named my-namespace
  kubectl create namespace my-namespace`,
  use: 'NAME [--dry-run=server|client|none] [flags] [options]',
  flags: GENERATOR_FLAGS,
  run: (ctx) => {
    const name = requireName(ctx);
    if (typeof name !== 'string') return name;
    return createObject(ctx, { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} });
  },
};
