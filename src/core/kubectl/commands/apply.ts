import type { KubectlCommand } from '../framework/command';
import { fail, joinLines, type KubectlResult } from '../framework/result';
import { readManifestSources } from './file-input';
import { DRY_RUN_FLAG, FILENAME_FLAG } from './shared-flags';

export const applyCommand: KubectlCommand = {
  name: 'apply',
  group: 'Advanced Commands:',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: `Apply a configuration to a resource by file name or stdin. The resource is created if it does not exist yet. JSON and YAML formats are accepted.

 Apply remembers what you applied in the kubectl.kubernetes.io/last-applied-configuration annotation and merges the next apply three ways: fields you removed from the file are removed, fields others set are kept.

 In Kubelab, a file name is the name of a file open in the editor; - reads standard input (paste a heredoc: kubectl apply -f - <<EOF … EOF).`,
  examples: `  # Apply the manifest open in the editor as web.yaml
  kubectl apply -f web.yaml

  # Apply a manifest from standard input
  kubectl apply -f - <<EOF
  apiVersion: v1
  kind: Namespace
  metadata:
    name: team-a
  EOF`,
  use: '(-f FILENAME | -k DIRECTORY) [flags] [options]',
  flags: [
    FILENAME_FLAG,
    { name: 'kustomize', short: 'k', type: 'string', usage: 'Process a kustomization directory. Not available in Kubelab.' },
    { name: 'recursive', short: 'R', type: 'bool', usage: 'Process the directory used in -f recursively.' },
    DRY_RUN_FLAG,
    { name: 'server-side', type: 'bool', usage: 'If true, apply runs in the server instead of the client.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. Only name is available in Kubelab.' },
    { name: 'validate', type: 'string', defaultText: "'strict'", usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
  ],
  subcommands: [
    { name: 'edit-last-applied', short: 'Edit latest last-applied-configuration annotations of a resource/object', use: '(RESOURCE/NAME | -f FILENAME) [flags] [options]', unsupported: 'it opens an editor; edit the manifest in the editor tab instead' },
    { name: 'set-last-applied', short: 'Set the last-applied-configuration annotation on a live object to match the contents of a file', use: '-f FILENAME [flags] [options]', unsupported: 'not emulated yet' },
    { name: 'view-last-applied', short: 'View the latest last-applied-configuration annotations of a resource/object', use: '(TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME) [flags] [options]', unsupported: 'not emulated yet; kubectl get -o yaml shows the annotation' },
  ],
  run: (ctx): KubectlResult => {
    const f = ctx.flags;
    if (ctx.args.length > 0) return fail(`error: Unexpected args: [${ctx.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
    if (f.has('kustomize')) return fail('error: kustomize directories are not supported by Kubelab: the playground has no directories');
    const files = f.strings('filename');
    if (files.length === 0) return fail("error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples");
    const dryRun = f.string('dry-run', 'none');
    if (dryRun !== 'none') {
      if (!['client', 'server'].includes(dryRun)) return fail(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
      return fail(`error: --dry-run=${dryRun} is not supported by Kubelab yet`);
    }
    if (f.bool('server-side')) return fail('error: --server-side is not supported by Kubelab yet: apply runs client-side, with the last-applied-configuration annotation');
    const output = f.string('output');
    if (output !== '' && output !== 'name') return fail(`error: apply -o ${output} is not supported by Kubelab yet; -o name is`);
    const sources = readManifestSources(ctx, files);
    const stdout: string[] = [];
    const stderr: string[] = [];
    let mutated = false;
    for (const source of sources) {
      const out = ctx.host.apply(source.text, { fileName: source.name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) });
      for (const r of out.results) {
        if (r.ok) {
          stdout.push(output === 'name' ? r.message.replace(/ (created|configured|unchanged)$/, '') : r.message);
        } else {
          stderr.push(r.message);
        }
      }
      // Unchanged objects are logged too: replaying an apply that changes nothing is harmless.
      mutated ||= out.results.some((r) => r.ok);
    }
    return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: stderr.length > 0 ? 1 : 0, mutated };
  },
};
