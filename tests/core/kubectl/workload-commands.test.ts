import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { NGINX_TEMPLATE, webDeployment } from './helpers';

const deployment = (image: string, replicas = 3) => webDeployment({ image, replicas, port: 80 });

describe('kubectl rollout', () => {
  it('status waits on the virtual clock and prints a line per change until the rollout is done', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(deployment('nginx:1.27'));
    sim.advance(30);
    sim.apply(deployment('nginx:1.28'));
    const before = sim.now();
    const r = sim.kubectl('rollout status deployment/web');
    expect(r.exitCode).toBe(0);
    expect(r.mutated).toBe(true);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Waiting for deployment spec update to be observed...');
    expect(lines).toContain('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...');
    expect(lines).toContain('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...');
    expect(lines[lines.length - 1]).toBe('deployment "web" successfully rolled out');
    expect(sim.now()).toBeGreaterThan(before);
    // Done at the instant the last watch event said so: asking again prints one line and waits no more.
    expect(sim.kubectl('rollout status deploy/web')).toMatchObject({ stdout: 'deployment "web" successfully rolled out', mutated: false });
  });

  it('is replayed exactly from the command log', () => {
    const sim = createSimulation({ seed: 3, cluster: 'minimal' });
    sim.apply(deployment('nginx:1.27'));
    const first = sim.kubectl('rollout status deploy/web').stdout;
    const copy = createSimulation();
    copy.restore(sim.snapshot());
    expect(copy.now()).toBe(sim.now());
    expect(copy.kubectl('get deploy web -o jsonpath={.status.availableReplicas}').stdout).toBe('3');
    expect(first.endsWith('deployment "web" successfully rolled out')).toBe(true);
  });

  it('status with --watch=false prints once, and --timeout gives up with kubectl\'s error', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(deployment('nginx:1.27'));
    expect(sim.kubectl('rollout status deploy/web --watch=false')).toMatchObject({ stdout: 'Waiting for deployment spec update to be observed...', exitCode: 0, mutated: false });
    sim.advance(30);
    // A template whose pods cannot be scheduled: the rollout never finishes.
    sim.apply(deployment('nginx:1.27').replace('ports: [{ containerPort: 80 }]', 'ports: [{ containerPort: 80 }], resources: { requests: { cpu: "64" } }'));
    const start = sim.now();
    const r = sim.kubectl('rollout status deploy/web --timeout=20s');
    expect(sim.now()).toBe(start + 20);
    expect(r.stdout.split('\n').pop()).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...');
    expect(r.stderr).toBe('error: timed out waiting for the condition');
    expect(r.exitCode).toBe(1);
    expect(sim.kubectl('rollout status deploy/web --timeout=abc').stderr).toBe(
      'error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"\nSee \'kubectl rollout status --help\' for usage.',
    );
    expect(sim.kubectl('rollout status pod/x').stderr).toBe('Error from server (NotFound): pods "x" not found');
  });

  it('history lists revisions, shows one revision\'s template, and undo goes back', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(deployment('nginx:1.27'));
    sim.advance(20);
    sim.kubectl('set image deployment/web nginx=nginx:1.28');
    sim.advance(20);
    expect(sim.kubectl('rollout history deployment/web').stdout).toBe('deployment.apps/web\nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n');
    expect(sim.kubectl('rollout history deployment/web --revision=1').stdout).toBe(
      [
        'deployment.apps/web with revision #1',
        ...NGINX_TEMPLATE,
        '',
      ].join('\n'),
    );
    const [oldRS, newRS] = [1, 2].map((rev) => sim.list<{ metadata: { name: string; annotations: Record<string, string> } }>('rs').find((rs) => rs.metadata.annotations['deployment.kubernetes.io/revision'] === String(rev))!.metadata.name);
    const described = sim.kubectl('describe deploy web').stdout.split('\n');
    expect(described.filter((l) => /^(Old|New)ReplicaSets?:/.test(l))).toEqual([`OldReplicaSets:  ${oldRS} (0/0 replicas created)`, `NewReplicaSet:   ${newRS} (3/3 replicas created)`]);
    expect(sim.kubectl('rollout history deployment/web --revision=7').stderr).toBe('error: unable to find the specified revision');
    expect(sim.kubectl('rollout undo deployment/web')).toMatchObject({ stdout: 'deployment.apps/web rolled back', mutated: true });
    sim.advance(20);
    expect(sim.kubectl('get deploy web -o jsonpath={.spec.template.spec.containers[0].image}').stdout).toBe('nginx:1.27');
    expect(sim.kubectl('rollout history deployment/web').stdout).toBe('deployment.apps/web\nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n');
    expect(sim.kubectl('rollout undo deployment/web --to-revision=9').stderr).toBe('error: unable to find specified revision 9 in history');
  });

  it('pauses, resumes and restarts with kubectl\'s lines and errors', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(deployment('nginx:1.27', 1));
    sim.advance(20);
    expect(sim.kubectl('rollout pause deployment/web').stdout).toBe('deployment.apps/web paused');
    expect(sim.kubectl('rollout pause deployment/web')).toMatchObject({ stdout: 'deployment.apps/web already paused', exitCode: 0, mutated: false });
    expect(sim.kubectl('rollout restart deployment/web').stderr).toBe('error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)');
    expect(sim.kubectl('rollout undo deployment/web').stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
    expect(sim.kubectl('rollout resume deployment/web').stdout).toBe('deployment.apps/web resumed');
    expect(sim.kubectl('rollout resume deployment/web').stdout).toBe('deployment.apps/web already resumed');
    expect(sim.kubectl('rollout restart deployment/web').stdout).toBe('deployment.apps/web restarted');
    expect(sim.get<{ spec: { template: { metadata: { annotations: Record<string, string> } } } }>('deploy', 'web')!.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe('2026-01-05T09:00:20Z');
    expect(sim.kubectl('rollout status rs/x').stderr).toBe('Error from server (NotFound): replicasets.apps "x" not found');
  });
});

