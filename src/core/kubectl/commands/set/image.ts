import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/types';
import { ApiError } from '../../../store/api-error';
import type { KubectlCommand } from '../../framework/command';
import { fail, joinLines, type KubectlResult, usageError } from '../../framework/result';
import { selectedOrNamedObjects } from '../../resources/named-objects';
import { ALL_FLAG, SELECTOR_FLAG } from '../shared-flags';

/** Where each kind keeps its pod spec (polymorphichelpers UpdatePodSpecForObject). */
function podSpecOf(obj: KubeObject): PodSpec | undefined {
  const o = obj as { kind?: string; spec?: { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } & PodSpec };
  switch (o.kind) {
    case 'Pod':
      return o.spec;
    case 'CronJob':
      return o.spec?.jobTemplate?.spec?.template?.spec;
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return o.spec?.template?.spec;
    default:
      return undefined;
  }
}

/**
 * `kubectl set image` (set_image.go): `CONTAINER=IMAGE` pairs, `*` for every container; init
 * containers count too. An object whose images already match is left alone and printed nothing.
 */
export const setImageCommand: KubectlCommand = {
  name: 'image',
  short: 'Update the image of a pod template',
  long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

  pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  examples: `  # Set a deployment's nginx container image to 'nginx:1.28'
  kubectl set image deployment/web nginx=nginx:1.28

  # Update image of all containers of daemonset agent to 'busybox'
  kubectl set image daemonset agent *=busybox`,
  use: '(-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  flags: [ALL_FLAG, SELECTOR_FLAG],
  run: (ctx): KubectlResult => {
    const pairs = ctx.args.filter((a) => a.includes('='));
    const resources = ctx.args.filter((a) => !a.includes('='));
    if (pairs.length === 0) return usageError(ctx.path, 'at least one image update is required');
    const images = new Map<string, string>();
    for (const p of pairs) {
      const eq = p.indexOf('=');
      if (eq === 0 || eq === p.length - 1) return fail(`error: invalid image update ${JSON.stringify(p)}: expected CONTAINER=IMAGE`);
      images.set(p.slice(0, eq), p.slice(eq + 1));
    }
    const selected = selectedOrNamedObjects({ ...ctx, args: resources });
    const stdout: string[] = [];
    const stderr: string[] = [];
    let mutated = false;
    for (const { type, obj, label } of selected) {
      const spec = podSpecOf(obj);
      if (!spec) {
        stderr.push(`error: ${label} the object is not a pod or does not have a pod template: ${type.kind}`);
        continue;
      }
      const all = [...(spec.initContainers ?? []), ...spec.containers];
      for (const name of images.keys()) {
        if (name !== '*' && !all.some((c) => c.name === name)) {
          stderr.push(`error: unable to find container named ${JSON.stringify(name)}`);
        }
      }
      if (stderr.length) continue;
      const wanted = (c: Container) => images.get(c.name) ?? images.get('*');
      if (all.every((c) => wanted(c) === undefined || wanted(c) === c.image)) continue;
      try {
        ctx.host.store.patch(type.kind, obj.metadata.name, obj.metadata.namespace, (draft) => {
          const s = podSpecOf(draft)!;
          for (const c of [...(s.initContainers ?? []), ...s.containers]) {
            const image = wanted(c);
            if (image !== undefined) c.image = image;
          }
        });
        mutated = true;
        stdout.push(`${label} image updated`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        stderr.push(e.kubectlMessage());
      }
    }
    return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: stderr.length ? 1 : 0, mutated };
  },
};
