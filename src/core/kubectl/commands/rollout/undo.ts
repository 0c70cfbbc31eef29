import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import { deepClone, deepEqual } from '../../../api/clone';
import { rollbackDeployment } from '../../../controllers/deployment/rollback';
import { rolloutHistory } from '../../../controllers/rollout';
import { ApiError } from '../../../store/api-error';
import type { KubectlCommand } from '../../framework/command';
import { fail, joinLines, type KubectlResult } from '../../framework/result';
import { groupKind, namedObjects, type NamedObject } from '../../resources/named-objects';

/**
 * `kubectl rollout undo` (rollback.go): Deployments go back through the deployment rollbacker
 * (the controller's client-side rollback); daemon sets and stateful sets get the template of the
 * ControllerRevision back, as kubectl's DaemonSet/StatefulSet rollbackers patch it.
 */
export const rolloutUndoCommand: KubectlCommand = {
  name: 'undo',
  short: 'Undo a previous rollout',
  long: 'Roll back to a previous rollout: the previous revision by default, or the one --to-revision names.',
  examples: `  # Roll back to the previous deployment
  kubectl rollout undo deployment/web

  # Roll back to daemonset revision 3
  kubectl rollout undo daemonset/agent --to-revision=3`,
  use: '(TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [{ name: 'to-revision', type: 'int', defaultText: '0', usage: 'The revision to rollback to. Default to 0 (last revision).' }],
  run: (ctx): KubectlResult => {
    const toRevision = ctx.flags.int('to-revision', 0);
    const stdout: string[] = [];
    const stderr: string[] = [];
    let mutated = false;
    for (const t of namedObjects(ctx)) {
      try {
        const outcome = rollback(ctx.host.store, t, toRevision);
        mutated ||= outcome === 'rolled back';
        stdout.push(`${t.label} ${outcome}`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        stderr.push(`error: ${e.message}`);
      }
    }
    return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: stderr.length ? 1 : 0, mutated };
  },
};

function rollback(store: Parameters<typeof rolloutHistory>[0], t: NamedObject, toRevision: number): string {
  const { kind } = t.type;
  const name = t.obj.metadata.name;
  const namespace = t.obj.metadata.namespace!;
  if (kind === 'Deployment') return rollbackDeployment(store, name, namespace, toRevision).outcome;
  if (kind !== 'DaemonSet' && kind !== 'StatefulSet') throw new ApiError('BadRequest', `no rollbacker has been implemented for ${JSON.stringify(groupKind(t.type))}`);
  if (toRevision < 0) throw new ApiError('BadRequest', `unable to find specified revision ${toRevision} in history`);
  const history = rolloutHistory(store, kind, name, namespace);
  // The current revision is the newest; "previous" is the one before it (kubectl's findHistory).
  const wanted = toRevision > 0 ? history.find((h) => h.revision === toRevision) : history[history.length - 2];
  if (!wanted) throw new ApiError('BadRequest', toRevision > 0 ? `unable to find specified revision ${toRevision} in history` : 'no last revision to roll back to');
  const current = (t.obj as DaemonSet | StatefulSet).spec?.template;
  if (deepEqual(current, wanted.template)) return `skipped rollback (current template already matches revision ${wanted.revision})`;
  store.patch<DaemonSet | StatefulSet>(kind, name, namespace, (d) => {
    d.spec!.template = deepClone(wanted.template);
  });
  return 'rolled back';
}
