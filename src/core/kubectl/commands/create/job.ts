import type { KubectlCommand } from '../../framework/command';
import { fail } from '../../framework/result';
import { createObject, GENERATOR_FLAGS, requireName } from './create-object';

/** kubectl create job: one container named like the job, restartPolicy Never (create_job.go). */
export const createJobCommand: KubectlCommand = {
  name: 'job',
  short: 'Create a job with the specified name',
  long: 'Create a job with the specified name.',
  examples: `  # Create a job that prints a date
  kubectl create job hello --image=busybox -- date`,
  use: 'NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [flags] [options]',
  flags: [
    { name: 'image', type: 'string', usage: 'Image name to run.' },
    { name: 'from', type: 'string', usage: 'The name of the resource to create a Job from (only cronjob is supported).' },
    ...GENERATOR_FLAGS,
  ],
  run: (ctx) => {
    const name = requireName(ctx);
    if (typeof name !== 'string') return name;
    const image = ctx.flags.string('image');
    const from = ctx.flags.string('from');
    if (image === '' && from === '') return fail('error: either --image or --from must be specified');
    if (image !== '' && from !== '') return fail('error: --image and --from are mutually exclusive');
    if (from !== '') return fail('error: create job --from is not supported by Kubelab yet');
    const command = ctx.flags.afterDash ?? [];
    return createObject(ctx, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name },
      spec: {
        template: {
          metadata: {},
          spec: { containers: [{ image, name, ...(command.length ? { command: [...command] } : {}), resources: {} }], restartPolicy: 'Never' },
        },
      },
      status: {},
    });
  },
};
