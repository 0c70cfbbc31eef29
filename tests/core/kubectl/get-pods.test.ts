import { describe, expect, it } from 'vitest';
import { bareCluster } from './helpers';

/**
 * `kubectl get pods` tables for every STATUS kubectl derives (printers.go printPod), with pods
 * written straight into the API server in states the simulated kubelet does not produce yet.
 */
function podsInEveryState() {
  const c = bareCluster();
  c.advance(100);
  const status = (name: string, state: object, extra: object = {}) => ({ name, image: 'nginx:1.27', imageID: '', ready: false, restartCount: 0, state, ...extra });
  c.pod('crashy', { phase: 'Running', containerStatuses: [status('app', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 4, lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: c.at(70), finishedAt: c.at(80) } } })] });
  c.pod('initing', { phase: 'Pending', initContainerStatuses: [status('init', { running: { startedAt: c.at(95) } })], containerStatuses: [status('app', { waiting: { reason: 'PodInitializing' } })], conditions: [{ type: 'Initialized', status: 'False' }] }, { initContainers: [{ name: 'init', image: 'busybox' }] });
  c.pod('evicted', { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' });
  c.pod('oom', { phase: 'Running', containerStatuses: [status('app', { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: c.at(90), finishedAt: c.at(99) } }, { restartCount: 1, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: c.at(60), finishedAt: c.at(70) } } })] });
  c.pod('done', { phase: 'Succeeded', containerStatuses: [status('app', { terminated: { exitCode: 0, reason: 'Completed', startedAt: c.at(90), finishedAt: c.at(95) } })] });
  c.pod('running', { phase: 'Running', podIP: '10.244.1.7', containerStatuses: [status('app', { running: { startedAt: c.at(98) } }, { ready: true, started: true })], conditions: [{ type: 'Ready', status: 'True' }] }, {}, { app: 'web', tier: 'front' });
  c.pod('pulling', { phase: 'Pending', containerStatuses: [status('app', { waiting: { reason: 'ImagePullBackOff' } })] });
  c.pod('creating', { phase: 'Pending', containerStatuses: [status('app', { waiting: { reason: 'ContainerCreating' } })] });
  c.pod('leaving', { phase: 'Running', containerStatuses: [status('app', { running: { startedAt: c.at(50) } }, { ready: true })] });
  c.store.delete('Pod', 'leaving', 'default');
  c.advance(20);
  return c;
}

describe('kubectl get pods', () => {
  it('derives STATUS, READY and RESTARTS as kubectl does', () => {
    expect(podsInEveryState().kubectl('get pods').stdout).toBe(
      [
        'NAME       READY   STATUS              RESTARTS      AGE',
        'crashy     0/1     CrashLoopBackOff    4 (40s ago)   20s',
        'creating   0/1     ContainerCreating   0             20s',
        'done       0/1     Completed           0             20s',
        'evicted    0/1     Evicted             0             20s',
        'initing    0/1     Init:0/1            0             20s',
        'leaving    1/1     Terminating         0             20s',
        'oom        0/1     OOMKilled           1 (50s ago)   20s',
        'pulling    0/1     ImagePullBackOff    0             20s',
        'running    1/1     Running             0             20s',
      ].join('\n'),
    );
  });

  it('adds IP, NODE, NOMINATED NODE and READINESS GATES with -o wide', () => {
    const lines = podsInEveryState().kubectl('get pods -o wide').stdout.split('\n');
    expect(lines[0]).toBe('NAME       READY   STATUS              RESTARTS      AGE   IP           NODE     NOMINATED NODE   READINESS GATES');
    expect(lines[9]).toBe('running    1/1     Running             0             20s   10.244.1.7   node-a   <none>           <none>');
  });

  it('formats AGE as HumanDuration', () => {
    const c = bareCluster();
    const ages: [string, number][] = [['a-3d4h', 273600], ['b-30h', 108000], ['c-3h20m', 12000], ['d-45m', 2700], ['e-2m5s', 125], ['f-119s', 119]];
    for (const [name, age] of ages) {
      c.advance(273600 - age - c.clock.now() / 1000);
      c.pod(name, { phase: 'Pending' });
    }
    c.advance(273600 - c.clock.now() / 1000);
    expect(c.kubectl('get pods -o custom-columns=NAME:.metadata.name --no-headers').stdout.split('\n')).toHaveLength(6);
    expect(c.kubectl('get pods').stdout.split('\n').map((l) => l.trim().split(/\s+/).pop())).toEqual(['AGE', '3d4h', '30h', '3h20m', '45m', '2m5s', '119s']);
  });

  it('filters by label and field selectors and shows labels', () => {
    const c = podsInEveryState();
    expect(c.kubectl('get pods -l app=web --show-labels').stdout).toBe(
      ['NAME      READY   STATUS    RESTARTS   AGE   LABELS', 'running   1/1     Running   0          20s   app=web,tier=front'].join('\n'),
    );
    expect(c.kubectl('get pods -l tier!=front,!app -o name').stdout.split('\n')).toHaveLength(8);
    expect(c.kubectl('get pods --field-selector status.phase=Running -o name').stdout).toBe('pod/crashy\npod/leaving\npod/oom\npod/running');
    expect(c.kubectl('get pods --field-selector spec.nodeName=node-b')).toMatchObject({ stdout: '', stderr: 'No resources found in default namespace.', exitCode: 0 });
    expect(c.kubectl('get pods --field-selector spec.foo=x').stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=x": field label not supported: spec.foo',
    );
  });

  it('lists every namespace with -A and refuses a name with -A', () => {
    const c = bareCluster();
    c.pod('web', { phase: 'Pending' });
    c.pod('dns', { phase: 'Pending' }, {}, {}, 'kube-system');
    expect(c.kubectl('get pods -A').stdout).toBe(
      ['NAMESPACE     NAME   READY   STATUS    RESTARTS   AGE', 'default       web    0/1     Pending   0          0s', 'kube-system   dns    0/1     Pending   0          0s'].join('\n'),
    );
    expect(c.kubectl('get pods -n kube-system -o name').stdout).toBe('pod/dns');
    expect(c.kubectl('get pod web -A').stderr).toBe('error: a resource cannot be retrieved by name across all namespaces');
  });

  it('reports missing names on stderr and still prints the ones found', () => {
    const c = bareCluster();
    c.pod('web', { phase: 'Pending' });
    expect(c.kubectl('get pods web ghost')).toMatchObject({
      stdout: 'NAME   READY   STATUS    RESTARTS   AGE\nweb    0/1     Pending   0          0s',
      stderr: 'Error from server (NotFound): pods "ghost" not found',
      exitCode: 1,
    });
    expect(c.kubectl('get pods ghost --ignore-not-found')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('sorts with --sort-by and adds label columns with -L', () => {
    const c = podsInEveryState();
    expect(c.kubectl('get pods --sort-by=.status.phase -o name').stdout.split('\n')[0]).toBe('pod/evicted');
    expect(c.kubectl('get pods -l app -L app,tier').stdout).toBe(
      ['NAME      READY   STATUS    RESTARTS   AGE   APP   TIER', 'running   1/1     Running   0          20s   web   front'].join('\n'),
    );
  });
});
