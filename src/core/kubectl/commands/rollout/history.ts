import { rolloutHistory } from '../../../controllers/rollout';
import { ROLLOUT_KINDS } from './kinds';
import type { KubectlCommand } from '../../framework/command';
import { fail, type KubectlResult } from '../../framework/result';
import { writePodTemplate } from '../../describe/pod-template';
import { DescribeWriter } from '../../describe/writer';
import { tabwrite } from '../../printers/tabwriter';
import { groupKind, namedObjects } from '../../resources/named-objects';

/**
 * `kubectl rollout history` (rollout_history.go, history.go): the object's name, then a
 * REVISION / CHANGE-CAUSE table (tabwriter padding 2) and the blank line Println leaves; with
 * --revision, that revision's pod template as describe prints it.
 */
export const rolloutHistoryCommand: KubectlCommand = {
  name: 'history',
  short: 'View rollout history',
  long: `View previous rollout revisions and configurations.

 Each revision is a pod template the workload has run: a ReplicaSet of a deployment, a ControllerRevision of a daemon set or stateful set. CHANGE-CAUSE is the kubernetes.io/change-cause annotation.`,
  examples: `  # View the rollout history of a deployment
  kubectl rollout history deployment/web

  # View the details of daemonset revision 3
  kubectl rollout history daemonset/agent --revision=3`,
  use: '(TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [{ name: 'revision', type: 'int', defaultText: '0', usage: 'See the details, including podTemplate of the revision specified' }],
  run: (ctx): KubectlResult => {
    const revision = ctx.flags.int('revision', 0);
    if (revision < 0) return fail(`error: revision must be a positive integer: ${revision}`);
    const out: string[] = [];
    for (const t of namedObjects(ctx)) {
      if (!ROLLOUT_KINDS.includes(t.type.kind)) return fail(`error: no history viewer has been implemented for ${JSON.stringify(groupKind(t.type))}`, false, out.join(''));
      const entries = rolloutHistory(ctx.host.store, t.type.kind, t.obj.metadata.name, t.obj.metadata.namespace!);
      if (revision > 0) {
        const entry = entries.find((e) => e.revision === revision);
        if (!entry) return fail('error: unable to find the specified revision', false, out.join(''));
        const w = new DescribeWriter();
        writePodTemplate(w, entry.template);
        out.push(`${t.label} with revision #${revision}\n${w.toString()}\n\n`);
        continue;
      }
      if (entries.length === 0) {
        out.push(`${t.label}\nNo rollout history found.\n\n`);
        continue;
      }
      const table = ['REVISION\tCHANGE-CAUSE', ...entries.map((e) => `${e.revision}\t${e.changeCause || '<none>'}`)].join('\n');
      out.push(`${t.label}\n${tabwrite(table, { padding: 2 })}\n\n`);
    }
    return { stdout: out.join('').replace(/\n$/, ''), stderr: '', exitCode: 0, mutated: false };
  },
};
