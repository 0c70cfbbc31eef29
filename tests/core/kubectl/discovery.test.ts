import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';

describe('discovery commands', () => {
  const sim = createSimulation({ seed: 1, cluster: 'minimal' });

  it('prints versions as kubectl v1.34 does', () => {
    expect(sim.kubectl('version').stdout).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.1');
    expect(sim.kubectl('version --client').stdout).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1');
  });

  it('lists API resources with kubectl\'s columns, core group first', () => {
    const lines = sim.kubectl('api-resources').stdout.split('\n');
    expect(lines[0]).toBe('NAME                          SHORTNAMES   APIVERSION                       NAMESPACED   KIND');
    expect(lines).toContain('pods                          po           v1                               true         Pod');
    expect(lines).toContain('deployments                   deploy       apps/v1                          true         Deployment');
    expect(lines).toContain('poddisruptionbudgets          pdb          policy/v1                        true         PodDisruptionBudget');
    expect(lines).toContain('priorityclasses               pc           scheduling.k8s.io/v1             false        PriorityClass');
    expect(lines).toContain('leases                                     coordination.k8s.io/v1           true         Lease');
    expect(sim.kubectl('api-resources --namespaced=false -o name').stdout).toBe(
      'namespaces\nnodes\npersistentvolumes\nstorageclasses.storage.k8s.io\npriorityclasses.scheduling.k8s.io\nkubeschedulerconfigurations.kubescheduler.config.k8s.io',
    );
    expect(sim.kubectl('api-resources -o wide').stdout.split('\n')[0]).toBe(
      'NAME                          SHORTNAMES   APIVERSION                       NAMESPACED   KIND                         VERBS                                                        CATEGORIES',
    );
    expect(sim.kubectl('api-versions').stdout).toBe(
      'apps/v1\nautoscaling/v2\nbatch/v1\ncoordination.k8s.io/v1\ndiscovery.k8s.io/v1\nkubescheduler.config.k8s.io/v1\npolicy/v1\nscheduling.k8s.io/v1\nstorage.k8s.io/v1\nv1',
    );
  });

  it('prints cluster-info with kubectl\'s colours', () => {
    const ip = sim.get<{ status: { addresses: { type: string; address: string }[] } }>('node', 'control-plane')!.status.addresses[0]!.address;
    expect(sim.kubectl('cluster-info').stdout).toBe(
      `\x1b[0;32mKubernetes control plane\x1b[0m is running at \x1b[0;33mhttps://${ip}:6443\x1b[0m\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.`,
    );
  });

  it('explains kinds and fields from the schemas the editor uses', () => {
    const out = sim.kubectl('explain pods.spec.containers').stdout.split('\n');
    expect(out.slice(0, 7)).toEqual(['KIND:       Pod', 'VERSION:    v1', '', 'FIELD: containers <[]Container>', '', 'DESCRIPTION:', '    The containers of the pod. At least one.']);
    expect(out).toContain('  name\t<string> -required-');
    expect(out).toContain('  imagePullPolicy\t<string>');
    expect(out).toContain('  enum: Always, IfNotPresent, Never');
    expect(sim.kubectl('explain pod.spec.nope').stderr).toBe('error: field "nope" does not exist');
    expect(sim.kubectl('explain widgets').stderr).toBe('error: the server doesn\'t have a resource type "widgets"');
    const recursive = sim.kubectl('explain pod.spec.tolerations --recursive').stdout.split('\n');
    expect(recursive.slice(-5)).toEqual(['  effect\t<string>', '  key\t<string>', '  operator\t<string>', '  tolerationSeconds\t<integer>', '  value\t<string>']);
  });
});

