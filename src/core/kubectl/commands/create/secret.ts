import type { KubectlCommand } from '../../framework/command';
import { SOURCE_FLAGS } from './configmap';
import { createObject, GENERATOR_FLAGS, requireName } from './create-object';
import { encodeBase64 } from '../../../api/base64';
import { collectSources } from './from-sources';

/** kubectl create secret generic: like a config map, with values base64-encoded and a type (Opaque). */
const createSecretGenericCommand: KubectlCommand = {
  name: 'generic',
  short: 'Create a secret from a local file, directory, or literal value',
  long: `Create a secret based on a file, directory, or specified literal value.

 A single secret may package one or more key/value pairs. Values are stored base64-encoded — encoded, not encrypted.`,
  examples: `  # Create a secret with two literal keys
  kubectl create secret generic db-auth --from-literal=username=admin --from-literal=password='s3cr3t'`,
  use: 'NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [flags] [options]',
  flags: [...SOURCE_FLAGS, { name: 'type', type: 'string', usage: 'The type of secret to create (default Opaque).' }, ...GENERATOR_FLAGS],
  run: (ctx) => {
    const name = requireName(ctx);
    if (typeof name !== 'string') return name;
    const plain = collectSources(ctx, 'Secret', name);
    const data: Record<string, string> = {};
    for (const key of Object.keys(plain)) data[key] = encodeBase64(plain[key]!);
    const type = ctx.flags.string('type') || 'Opaque';
    return createObject(ctx, { apiVersion: 'v1', kind: 'Secret', metadata: { name }, ...(Object.keys(data).length ? { data } : {}), type } as never);
  },
};

export const createSecretCommand: KubectlCommand = {
  name: 'secret',
  short: 'Create a secret using a specified subcommand',
  long: 'Create a secret with specified type.',
  use: '(docker-registry | generic | tls) [flags] [options]',
  subcommands: [
    createSecretGenericCommand,
    { name: 'docker-registry', short: 'Create a secret for use with a Docker registry', use: 'NAME --docker-username=user --docker-password=password --docker-email=email [flags] [options]', unsupported: 'the simulated registries need no credentials' },
    { name: 'tls', short: 'Create a TLS secret', use: 'NAME --cert=path/to/cert/file --key=path/to/key/file [flags] [options]', unsupported: 'not emulated yet; use secret generic' },
  ],
};