describe('kubectl scale, autoscale, set image, expose', () => {
  const sim = createSimulation({ seed: 1, cluster: 'minimal' });
  sim.apply(deployment('nginx:1.27', 2));
  sim.advance(20);

  it('scales with the --current-replicas precondition', () => {
    expect(sim.kubectl('scale deployment/web --replicas=3')).toMatchObject({ stdout: 'deployment.apps/web scaled', mutated: true });
    expect(sim.kubectl('scale --current-replicas=2 --replicas=4 deployment/web').stderr).toBe('error: Expected replicas to be 2, was 3');
    expect(sim.kubectl('scale deployment/web').stderr).toBe('error: required flag(s) "replicas" not set');
    expect(sim.kubectl('scale deployment/web --replicas=-1').stderr).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    sim.advance(20);
    expect(sim.kubectl('get deploy web').stdout.split('\n')[1]).toBe('web    3/3     3            3           40s');
  });

  it('creates an autoscaler for a deployment', () => {
    expect(sim.kubectl('autoscale deployment web --min=2 --max=5 --cpu-percent=60').stdout).toBe('horizontalpodautoscaler.autoscaling/web autoscaled');
    expect(sim.kubectl('get hpa web').stdout).toBe(
      ['NAME   REFERENCE        TARGETS              MINPODS   MAXPODS   REPLICAS   AGE', 'web    Deployment/web   cpu: <unknown>/60%   2         5         0          0s'].join('\n'),
    );
    expect(sim.kubectl('autoscale deployment web --max=1 --min=3').stderr).toBe('error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 1, min: 3');
    expect(sim.kubectl('autoscale deployment web --max=4 --name=web-hpa --dry-run=client -o name').stdout).toBe('horizontalpodautoscaler.autoscaling/web-hpa');
    expect(sim.kubectl('autoscale deployment web --max=4').stderr).toBe('Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "web" already exists');
  });

  it('sets images by container name, saying nothing when they already match', () => {
    expect(sim.kubectl('set image deployment/web nginx=nginx:1.28')).toMatchObject({ stdout: 'deployment.apps/web image updated', mutated: true });
    expect(sim.kubectl('set image deployment/web nginx=nginx:1.28')).toMatchObject({ stdout: '', exitCode: 0, mutated: false });
    expect(sim.kubectl('set image deployment/web app=nginx:1.28').stderr).toBe('error: unable to find container named "app"');
    expect(sim.kubectl('set image deployment/web').stderr).toBe("error: at least one image update is required\nSee 'kubectl set image -h' for help and examples");
  });

  it('exposes a deployment as a service selecting its pods', () => {
    expect(sim.kubectl('expose deployment web --port=80 --target-port=8080 --type=NodePort')).toMatchObject({ stdout: 'service/web exposed', mutated: true });
    const svc = sim.get<{ metadata: { labels: Record<string, string> }; spec: { selector: Record<string, string>; type: string; ports: { port: number; targetPort: number; protocol: string }[] } }>('svc', 'web')!;
    expect(svc.spec.selector).toEqual({ app: 'web' });
    expect(svc.metadata.labels).toEqual({ app: 'web' });
    expect(svc.spec.ports[0]).toMatchObject({ port: 80, targetPort: 8080, protocol: 'TCP' });
    expect(sim.kubectl('expose deployment web --name=web-internal --dry-run=client -o yaml').stdout).toContain('  - port: 80\n    protocol: TCP\n    targetPort: 80');
    expect(sim.kubectl('expose configmap kube-root-ca.crt').stderr).toMatch(/^(error: cannot expose a ConfigMap|Error from server \(NotFound\))/);
  });

  it('deletes with a cascading strategy, keeping the replica sets with orphan', () => {
    expect(sim.kubectl('delete deployment web --cascade=maybe').stderr).toBe('error: invalid cascade value (maybe). Must be "background", "foreground", or "orphan".');
    expect(sim.kubectl('delete deployment web --cascade=orphan').stdout).toBe('deployment.apps "web" deleted from default namespace');
    sim.advance(10);
    expect(sim.list('rs').length).toBeGreaterThan(0);
    expect(sim.list('rs').every((rs) => !rs.metadata?.ownerReferences?.length)).toBe(true);
  });
});

