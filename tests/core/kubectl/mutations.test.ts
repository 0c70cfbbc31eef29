import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { bareCluster } from './helpers';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';

describe('kubectl apply', () => {
  it('applies stdin and editor files, created / configured / unchanged', () => {
    const c = bareCluster({ 'web.yaml': POD, 'web-v2.yaml': POD.replace('nginx:1.27', 'nginx:1.28') });
    expect(c.kubectl('apply -f -', POD)).toMatchObject({ stdout: 'pod/web created', exitCode: 0, mutated: true });
    expect(c.kubectl('apply -f web.yaml')).toMatchObject({ stdout: 'pod/web unchanged', exitCode: 0 });
    expect(c.kubectl('apply -f web-v2.yaml')).toMatchObject({ stdout: 'pod/web configured', exitCode: 0 });
    expect(c.kubectl('apply -f web.yaml -o name').stdout).toBe('pod/web');
  });

  it('reports validation errors in the API server\'s words and changes nothing', () => {
    const c = bareCluster();
    const bad = POD.replace('    image: nginx:1.27\n', '');
    expect(c.kubectl('apply -f -', bad)).toMatchObject({ stdout: '', stderr: 'The Pod "web" is invalid: spec.containers[0].image: Required value', exitCode: 1, mutated: false });
    expect(c.store.get('Pod', 'web')).toBeUndefined();
    expect(c.kubectl('apply -f -', 'kind: Widget\napiVersion: v9\nmetadata: {name: w}\n').stderr).toBe(
      'error: resource mapping not found for name: "w" namespace: "" from "STDIN": no matches for kind "Widget" in version "v9"\nensure CRDs are installed first',
    );
  });

  it('asks for -f and reports missing files', () => {
    const c = bareCluster();
    expect(c.kubectl('apply').stderr).toBe("error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples");
    expect(c.kubectl('apply -f nope.yaml').stderr).toBe('error: the path "nope.yaml" does not exist');
  });
});

describe('kubectl create', () => {
  it('creates namespaces and refuses duplicates and bad names', () => {
    const c = bareCluster();
    expect(c.kubectl('create namespace team-a')).toMatchObject({ stdout: 'namespace/team-a created', mutated: true });
    expect(c.kubectl('create ns team-a').stderr).toBe('Error from server (AlreadyExists): namespaces "team-a" already exists');
    expect(c.kubectl('create namespace Team_A').stderr).toMatch(/^The Namespace "Team_A" is invalid: metadata\.name: Invalid value: "Team_A": a lowercase RFC 1123 label must consist of/);
    expect(c.kubectl('create namespace').stderr).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples");
  });

  it('creates from a file, failing on objects that exist', () => {
    const c = bareCluster({ 'web.yaml': POD });
    expect(c.kubectl('create -f web.yaml').stdout).toBe('pod/web created');
    expect(c.kubectl('create -f web.yaml').stderr).toBe('Error from server (AlreadyExists): error when creating "web.yaml": pods "web" already exists');
  });

  it('prints generated objects with --dry-run=client', () => {
    const c = bareCluster();
    expect(c.kubectl('create deployment web --image=nginx:1.27 --replicas=3 --dry-run=client -o yaml').stdout).toBe(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  labels:',
        '    app: web',
        '  name: web',
        'spec:',
        '  replicas: 3',
        '  selector:',
        '    matchLabels:',
        '      app: web',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: web',
        '    spec:',
        '      containers:',
        '      - image: nginx:1.27',
        '        name: nginx',
        '        resources: {}',
        'status: {}',
      ].join('\n'),
    );
    expect(c.kubectl('create job hello --image=busybox --dry-run=client -- date').stdout).toBe('job.batch/hello created (dry run)');
    expect(c.kubectl('create secret generic db --from-literal=password=s3cr3t --dry-run=client -o json').stdout).toContain('"password": "czNjcjN0"');
    expect(c.kubectl('create configmap cfg --from-literal=mode=fast --from-literal=mode=slow --dry-run=client').stderr).toBe(
      'error: cannot add key mode, another key by that name already exists in Data for ConfigMap "cfg"',
    );
    expect(c.kubectl('create deployment web').stderr).toBe('error: required flag(s) "image" not set');
  });

  it('creates pod disruption budgets', () => {
    const c = bareCluster();
    expect(c.kubectl('create pdb web --selector=app=web --min-available=1').stdout).toBe('poddisruptionbudget.policy/web created');
    expect(c.kubectl('get pdb').stdout).toBe('NAME   MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\nweb    1               N/A               0                     0s');
  });
});

