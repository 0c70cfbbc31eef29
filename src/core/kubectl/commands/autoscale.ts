import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { apiVersionOf } from '../../api/resource-types';
import { SCALABLE_KINDS } from '../../controllers/scale';
import type { KubectlCommand } from '../framework/command';
import { fail, joinLines, type KubectlResult } from '../framework/result';
import { gvrString } from '../resources/builder';
import { namedObjects } from '../resources/named-objects';
import { createObject, GENERATOR_FLAGS } from './create/create-object';

/**
 * `kubectl autoscale` (autoscale.go): create an autoscaling/v2 HorizontalPodAutoscaler for each
 * scalable object, named like it, with --min / --max and, with --cpu-percent, a CPU utilisation
 * target; the API server defaults the rest.
 */
export const autoscaleCommand: KubectlCommand = {
  name: 'autoscale',
  group: 'Deploy Commands:',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  long: `Creates an autoscaler that automatically chooses and sets the number of pods that run in a Kubernetes cluster.

 Looks up a deployment, replica set, stateful set, or replication controller by name and creates an autoscaler that uses the given resource as a reference. An autoscaler can automatically increase or decrease number of pods deployed within the system as needed.`,
  examples: `  # Auto scale a deployment "web", with the number of pods between 2 and 10, no target CPU utilization specified so a default autoscaling policy will be used
  kubectl autoscale deployment web --min=2 --max=10

  # Auto scale a deployment "web", with the number of pods between 1 and 5, target CPU utilization at 80%
  kubectl autoscale deployment web --max=5 --cpu-percent=80`,
  use: '(-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [options]',
  flags: [
    { name: 'cpu-percent', type: 'int', defaultText: '-1', usage: "The target average CPU utilization (represented as a percent of requested CPU) over all the pods. If it's not specified or negative, a default autoscaling policy will be used." },
    { name: 'max', type: 'int', defaultText: '-1', usage: 'The upper limit for the number of pods that can be set by the autoscaler. Required.' },
    { name: 'min', type: 'int', defaultText: '-1', usage: "The lower limit for the number of pods that can be set by the autoscaler. If it's not specified or negative, the server will apply a default value." },
    { name: 'name', type: 'string', usage: 'The name for the newly created object. If not specified, the name of the input resource will be used.' },
    ...GENERATOR_FLAGS,
  ],
  run: (ctx): KubectlResult => {
    const f = ctx.flags;
    const min = f.int('min', -1);
    const max = f.int('max', -1);
    if (max < 1) return fail(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
    if (max < min) return fail(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
    const cpu = f.int('cpu-percent', -1);
    const stdout: string[] = [];
    const stderr: string[] = [];
    let mutated = false;
    for (const { type, obj } of namedObjects(ctx)) {
      if (!(SCALABLE_KINDS as readonly string[]).includes(type.kind)) return fail(`error: cannot autoscale a ${type.kind}: could not find scale subresource for ${gvrString(type)} in discovery information`);
      const hpa: HorizontalPodAutoscaler = {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: f.string('name') || obj.metadata.name, namespace: obj.metadata.namespace },
        spec: {
          scaleTargetRef: { apiVersion: apiVersionOf(type), kind: type.kind, name: obj.metadata.name },
          ...(min >= 0 ? { minReplicas: min } : {}),
          maxReplicas: max,
          ...(cpu >= 0 ? { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }] } : {}),
        },
      };
      const r = createObject(ctx, hpa, 'autoscaled');
      if (r.stdout) stdout.push(r.stdout);
      if (r.stderr) stderr.push(r.stderr);
      mutated ||= r.mutated;
    }
    return { stdout: joinLines(stdout), stderr: joinLines(stderr), exitCode: stderr.length ? 1 : 0, mutated };
  },
};
