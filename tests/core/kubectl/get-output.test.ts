import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { toYaml } from '../../../src/core/kubectl/printers/yaml';
import { bareCluster } from './helpers';

describe('kubectl get output formats', () => {
  const c = bareCluster();
  c.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels: { team: 'a' } } });
  c.pod('web', { phase: 'Running', podIP: '10.244.1.2' }, {}, { app: 'web' });
  c.pod('db', { phase: 'Pending' }, {}, { app: 'db' });

  it('prints one named object as YAML with sorted keys and go-yaml quoting', () => {
    expect(c.kubectl('get ns team-a -o yaml').stdout).toBe(
      [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  creationTimestamp: "2026-01-05T09:00:00Z"',
        '  generation: 1',
        '  labels:',
        '    kubernetes.io/metadata.name: team-a',
        '    team: a',
        '  name: team-a',
        `  resourceVersion: "${c.store.get('Namespace', 'team-a')!.metadata.resourceVersion}"`,
        `  uid: ${c.store.get('Namespace', 'team-a')!.metadata.uid}`,
        'spec:',
        '  finalizers:',
        '  - kubernetes',
        'status:',
        '  phase: Active',
      ].join('\n'),
    );
  });

  it('wraps lists in a v1 List, as JSON with four-space indentation', () => {
    const out = JSON.parse(c.kubectl('get pods -o json').stdout) as { kind: string; apiVersion: string; items: { metadata: { name: string } }[]; metadata: object };
    expect(out.kind).toBe('List');
    expect(out.items.map((i) => i.metadata.name)).toEqual(['db', 'web']);
    expect(out.metadata).toEqual({ resourceVersion: '' });
    expect(c.kubectl('get pods -o json').stdout.split('\n')[1]).toBe('    "apiVersion": "v1",');
  });

  it('runs JSONPath templates with range, filters and literals', () => {
    expect(c.kubectl('get pods -o jsonpath={.items[*].metadata.name}').stdout).toBe('db web');
    expect(c.kubectl(`get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'`).stdout).toBe('db\tPending\nweb\tRunning\n');
    expect(c.kubectl(`get pods -o jsonpath='{.items[?(@.status.phase=="Running")].status.podIP}'`).stdout).toBe('10.244.1.2');
    expect(c.kubectl('get pod web -o jsonpath={.metadata.labels}').stdout).toBe('{"app":"web"}');
    expect(c.kubectl('get pod web -o jsonpath={.spec.nothing}').stdout).toBe('');
    expect(c.kubectl('get pods -o jsonpath={.items[0}').stderr).toBe('error: error parsing jsonpath {.items[0}, unclosed array expect ]');
  });

  it('prints custom columns with <none> for missing values', () => {
    expect(c.kubectl('get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP,APP:metadata.labels.app').stdout).toBe(
      ['NAME   IP           APP', 'db     <none>       db', 'web    10.244.1.2   web'].join('\n'),
    );
    expect(c.kubectl('get pods -o custom-columns=NAME').stderr).toBe('error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>');
  });

  it('prints names, and refuses unknown formats with the list kubectl gives', () => {
    expect(c.kubectl('get pods,ns -o name').stdout).toBe('pod/db\npod/web\nnamespace/default\nnamespace/kube-system\nnamespace/team-a');
    expect(c.kubectl('get pods -o table').stderr).toBe(
      'error: unable to match a printer suitable for the output format "table", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    );
  });

  it('prints one table per kind, names prefixed with the kind, for several kinds and for all', () => {
    expect(c.kubectl('get pods,namespaces').stdout).toBe(
      [
        'NAME      READY   STATUS    RESTARTS   AGE',
        'pod/db    0/1     Pending   0          0s',
        'pod/web   0/1     Running   0          0s',
        '',
        'NAME                    STATUS   AGE',
        'namespace/default       Active   0s',
        'namespace/kube-system   Active   0s',
        'namespace/team-a        Active   0s',
      ].join('\n'),
    );
    expect(c.kubectl('get all').stdout.split('\n')[1]).toBe('pod/db    0/1     Pending   0          0s');
    expect(c.kubectl('get widgets').stderr).toBe('error: the server doesn\'t have a resource type "widgets"');
    expect(c.kubectl('get pods pod/web').stderr).toContain('error: there is no need to specify a resource type as a separate argument');
  });

  it('asks for a resource type when none is given', () => {
    expect(c.kubectl('get').stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  });
});

describe('YAML printing', () => {
  it('quotes what YAML would read as another type and writes literal blocks', () => {
    expect(toYaml({ a: 'true', b: '80', c: '', d: 'a: b', e: 'line1\nline2\n', f: [], g: {}, h: ['x', { i: 1, j: [2] }], k: null, l: '*star' })).toBe(
      ['a: "true"', 'b: "80"', 'c: ""', "d: 'a: b'", 'e: |', '  line1', '  line2', 'f: []', 'g: {}', 'h:', '- x', '- i: 1', '  j:', '  - 2', 'k: null', "l: '*star'"].join('\n'),
    );
  });
});

describe('kubectl get --watch', () => {
  it('prints the first table, then one aligned row per change until stopped', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.advance(5);
    const chunks: string[] = [];
    const watch = sim.kubectlWatch('get pods -w', (chunk) => chunks.push(chunk));
    expect(watch.watching).toBe(true);
    expect(watch.result).toMatchObject({ stdout: '', stderr: 'No resources found in default namespace.', exitCode: 0 });
    sim.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: nginx:1.27}]\n');
    sim.advance(30);
    watch.stop();
    sim.kubectl('delete pod web');
    expect(chunks[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          0s');
    expect(chunks).toContain('web    0/1     ContainerCreating   0          0s');
    expect(chunks[chunks.length - 1]).toMatch(/^web {4}1\/1 {5}Running {13}0 {10}\ds$/);
    expect(chunks.some((c) => c.includes('Terminating'))).toBe(false);
  });

  it('keeps the widths of the first table for streamed rows', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    const chunks: string[] = [];
    const watch = sim.kubectlWatch('get nodes --watch', (chunk) => chunks.push(chunk));
    expect(watch.result.stdout.split('\n')[1]).toBe('control-plane   Ready    control-plane   0s    v1.34.1');
    sim.kubectl('cordon worker-1');
    expect(chunks).toEqual(['worker-1        Ready,SchedulingDisabled   <none>          0s    v1.34.1']);
    watch.stop();
  });

  it('refuses to watch several kinds at once', () => {
    expect(createSimulation().kubectl('get pods,nodes -w').stderr).toBe('error: watch is only supported on individual resources and resource collections, but 2 resources were found');
  });
});
