import type { KubectlCommand } from '../framework/command';
import { fail, type KubectlResult } from '../framework/result';
import { openEdit } from '../edit/session';
import { namedObjects } from '../resources/named-objects';

/**
 * `kubectl edit`: instead of starting $EDITOR, the result carries an edit request — the text
 * kubectl would open, header comment included — which the terminal opens in an editor tab;
 * saving the tab goes through `Simulation.saveEdit`, which applies it as kubectl edit does.
 */
export const editCommand: KubectlCommand = {
  name: 'edit',
  group: 'Basic Commands (Intermediate):',
  short: 'Edit a resource on the server',
  long: `Edit a resource from the default editor.

 The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. In Kubelab it opens the object in an editor tab; saving the tab applies your changes, and closing it or saving it unchanged cancels the edit. You can edit multiple objects, although changes are applied one at a time.

 The default format is YAML. To edit in JSON, specify "-o json".

 In the event an error occurs while updating, the tab stays open with the errors in its first comment lines, so you can correct them and save again.`,
  examples: `  # Edit the service named 'registry'
  kubectl edit svc/registry

  # Edit the deployment 'web' in JSON
  kubectl edit deployment/web -o json`,
  use: '(RESOURCE/NAME | -f FILENAME) [options]',
  flags: [{ name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml).' }],
  run: (ctx): KubectlResult => {
    const output = ctx.flags.string('output') || 'yaml';
    if (output !== 'yaml' && output !== 'json') return fail(`error: the edit mode output format must be one of: json, yaml, got ${JSON.stringify(output)}`);
    const objects = namedObjects(ctx).map((t) => t.obj);
    if (objects.length === 0) return fail('error: edit cancelled, no objects found');
    return { stdout: '', stderr: '', exitCode: 0, mutated: false, edit: openEdit(ctx.host, objects, output) };
  },
};
