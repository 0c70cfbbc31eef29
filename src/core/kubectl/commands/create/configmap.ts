import type { KubectlCommand } from '../../framework/command';
import { createObject, GENERATOR_FLAGS, requireName } from './create-object';
import { collectSources } from './from-sources';

export const SOURCE_FLAGS = [
  { name: 'from-literal', type: 'stringArray', usage: 'A key and literal value, key=value. Repeat for more keys.' },
  { name: 'from-file', type: 'stringArray', usage: 'A file open in the editor, as [key=]name; the key defaults to the file name.' },
  { name: 'from-env-file', type: 'stringArray', usage: 'A file of key=value lines (an env file) open in the editor.' },
] as const;

/** kubectl create configmap: data from literals and files, keys sorted as a Go map prints them. */
export const createConfigMapCommand: KubectlCommand = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  long: `Create a config map based on a file, directory, or specified literal value.

 A single config map may package one or more key/value pairs. In Kubelab, files are the files open in the editor.`,
  examples: `  # Create a config map with two literal keys
  kubectl create configmap app-config --from-literal=mode=fast --from-literal=level=3

  # Create a config map from a file open in the editor
  kubectl create configmap nginx-conf --from-file=nginx.conf`,
  use: 'NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [flags] [options]',
  flags: [...SOURCE_FLAGS, ...GENERATOR_FLAGS],
  run: (ctx) => {
    const name = requireName(ctx);
    if (typeof name !== 'string') return name;
    const data = collectSources(ctx, 'ConfigMap', name);
    return createObject(ctx, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, ...(Object.keys(data).length ? { data } : {}) } as never);
  },
};
