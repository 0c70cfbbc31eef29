import type { Deployment } from 'kubernetes-types/apps/v1';
import { rolloutStatus } from '../../../controllers/rollout';
import { ApiError } from '../../../store/api-error';
import { ROLLOUT_KINDS } from './kinds';
import type { KubectlCommand } from '../../framework/command';
import { parseGoDuration } from '../../../format/duration';
import { durationFlagError } from '../../framework/duration-flag';
import { fail, type KubectlResult } from '../../framework/result';
import { WAIT_CAP_MS, waitOnClock } from '../../wait';
import { groupKind, namedObjects } from '../../resources/named-objects';

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/**
 * `kubectl rollout status` (rollout_status.go): print the status viewer's line for the object,
 * then — with --watch, the default — one line per change of the object until the rollout is
 * done, its progress deadline is exceeded, the object is deleted or --timeout passes. Waiting
 * runs the virtual clock forward instant by instant, so the command is logged as a mutation.
 */
export const rolloutStatusCommand: KubectlCommand = {
  name: 'status',
  short: 'Show the status of the rollout',
  long: `Show the status of the rollout.

 By default rollout status watches the latest rollout until it is done. Use --watch=false to print the status once and return. With --timeout, stop waiting after that long.

 In Kubelab, waiting moves the simulation's virtual clock forward until the rollout finishes.`,
  examples: `  # Watch the rollout status of a deployment
  kubectl rollout status deployment/web

  # Print the status once without waiting
  kubectl rollout status deployment/web --watch=false`,
  use: '(TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    { name: 'revision', type: 'int', defaultText: '0', usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).' },
    { name: 'timeout', type: 'string', defaultText: '0s', usage: 'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
    { name: 'watch', short: 'w', type: 'bool', defaultText: 'true', usage: "Watch the status of the rollout until it's done." },
  ],
  run: (ctx): KubectlResult => {
    const f = ctx.flags;
    const revision = f.int('revision', 0);
    if (revision < 0) return fail(`error: revision must be a positive integer: ${revision}`);
    const timeoutText = f.string('timeout', '0s');
    const timeout = parseGoDuration(timeoutText);
    if (timeout === undefined) return fail(durationFlagError(ctx.path, 'timeout', timeoutText));
    const targets = namedObjects(ctx);
    if (targets.length !== 1) return fail(`error: rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`);
    const t = targets[0]!;
    if (!ROLLOUT_KINDS.includes(t.type.kind)) return fail(`error: no status viewer has been implemented for ${groupKind(t.type)}`);
    const store = ctx.host.store;
    const { kind } = t.type;
    const name = t.obj.metadata.name;
    const namespace = t.obj.metadata.namespace!;

    const lines: string[] = [];
    let error: string | undefined;
    let done = false;
    /** One watch event: the status viewer's line, or the error that ends the watch. */
    const look = (): void => {
      const obj = store.get(kind, name, namespace);
      if (!obj) {
        error = 'error: object has been deleted';
        return;
      }
      if (revision > 0 && kind === 'Deployment') {
        const running = Number((obj as Deployment).metadata?.annotations?.[REVISION_ANNOTATION] ?? 0);
        if (running !== revision) {
          error = `error: desired revision (${revision}) is different from the running revision (${running})`;
          return;
        }
      }
      try {
        const st = rolloutStatus(store, kind, name, namespace);
        lines.push(st.message);
        done = st.done;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        error = `error: ${e.message}`;
      }
    };
    look();
    const finished = () => done || error !== undefined;
    if (finished() || !f.bool('watch', true)) return result(lines, error, false);

    const clock = ctx.host.clock;
    if (!clock) return result(lines, 'error: this Kubelab host cannot wait for a rollout', false);
    const start = clock.now();
    const stop = store.watch(kind, (e) => {
      if (finished() || e.object.metadata.name !== name || e.object.metadata.namespace !== namespace) return;
      if (e.type === 'DELETED') error = 'error: object has been deleted';
      else look();
    });
    try {
      waitOnClock(clock, start + (timeout > 0 ? timeout : WAIT_CAP_MS), finished);
    } finally {
      stop();
    }
    if (!finished()) {
      error = timeout > 0 ? 'error: timed out waiting for the condition' : `Kubelab: stopped waiting after ${WAIT_CAP_MS / 60_000} minutes of virtual time; the rollout has not finished (run the command again to keep waiting)`;
    }
    return result(lines, error, clock.now() > start);
  },
};

function result(lines: readonly string[], error: string | undefined, waited: boolean): KubectlResult {
  return { stdout: lines.join('\n'), stderr: error ?? '', exitCode: error ? 1 : 0, mutated: waited };
}
