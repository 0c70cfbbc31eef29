import { KUBERNETES_VERSION } from '../../kubelet/node-object';
import type { KubectlCommand } from '../framework/command';
import { fail, ok } from '../framework/result';

/** The kustomize library bundled with kubectl v1.34. */
const KUSTOMIZE_VERSION = 'v5.7.1';

export const versionCommand: KubectlCommand = {
  name: 'version',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  examples: `  # Print the client and server versions for the current context
  kubectl version`,
  use: '[flags] [options]',
  flags: [
    { name: 'client', type: 'bool', usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', usage: "One of 'yaml' or 'json'." },
  ],
  run: (ctx) => {
    if (ctx.args.length > 0) return fail(`error: unknown command ${JSON.stringify(ctx.args.join(' '))}\nSee 'kubectl version -h' for help and examples`);
    const output = ctx.flags.string('output');
    if (output !== '') {
      if (output !== 'yaml' && output !== 'json') return fail('error: --output must be \'yaml\' or \'json\'');
      return fail(`error: kubectl version -o ${output} is not supported by Kubelab yet`);
    }
    const lines = [`Client Version: ${KUBERNETES_VERSION}`, `Kustomize Version: ${KUSTOMIZE_VERSION}`];
    if (!ctx.flags.bool('client')) lines.push(`Server Version: ${KUBERNETES_VERSION}`);
    return ok(lines.join('\n'));
  },
};