describe('kubectl run', () => {
  it('creates a pod labelled run=NAME, with args after --', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    expect(sim.kubectl('run pinger --image=busybox --restart=Never -- ping -c 3 10.96.0.10')).toMatchObject({ stdout: 'pod/pinger created', mutated: true });
    const pod = sim.get<{ metadata: { labels: Record<string, string> }; spec: { restartPolicy: string; containers: { name: string; args: string[] }[] } }>('pod', 'pinger')!;
    expect(pod.metadata.labels).toEqual({ run: 'pinger' });
    expect(pod.spec.restartPolicy).toBe('Never');
    expect(pod.spec.containers[0]).toMatchObject({ name: 'pinger', args: ['ping', '-c', '3', '10.96.0.10'] });
    expect(sim.kubectl('run web --image=nginx --port=80 --dry-run=client -o yaml').stdout).toBe(
      ['apiVersion: v1', 'kind: Pod', 'metadata:', '  labels:', '    run: web', '  name: web', 'spec:', '  containers:', '  - image: nginx', '    name: web', '    ports:', '    - containerPort: 80', '    resources: {}', '  dnsPolicy: ClusterFirst', '  restartPolicy: Always', 'status: {}'].join('\n'),
    );
    expect(sim.kubectl('run web').stderr).toBe('error: required flag(s) "image" not set');
    expect(sim.kubectl('run shell --image=busybox -it').stderr).toMatch(/^error: attaching to a pod \(-i, -t, --attach, --rm\) is not supported by Kubelab/);
  });

  it('lists the commands in kubectl\'s order within each help group', () => {
    const help = createSimulation().kubectl('--help').stdout;
    const group = (title: string) => help.split(`${title}\n`)[1]!.split('\n\n')[0]!.split('\n').map((l) => l.trim().split(/\s+/)[0]);
    expect(group('Basic Commands (Beginner):')).toEqual(['create', 'expose', 'run', 'set']);
    expect(group('Basic Commands (Intermediate):')).toEqual(['explain', 'get', 'edit', 'delete']);
    expect(group('Deploy Commands:')).toEqual(['rollout', 'scale', 'autoscale']);
    expect(group('Cluster Management Commands:')).toEqual(['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']);
    expect(group('Troubleshooting and Debugging Commands:')).toEqual(['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events']);
    expect(group('Advanced Commands:')).toEqual(['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']);
  });
});

describe('kubectl events for a workload', () => {
  it('lists the events of one deployment with --for, kind-qualified', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(deployment('nginx:1.27', 2));
    sim.advance(30);
    const rs = sim.list<{ metadata: { name: string } }>('rs')[0]!.metadata.name;
    expect(sim.kubectl('events --for deployment/web').stdout).toBe(
      ['LAST SEEN   TYPE     REASON              OBJECT           MESSAGE', `30s         Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set ${rs} to 2 from 0`].join('\n'),
    );
    expect(sim.kubectl('events --for deployment/web --types=Warning').stderr).toBe('No events found in default namespace.');
  });
});
