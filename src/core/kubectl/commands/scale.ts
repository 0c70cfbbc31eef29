import { setScale } from '../../controllers/scale';
import { ApiError } from '../../store/api-error';
import type { KubectlCommand } from '../framework/command';
import { fail, joinLines, type KubectlResult } from '../framework/result';
import { selectedOrNamedObjects } from '../resources/named-objects';
import { ALL_FLAG, SELECTOR_FLAG } from './shared-flags';

/**
 * `kubectl scale` (scale.go): PUT the /scale subresource of each object; --current-replicas is a
 * precondition checked against the object's spec. Kinds without /scale get the server's NotFound.
 */
export const scaleCommand: KubectlCommand = {
  name: 'scale',
  group: 'Deploy Commands:',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`,
  examples: `  # Scale a deployment named web to 3
  kubectl scale --replicas=3 deployment/web

  # If the deployment named web's current size is 2, scale it to 3
  kubectl scale --current-replicas=2 --replicas=3 deployment/web

  # Scale a stateful set named db to 5
  kubectl scale --replicas=5 statefulset/db`,
  use: '[--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    ALL_FLAG,
    { name: 'current-replicas', type: 'int', defaultText: '-1', usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    { name: 'replicas', type: 'int', defaultText: '0', usage: 'The new desired number of replicas. Required.' },
    { name: 'resource-version', type: 'string', usage: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
    SELECTOR_FLAG,
  ],
  run: (ctx): KubectlResult => {
    const f = ctx.flags;
    if (!f.has('replicas')) return fail('error: required flag(s) "replicas" not set');
    const replicas = f.int('replicas', -1);
    if (replicas < 0) return fail('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const current = f.int('current-replicas', -1);
    const objects = selectedOrNamedObjects(ctx);
    if (objects.length === 0) return fail('error: no objects passed to scale');
    const stdout: string[] = [];
    const stderr: string[] = [];
    let mutated = false;
    const rv = f.string('resource-version');
    for (const { type, obj, label } of objects) {
      if (rv !== '' && rv !== obj.metadata.resourceVersion) {
        stderr.push(`error: Expected resource version to be ${rv}, was ${obj.metadata.resourceVersion}`);
        continue;
      }
      try {
        setScale(ctx.host.store, type.kind, obj.metadata.name, obj.metadata.namespace!, replicas, current >= 0 ? current : undefined);
        mutated = true;
        stdout.push(`${label} scaled`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        stderr.push(e.reason === 'Conflict' ? `error: ${e.message}` : e.kubectlMessage());
      }
    }
    return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: stderr.length ? 1 : 0, mutated };
  },
};