describe('Tab completion', () => {
  const sim = createSimulation({ seed: 1, cluster: 'minimal' });
  sim.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: nginx}]\n');

  it.each([
    ['kub', ['kubectl'], 0],
    ['kubectl desc', ['describe'], 8],
    ['kubectl get po', ['poddisruptionbudgets', 'poddisruptionbudgets.policy', 'pods'], 12],
    ['kubectl get pods w', ['web'], 17],
    ['kubectl describe pod/', ['pod/web'], 17],
    ['kubectl get pods -n kube-', ['kube-node-lease', 'kube-public', 'kube-system'], 20],
    ['kubectl get pods -o js', ['json', 'jsonpath='], 20],
    ['kubectl get pods --show-l', ['--show-labels'], 17],
    ['kubectl cordon worker-', ['worker-1', 'worker-2'], 15],
    ['kubectl create dep', ['deployment'], 15],
    ['kubectl explain pod.spec.tol', ['pod.spec.tolerations'], 16],
    ['kubectl get pods --namespace=kube-s', ['--namespace=kube-system'], 17],
    ['kubectl rollout st', ['status'], 16],
    ['kubectl rollout status deployments.a', ['deployments.apps'], 23],
    ['kubectl set im', ['image'], 12],
    ['kubectl set image pod w', ['web'], 22],
    ['kubectl delete pod web --cascade=f', ['--cascade=foreground'], 23],
    ['kubectl expose pod web --type N', ['NodePort'], 30],
    ['kubectl scale --repl', ['--replicas'], 14],
    ['kubectl autoscale deploy --m', ['--max', '--min'], 25],
    ['kubectl ed', ['edit'], 8],
    ['kubectl top n', ['node'], 12],
    ['kubectl top node worker-', ['worker-1', 'worker-2'], 17],
    ['kubectl logs w', ['web'], 13],
    ['kubectl drain --ignore-d', ['--ignore-daemonsets'], 14],
  ])('completes %j', (line, candidates, replaceFrom) => {
    expect(sim.completeKubectl(line)).toEqual({ candidates, replaceFrom });
  });

  it('completes the name in the namespace the line names', () => {
    expect(sim.completeKubectl('kubectl get pods -n kube-system w').candidates).toEqual([]);
  });

  it('completes -f with the editor files', () => {
    expect(sim.completeKubectl('kubectl apply -f ', undefined, { 'web.yaml': '', 'job.yaml': '' }).candidates).toEqual(['-', 'job.yaml', 'web.yaml']);
  });
});

describe('the node shell of kubectl debug', () => {
  it('creates the debugging pod on the node and answers in the shell', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    const r = sim.kubectl('debug node/worker-1 -it --image=busybox');
    expect(r.stdout).toMatch(/^Creating debugging pod node-debugger-worker-1-[a-z0-9]{5} with container debugger on node worker-1\.\nIf you don't see a command prompt, try pressing enter\.$/);
    expect(r.nodeShell).toEqual({ node: 'worker-1' });
    expect(sim.nodeShell('worker-1', 'hostname').stdout).toBe('worker-1');
    expect(sim.nodeShell('worker-1', 'nvidia-smi')).toMatchObject({ stderr: 'bash: nvidia-smi: command not found', exitCode: 127 });
    expect(sim.nodeShell('worker-1', 'exit').exited).toBe(true);
    expect(sim.kubectl('debug node/ghost -it --image=busybox').stderr).toBe('Error from server (NotFound): nodes "ghost" not found');
  });
});

describe('kubectl events', () => {
  it('lists events oldest first with Kind/name objects, filtered with --for and --types', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers: [{name: c, image: nginx, resources: {requests: {cpu: "64"}}}]\n');
    // Nothing in the cluster changes, so the scheduler retries only after podMaxInUnschedulablePodsDuration (5 min).
    sim.advance(360);
    const lines = sim.kubectl('events --for pod/big').stdout.split('\n');
    expect(lines[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(lines[1]).toMatch(/^\w+ \(x\d+ over \w+\) +Warning +FailedScheduling +Pod\/big +0\/3 nodes are available: /);
    expect(sim.kubectl('events --types=Normal --for pod/big')).toMatchObject({ stdout: '', stderr: 'No events found in default namespace.' });
    expect(sim.kubectl('events --types=Error').stderr).toBe('error: valid --types are Normal or Warning');
    expect(sim.kubectl('events -A').stdout.split('\n')[0]).toMatch(/^NAMESPACE +LAST SEEN +TYPE/);
  });
});