describe('kubectl delete', () => {
  it('deletes gracefully, names the namespace, and force-deletes with the warning', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply(POD);
    sim.advance(20);
    expect(sim.kubectl('delete pod web')).toMatchObject({ stdout: 'pod "web" deleted from default namespace', exitCode: 0, mutated: true });
    expect(sim.kubectl('get pods').stdout).toContain('Terminating');
    expect(sim.kubectl('delete pod web --grace-period=0 --force')).toMatchObject({
      stdout: 'pod "web" force deleted from default namespace',
      stderr: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
      exitCode: 0,
    });
    expect(sim.kubectl('get pods').stderr).toBe('No resources found in default namespace.');
  });

  it('names the manifest in the errors of delete -f, as kubectl does (cmdutil.AddSourceToErr)', () => {
    const c = bareCluster({ 'web.yaml': POD });
    expect(c.kubectl('delete -f web.yaml')).toMatchObject({ stderr: 'Error from server (NotFound): error when deleting "web.yaml": pods "web" not found', exitCode: 1 });
    expect(c.kubectl('delete -f -', POD).stderr).toBe('Error from server (NotFound): error when deleting "STDIN": pods "web" not found');
    c.kubectl('apply -f web.yaml');
    expect(c.kubectl('delete -f web.yaml')).toMatchObject({ stdout: 'pod "web" deleted from default namespace', stderr: '', exitCode: 0 });
  });

  it('deletes by label, says when nothing matched, and checks its flags', () => {
    const c = bareCluster();
    c.pod('a', { phase: 'Pending' }, { nodeName: undefined }, { app: 'web' });
    c.pod('b', { phase: 'Pending' }, { nodeName: undefined }, { app: 'db' });
    expect(c.kubectl('delete pods -l app=web').stdout).toBe('pod "a" deleted from default namespace');
    expect(c.kubectl('delete pods -l app=web')).toMatchObject({ stdout: 'No resources found', exitCode: 0 });
    expect(c.kubectl('delete pods').stderr).toBe('error: resource(s) were provided, but no name was specified');
    expect(c.kubectl('delete pod b --force --grace-period=5').stderr).toBe('error: --force and --grace-period greater than 0 cannot be specified together');
    expect(c.kubectl('delete pod ghost').stderr).toBe('Error from server (NotFound): pods "ghost" not found');
    expect(c.kubectl('delete ns kube-system -o name').stdout).toBe('namespace/kube-system');
    expect(c.kubectl('delete').stderr.split('\n')[0]).toBe('error: You must provide one or more resources by argument or filename.');
  });
});

describe('kubectl label and annotate', () => {
  it('adds, refuses to overwrite without --overwrite, overwrites and removes', () => {
    const c = bareCluster();
    c.pod('web', { phase: 'Pending' });
    expect(c.kubectl('label pods web tier=front').stdout).toBe('pod/web labeled');
    expect(c.kubectl('label pods web tier=back')).toMatchObject({ stderr: "error: 'tier' already has a value (front), and --overwrite is false", exitCode: 1 });
    expect(c.kubectl('label pods web tier=back --overwrite').stdout).toBe('pod/web labeled');
    expect(c.kubectl('label pods web tier=back').stdout).toBe('pod/web not labeled');
    expect(c.kubectl('label pods web tier-').stdout).toBe('pod/web labeled');
    expect(c.store.get('Pod', 'web')!.metadata.labels).toBeUndefined();
    expect(c.kubectl('label pods web bad=a b').stderr).toBe("error: all resources must be specified before label changes: bad=a b\nSee 'kubectl label -h' for help and examples");
    expect(c.kubectl('label pods web x=-bad-').stderr).toMatch(/^error: invalid label value: "x=-bad-": a valid label must be an empty string or consist of alphanumeric characters/);
    expect(c.kubectl('annotate pods web note="hello world"').stdout).toBe('pod/web annotated');
    expect(c.kubectl('annotate pod/web note-').stdout).toBe('pod/web annotated');
    expect(c.kubectl('label nodes --all zone=a').stdout).toBe('');
  });
});

describe('kubectl taint, cordon and uncordon', () => {
  it('adds and removes taints with kubectl\'s words', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    expect(sim.kubectl('taint nodes worker-1 nvidia.com/gpu=present:NoSchedule').stdout).toBe('node/worker-1 tainted');
    expect(sim.kubectl('taint nodes worker-1 nvidia.com/gpu=present:NoSchedule').stderr).toBe('error: node worker-1 already has nvidia.com/gpu taint(s) with same effect(s) and --overwrite is false');
    expect(sim.kubectl('taint nodes worker-1 nvidia.com/gpu=absent:NoSchedule --overwrite').stdout).toBe('node/worker-1 modified');
    expect(sim.kubectl('taint nodes worker-1 nvidia.com/gpu:NoSchedule-').stdout).toBe('node/worker-1 untainted');
    expect(sim.kubectl('taint nodes worker-1 dedicated-').stderr).toBe('error: taint "dedicated" not found');
    expect(sim.kubectl('taint nodes worker-1 a=b:Sometimes').stderr).toBe('error: invalid taint effect: Sometimes, unsupported taint effect');
    expect(sim.kubectl('taint pods web a=b:NoSchedule').stderr).toBe('error: invalid resource type pods, only node types are supported');
  });

  it('cordons and uncordons, saying when there is nothing to do', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    expect(sim.kubectl('cordon worker-1')).toMatchObject({ stdout: 'node/worker-1 cordoned', mutated: true });
    expect(sim.kubectl('cordon worker-1')).toMatchObject({ stdout: 'node/worker-1 already cordoned', mutated: false });
    expect(sim.kubectl('get nodes worker-1').stdout.split('\n')[1]).toMatch(/^worker-1 {3}Ready,SchedulingDisabled {3}<none> /);
    expect(sim.kubectl('uncordon worker-1').stdout).toBe('node/worker-1 uncordoned');
    expect(sim.kubectl('cordon ghost').stderr).toBe('Error from server (NotFound): nodes "ghost" not found');
    expect(sim.kubectl('cordon').stderr).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples");
  });

  it('replays kubectl changes from the command log', () => {
    const sim = createSimulation({ seed: 3, cluster: 'minimal' });
    sim.kubectl('cordon worker-2');
    sim.kubectl('label nodes worker-1 gpu=none');
    const copy = createSimulation();
    copy.restore(sim.snapshot());
    expect(copy.kubectl('get nodes --show-labels -o name').stdout).toBe(sim.kubectl('get nodes --show-labels -o name').stdout);
    expect(copy.get<{ spec: { unschedulable?: boolean } }>('node', 'worker-2')!.spec.unschedulable).toBe(true);
  });
});
