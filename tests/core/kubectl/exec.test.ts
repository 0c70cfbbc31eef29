import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';

/** A pod with a ConfigMap and a Secret mounted in its first container and a busybox sidecar. */
const WEB = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    image: nginx:1.27
    env: [{ name: GREETING, value: hello }]
    volumeMounts:
    - { name: cfg, mountPath: /etc/config }
    - { name: creds, mountPath: /etc/creds, readOnly: true }
  - name: side
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
  volumes:
  - { name: cfg, configMap: { name: settings } }
  - { name: creds, secret: { secretName: db } }
`;

function setup() {
  const sim = createSimulation({ seed: 1, cluster: 'minimal' });
  sim.kubectl('create configmap settings --from-literal=mode=fast --from-literal=level=3');
  sim.kubectl('create secret generic db --from-literal=password=s3cret');
  sim.apply(WEB);
  sim.advance(30);
  return sim;
}

const out = (r: { stdout: string; stderr: string; exitCode: number }) => ({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode });
/** What every container gets from the `default/kubernetes` Service. */
const KUBERNETES_VARS = [
  'KUBERNETES_SERVICE_HOST=10.96.0.1',
  'KUBERNETES_SERVICE_PORT=443',
  'KUBERNETES_SERVICE_PORT_HTTPS=443',
  'KUBERNETES_PORT=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP_PROTO=tcp',
  'KUBERNETES_PORT_443_TCP_PORT=443',
  'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
];
const NOTICE = 'Defaulted container "app" out of: app, side';

describe('kubectl exec', () => {
  it('prints the container environment: PATH, HOSTNAME, the pod\'s variables, the Service variables, HOME last', () => {
    const sim = setup();
    expect(out(sim.kubectl('exec web -c app -- env'))).toEqual({
      stdout: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOSTNAME=web', 'GREETING=hello', ...KUBERNETES_VARS, 'HOME=/root'].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('gives a container the variables of the Services of its namespace that existed when it started, unless enableServiceLinks is false', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.kubectl('create deployment db --image=redis:7');
    sim.apply('apiVersion: v1\nkind: Service\nmetadata: { name: my-db }\nspec:\n  selector: { app: db }\n  ports: [{ name: redis, port: 6379 }, { name: admin, port: 8080, protocol: UDP }]\n');
    sim.apply('apiVersion: v1\nkind: Service\nmetadata: { name: headless }\nspec:\n  clusterIP: None\n  selector: { app: db }\n  ports: [{ port: 6379 }]\n');
    sim.kubectl('run client --image=busybox:1.36 --command -- sleep 3600');
    sim.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: unlinked }\nspec:\n  enableServiceLinks: false\n  containers: [{ name: app, image: busybox:1.36, command: [sleep, "3600"] }]\n');
    sim.advance(30);
    sim.kubectl('create service clusterip late --tcp=80:80');
    const ip = sim.get<{ spec: { clusterIP: string } }>('service', 'my-db')!.spec.clusterIP;
    const env = sim.kubectl('exec client -- env').stdout.split('\n');
    expect(env.filter((l) => !l.startsWith('KUBERNETES_'))).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOSTNAME=client',
      `MY_DB_SERVICE_HOST=${ip}`,
      'MY_DB_SERVICE_PORT=6379',
      'MY_DB_SERVICE_PORT_REDIS=6379',
      'MY_DB_SERVICE_PORT_ADMIN=8080',
      `MY_DB_PORT=tcp://${ip}:6379`,
      `MY_DB_PORT_6379_TCP=tcp://${ip}:6379`,
      'MY_DB_PORT_6379_TCP_PROTO=tcp',
      'MY_DB_PORT_6379_TCP_PORT=6379',
      `MY_DB_PORT_6379_TCP_ADDR=${ip}`,
      `MY_DB_PORT_8080_UDP=udp://${ip}:8080`,
      'MY_DB_PORT_8080_UDP_PROTO=udp',
      'MY_DB_PORT_8080_UDP_PORT=8080',
      `MY_DB_PORT_8080_UDP_ADDR=${ip}`,
      'HOME=/root',
    ]);
    expect(env.filter((l) => l.startsWith('KUBERNETES_'))).toEqual(KUBERNETES_VARS);
    expect(sim.kubectl('exec unlinked -- env').stdout.split('\n').slice(2, -1)).toEqual(KUBERNETES_VARS);
  });

  it('reads the files a ConfigMap and a Secret volume mount, and lists their directories', () => {
    const sim = setup();
    expect(out(sim.kubectl('exec web -c app -- cat /etc/config/mode'))).toEqual({ stdout: 'fast', stderr: '', exitCode: 0 });
    expect(out(sim.kubectl('exec web -c app -- cat /etc/creds/password'))).toEqual({ stdout: 's3cret', stderr: '', exitCode: 0 });
    expect(out(sim.kubectl('exec web -c app -- ls /etc/config'))).toEqual({ stdout: 'level\nmode', stderr: '', exitCode: 0 });
    expect(sim.kubectl('exec web -c app -- ls').stdout).toBe(['bin', 'dev', 'etc', 'home', 'proc', 'root', 'tmp', 'usr', 'var'].join('\n'));
    expect(out(sim.kubectl('exec web -c app -- ls /etc/config /etc/creds'))).toEqual({ stdout: '/etc/config:\nlevel\nmode\n\n/etc/creds:\npassword', stderr: '', exitCode: 0 });
    // The sidecar mounts nothing.
    expect(out(sim.kubectl('exec web -c side -- cat /etc/config/mode'))).toEqual({
      stdout: '',
      stderr: "cat: can't open '/etc/config/mode': No such file or directory\ncommand terminated with exit code 1",
      exitCode: 1,
    });
  });

  it('defaults to the first container with kubectl\'s notice, or to the annotated one silently; -q drops the notice', () => {
    const sim = setup();
    const r = sim.kubectl('exec web -- cat /etc/config/level');
    expect(out(r)).toEqual({ stdout: '3', stderr: NOTICE, exitCode: 0 });
    expect(r.lines).toEqual([
      { stream: 'stderr', text: NOTICE },
      { stream: 'stdout', text: '3' },
    ]);
    expect(out(sim.kubectl('exec web -q -- hostname'))).toEqual({ stdout: 'web', stderr: '', exitCode: 0 });
    sim.kubectl('annotate pod web kubectl.kubernetes.io/default-container=side');
    expect(out(sim.kubectl('exec web -- ls /etc/config'))).toEqual({
      stdout: '',
      stderr: 'ls: /etc/config: No such file or directory\ncommand terminated with exit code 1',
      exitCode: 1,
    });
  });

  it('relays both streams in order and the exit code, with kubectl\'s closing line', () => {
    const sim = setup();
    const r = sim.kubectl(`exec web -c side -- sh -c 'echo out; echo err >&2; exit 3'`);
    expect(out(r)).toEqual({ stdout: 'out', stderr: 'err\ncommand terminated with exit code 3', exitCode: 3 });
    expect(r.lines).toEqual([
      { stream: 'stdout', text: 'out' },
      { stream: 'stderr', text: 'err' },
      { stream: 'stderr', text: 'command terminated with exit code 3' },
    ]);
    // Programs the shell starts keep their streams: nginx prints its version on stderr.
    expect(out(sim.kubectl(`exec web -c app -- sh -c 'nginx -v && echo done'`))).toEqual({ stdout: 'done', stderr: 'nginx version: nginx/1.27.5', exitCode: 0 });
    // With -it the remote terminal carries stderr on stdout.
    expect(out(sim.kubectl(`exec -it web -c side -- sh -c 'echo out; echo err >&2'`))).toEqual({ stdout: 'out\nerr', stderr: '', exitCode: 0 });
  });

  it('reports a program the image lacks as runc does, exit code 126', () => {
    const sim = setup();
    expect(out(sim.kubectl('exec web -c app -- frobnicate --now'))).toEqual({
      stdout: '',
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "frobnicate": executable file not found in $PATH: unknown\ncommand terminated with exit code 126',
      exitCode: 126,
    });
    expect(sim.kubectl('exec web -c app -- /opt/tool').stderr).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "/opt/tool": stat /opt/tool: no such file or directory: unknown\ncommand terminated with exit code 126',
    );
    // Until the NVIDIA container toolkit gives a container the driver's tools, a CPU container has no nvidia-smi.
    expect(sim.kubectl('exec web -c app -- nvidia-smi').exitCode).toBe(126);
  });

  it('has no shell or applets in a distroless image', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.kubectl('run static --image=gcr.io/distroless/static');
    sim.advance(30);
    expect(sim.get<{ status: { phase: string } }>('pod', 'static')!.status.phase).toBe('Running');
    expect(out(sim.kubectl('exec static -- ls'))).toEqual({
      stdout: '',
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "ls": executable file not found in $PATH: unknown\ncommand terminated with exit code 126',
      exitCode: 126,
    });
  });

  it('runs in the first pod of a workload or Service for TYPE/NAME, without logs\' "Found N pods" note', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.kubectl('create deployment web --image=nginx:1.27 --replicas=3');
    sim.kubectl('expose deployment web --port=80');
    sim.advance(30);
    const pods = sim.list<{ metadata: { name: string; creationTimestamp: string } }>('pods', { labelSelector: 'app=web' });
    const r = sim.kubectl('exec deploy/web -- hostname');
    expect(r.stderr).toBe('');
    expect(pods.map((p) => p.metadata.name)).toContain(r.stdout);
    expect(sim.kubectl('exec svc/web -- hostname').stdout).toBe(r.stdout);
    expect(sim.kubectl('exec deployment/nope -- hostname').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found');
    expect(sim.kubectl('exec node/worker-1 -- hostname').stderr).toBe('error: cannot attach to *v1.Node: selector for *v1.Node not implemented');
  });

  it('answers the API server\'s and kubelet\'s errors, changing nothing', () => {
    const sim = setup();
    const err = (line: string) => {
      const r = sim.kubectl(line);
      expect(r.mutated).toBe(false);
      return out(r);
    };
    expect(err('exec nope -- env')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found', exitCode: 1 });
    expect(err('exec web -c nope -- env')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): container nope is not valid for pod web', exitCode: 1 });
    expect(err('exec web -n kube-system -- env').stderr).toBe('Error from server (NotFound): pods "web" not found');

    // Not scheduled: no node to dial.
    sim.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: pending }\nspec:\n  nodeSelector: { disk: none }\n  containers: [{ name: app, image: nginx:1.27 }]\n');
    sim.advance(5);
    expect(err('exec pending -- env')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): pod pending does not have a host assigned', exitCode: 1 });

    // Scheduled but its container not started yet.
    sim.kubectl('run fresh --image=nginx:1.27');
    sim.advance(1);
    expect(sim.kubectl('get pod fresh').stdout).toContain('ContainerCreating');
    expect(err('exec fresh -- env')).toEqual({ stdout: '', stderr: 'error: unable to upgrade connection: container not found ("fresh")', exitCode: 1 });

    // A completed pod: kubectl refuses before asking.
    sim.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: once }\nspec:\n  restartPolicy: Never\n  containers: [{ name: job, image: busybox:1.36, command: [sh, -c, "exit 0"] }]\n');
    sim.advance(30);
    expect(err('exec once -- env')).toEqual({ stdout: '', stderr: 'error: cannot exec into a container in a completed pod; current phase is Succeeded', exitCode: 1 });
  });

  it('cannot reach the kubelet of a partitioned node', () => {
    const sim = setup();
    const node = sim.get<{ spec: { nodeName: string } }>('pod', 'web')!.spec.nodeName;
    const ip = sim.get<{ status: { addresses: { type: string; address: string }[] } }>('node', node)!.status.addresses.find((a) => a.type === 'InternalIP')!.address;
    sim.inject({ type: 'network-partition', node });
    expect(out(sim.kubectl('exec web -c app -- env'))).toEqual({
      stdout: '',
      stderr: `Error from server: error dialing backend: dial tcp ${ip}:10250: connect: no route to host`,
      exitCode: 1,
    });
  });

  it('validates its arguments as kubectl does', () => {
    const sim = setup();
    expect(out(sim.kubectl('exec web env'))).toEqual({
      stdout: '',
      stderr: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
      exitCode: 1,
    });
    expect(sim.kubectl('exec web').stderr).toBe('error: you must specify at least one command for the container');
    expect(sim.kubectl('exec web --').stderr).toBe('error: you must specify at least one command for the container');
    expect(sim.kubectl('exec -- env').stderr).toBe('error: pod, type/name or --filename must be specified');
    expect(sim.kubectl('exec').stderr).toBe('error: pod, type/name or --filename must be specified');
    expect(sim.kubectl('exec web --pod-running-timeout=0s -- env').stderr).toBe("error: --pod-running-timeout must be higher than zero\nSee 'kubectl exec -h' for help and examples");
    expect(sim.kubectl('exec --help').stdout).toContain('Usage:\n  kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]');
  });

  it('explains that an interactive shell is not available, and runs a shell without stdin as kubectl would (EOF, exit 0)', () => {
    const sim = setup();
    const r = sim.kubectl('exec -it web -c side -- sh');
    expect(out(r)).toEqual({
      stdout: '',
      stderr: [
        'error: Kubelab cannot open an interactive session in a container: its terminal runs one command at a time and passes no keystrokes to it.',
        "Run each command directly, e.g. kubectl exec web -c side -- ls /, or several at once with kubectl exec web -c side -- sh -c 'hostname; ls /'",
      ].join('\n'),
      exitCode: 1,
    });
    expect(r.mutated).toBe(false);
    expect(out(sim.kubectl('exec -it web -c side -- /bin/bash -l'))).toMatchObject({ exitCode: 1 });
    expect(out(sim.kubectl('exec web -c side -- sh'))).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(out(sim.kubectl('exec -it web -c side -- ls /etc'))).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('is recorded in the command log, so that a restored snapshot has the files it wrote', () => {
    const sim = setup();
    const r = sim.kubectl(`exec web -c app -- sh -c 'echo ok > /tmp/marker'`);
    expect(r).toMatchObject({ exitCode: 0, mutated: true });
    const snapshot = sim.snapshot();
    const again = createSimulation({ seed: 99, cluster: 'minimal' });
    again.restore(snapshot);
    expect(out(again.kubectl('exec web -c app -- cat /tmp/marker'))).toEqual({ stdout: 'ok', stderr: '', exitCode: 0 });
    expect(again.kubectl('exec web -c app -- ls /tmp').stdout).toBe('marker');
  });

  it('completes pod names, then the pod\'s containers after -c, and nothing after --', () => {
    const sim = setup();
    expect(sim.completeKubectl('kubectl exec w').candidates).toEqual(['web']);
    expect(sim.completeKubectl('kubectl exec web -c ').candidates).toEqual(['app', 'side']);
    expect(sim.completeKubectl('kubectl exec web --container=s').candidates).toEqual(['--container=side']);
    expect(sim.completeKubectl('kubectl exec web -c app -- l').candidates).toEqual([]);
  });
});
