import { done, type FaultAction, type FaultDeps, field, refused } from './deps';
import type { Fault, FaultResult } from './faults';

/** Faults of one pod's containers: a crash, an OOM kill, or the whole pod killed. */
function target(deps: FaultDeps, f: Fault) {
  const namespace = typeof field(f, 'namespace') === 'string' ? (field(f, 'namespace') as string) : 'default';
  const pod = String(field(f, 'pod'));
  const located = deps.kubelets.locate(namespace, pod);
  if (!located) {
    return deps.ctx.store.get('Pod', pod, namespace) ? refused(`pod ${namespace}/${pod} is not running on a node`) : refused(`pods ${JSON.stringify(pod)} not found`);
  }
  const worker = located.kubelet.alive ? located.kubelet.worker(located.pod.metadata.uid) : undefined;
  if (!worker) return refused(`pod ${namespace}/${pod} has no running containers (its node is down or it has not started)`);
  return { worker, namespace, pod };
}

function crash(deps: FaultDeps, f: Fault, oom: boolean): FaultResult {
  const t = target(deps, f);
  if ('ok' in t) return t;
  const container = typeof field(f, 'container') === 'string' ? (field(f, 'container') as string) : undefined;
  const code = typeof field(f, 'exitCode') === 'number' ? (field(f, 'exitCode') as number) : 1;
  if (!t.worker.crashContainer(container, code, oom)) {
    return refused(container ? `container ${JSON.stringify(container)} of pod ${t.namespace}/${t.pod} is not running` : `pod ${t.namespace}/${t.pod} has no running container`);
  }
  return done(oom ? `container of ${t.namespace}/${t.pod} OOM-killed` : `container of ${t.namespace}/${t.pod} exited with code ${code}`);
}

export const WORKLOAD_FAULTS: Readonly<Record<string, FaultAction>> = {
  'container-crash': (deps, f) => crash(deps, f, false),
  oom: (deps, f) => crash(deps, f, true),
  'pod-kill': (deps, f) => {
    const namespace = typeof field(f, 'namespace') === 'string' ? (field(f, 'namespace') as string) : 'default';
    const pod = String(field(f, 'pod'));
    if (!deps.ctx.store.get('Pod', pod, namespace)) return refused(`pods ${JSON.stringify(pod)} not found`);
    deps.ctx.store.delete('Pod', pod, namespace, { gracePeriodSeconds: 0 });
    return done(`pod ${namespace}/${pod} killed`);
  },
};
