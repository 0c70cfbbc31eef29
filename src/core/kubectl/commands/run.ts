import type { Pod } from 'kubernetes-types/core/v1';
import type { KubectlCommand } from '../framework/command';
import { fail, type KubectlResult, usageError } from '../framework/result';
import { createObject, GENERATOR_FLAGS } from './create/create-object';

/** `--labels a=b,c=d` and `--env K=V` pairs; kubectl refuses malformed ones. */
function pairs(list: readonly string[], what: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) return `invalid ${what}: ${item}`;
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

/**
 * `kubectl run` (run.go): one pod named NAME with one container of that name, labelled
 * `run=NAME` unless --labels, restartPolicy from --restart; arguments after `--` are the
 * container's args (or its command with --command). Attaching (-i, -t, --attach, --rm) needs a
 * process to talk to, which simulated containers do not have.
 */
export const runCommand: KubectlCommand = {
  name: 'run',
  group: 'Basic Commands (Beginner):',
  short: 'Run a particular image on the cluster',
  long: 'Create and run a particular image in a pod.',
  examples: `  # Start a nginx pod
  kubectl run nginx --image=nginx

  # Start a hazelcast pod and let the container expose port 5701
  kubectl run hazelcast --image=hazelcast/hazelcast --port=5701

  # Start a busybox pod that runs a command and is not restarted
  kubectl run pinger --image=busybox --restart=Never --command -- ping -c 3 10.96.0.10`,
  use: 'NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    { name: 'annotations', type: 'stringArray', usage: 'Annotations to apply to the pod.' },
    { name: 'attach', type: 'bool', usage: 'If true, wait for the Pod to start running, and then attach to the Pod as if kubectl attach ... were called.' },
    { name: 'command', type: 'bool', usage: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'env', type: 'stringArray', usage: 'Environment variables to set in the container.' },
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    { name: 'image-pull-policy', type: 'string', usage: 'The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server.' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
    { name: 'restart', type: 'string', defaultText: "'Always'", usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'rm', type: 'bool', usage: 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a TTY for the container in the pod.' },
    ...GENERATOR_FLAGS,
  ],
  run: (ctx): KubectlResult => {
    const f = ctx.flags;
    if (ctx.args.length === 0) return usageError(ctx.path, 'NAME is required for run');
    const name = ctx.args[0]!;
    const image = f.string('image');
    if (image === '') return fail('error: required flag(s) "image" not set');
    if (f.bool('attach') || f.bool('stdin') || f.bool('tty') || f.bool('rm')) {
      return fail('error: attaching to a pod (-i, -t, --attach, --rm) is not supported by Kubelab: simulated containers have no process to attach to; run the pod and use kubectl logs');
    }
    const restart = f.string('restart') || 'Always';
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) return fail(`error: invalid restart policy: ${restart}`);
    const labels = f.string('labels') ? pairs(f.string('labels').split(','), 'label spec') : { run: name };
    if (typeof labels === 'string') return fail(`error: ${labels}`);
    const env = pairs(f.strings('env'), 'env');
    if (typeof env === 'string') return fail(`error: ${env}`);
    const annotations = pairs(f.strings('annotations'), 'annotation');
    if (typeof annotations === 'string') return fail(`error: ${annotations}`);
    const port = f.string('port');
    const rest = [...(ctx.flags.afterDash ?? []), ...ctx.args.slice(1)];
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { ...(Object.keys(annotations).length ? { annotations } : {}), labels, name },
      spec: {
        containers: [
          {
            ...(rest.length && !f.bool('command') ? { args: rest } : {}),
            ...(rest.length && f.bool('command') ? { command: rest } : {}),
            ...(Object.keys(env).length ? { env: Object.entries(env).map(([k, v]) => ({ name: k, value: v })) } : {}),
            image,
            ...(f.string('image-pull-policy') ? { imagePullPolicy: f.string('image-pull-policy') } : {}),
            name,
            ...(port ? { ports: [{ containerPort: Number(port) }] } : {}),
            resources: {},
          },
        ],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: restart,
      },
      status: {},
    };
    return createObject(ctx, pod);
  },
};
