import type { Container } from 'kubernetes-types/core/v1';
import type { KubectlCommand } from '../../framework/command';
import { fail } from '../../framework/result';
import { createObject, GENERATOR_FLAGS, requireName } from './create-object';

/**
 * Container names kubectl derives from images (create_deployment.go buildPodSpec): the last path
 * segment without tag or digest, `_` turned into `-`, made unique with a numeric suffix.
 */
export function containerNamesFor(images: readonly string[]): string[] {
  const used = new Set<string>();
  return images.map((image) => {
    let name = image.split('/').pop()!.split('@')[0]!.split(':')[0]!.replace(/_/g, '-');
    if (used.has(name)) {
      let i = 1;
      while (used.has(`${name}-${i}`)) i++;
      name = `${name}-${i}`;
    }
    used.add(name);
    return name;
  });
}

/** kubectl create deployment: `app: NAME` labels and selector, one container per --image. */
export const createDeploymentCommand: KubectlCommand = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  long: 'Create a deployment with the specified name.',
  examples: `  # Create a deployment named web that runs the nginx image
  kubectl create deployment web --image=nginx

  # Create a deployment with 3 replicas and print it instead of creating it
  kubectl create deployment web --image=nginx:1.27 --replicas=3 --dry-run=client -o yaml

  # Create a deployment with a command
  kubectl create deployment sleeper --image=busybox -- sleep 3600`,
  use: 'NAME --image=image -- [COMMAND] [args...] [flags] [options]',
  flags: [
    { name: 'image', type: 'stringArray', usage: 'Image name to run. Repeat for several containers.' },
    { name: 'port', type: 'int', defaultText: '-1', usage: 'The containerPort the deployment exposes.' },
    { name: 'replicas', short: 'r', type: 'int', defaultText: '1', usage: 'Number of replicas to create. Default is 1.' },
    ...GENERATOR_FLAGS,
  ],
  run: (ctx) => {
    const name = requireName(ctx);
    if (typeof name !== 'string') return name;
    const images = ctx.flags.strings('image');
    if (images.length === 0) return fail('error: required flag(s) "image" not set');
    const command = ctx.flags.afterDash ?? [];
    if (command.length > 0 && images.length > 1) return fail('error: cannot specify multiple --image options and command');
    const port = ctx.flags.int('port', -1);
    const names = containerNamesFor(images);
    const containers: Container[] = images.map((image, i) => ({
      image,
      name: names[i]!,
      ...(command.length ? { command: [...command] } : {}),
      ...(port >= 0 ? { ports: [{ containerPort: port }] } : {}),
      resources: {},
    }));
    const labels = { app: name };
    return createObject(ctx, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { labels, name },
      spec: {
        replicas: ctx.flags.int('replicas', 1),
        selector: { matchLabels: { ...labels } },
        strategy: {},
        template: { metadata: { labels: { ...labels } }, spec: { containers } },
      },
      status: {},
    });
  },
};
