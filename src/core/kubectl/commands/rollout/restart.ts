import type { Deployment } from 'kubernetes-types/apps/v1';
import { restartWorkload } from '../../../controllers/rollout';
import { ROLLOUT_KINDS } from './kinds';
import type { KubectlCommand } from '../../framework/command';
import { joinLines, type KubectlResult } from '../../framework/result';
import { quotedResource, namedObjects } from '../../resources/named-objects';

/**
 * `kubectl rollout restart` (restart.go): stamp the pod template with
 * kubectl.kubernetes.io/restartedAt, which rolls every pod; paused deployments are refused.
 */
export const rolloutRestartCommand: KubectlCommand = {
  name: 'restart',
  short: 'Restart a resource',
  long: `Restart a resource.

 The pod template gets a kubectl.kubernetes.io/restartedAt annotation with the current time, so the controller replaces every pod as in any rollout.`,
  examples: `  # Restart all pods of a deployment
  kubectl rollout restart deployment/web

  # Restart a daemon set
  kubectl rollout restart daemonset/agent`,
  use: 'RESOURCE [flags] [options]',
  run: (ctx): KubectlResult => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    let mutated = false;
    for (const t of namedObjects(ctx)) {
      if (!ROLLOUT_KINDS.includes(t.type.kind)) {
        stderr.push(`error: ${quotedResource(t)} restarting is not supported`);
        continue;
      }
      if ((t.obj as Deployment).spec?.paused) {
        stderr.push(`error: ${quotedResource(t)} can't restart paused deployment (run rollout resume first)`);
        continue;
      }
      restartWorkload(ctx.host.store, t.type.kind, t.obj.metadata.name, t.obj.metadata.namespace!, ctx.host.nowMs());
      mutated = true;
      stdout.push(`${t.label} restarted`);
    }
    return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: stderr.length ? 1 : 0, mutated };
  },
};
