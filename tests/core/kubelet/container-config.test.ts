import type { Event } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { MOUNT_RETRY_INITIAL_MS, SYNC_RETRY_MS } from '../../../src/core/kubelet/container-config';
import { events, oneNode, pod, podYaml, watchContainer } from './helpers';

const CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: app-config }\ndata: { GREETING: hello, app.conf: "port=8080" }\n';
const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata: { name: app-secret }\ndata: { PASSWORD: czNjcjN0 }\n';

const kubectlStatus = (sim: ReturnType<typeof oneNode>, name: string) => sim.kubectl(`get pod ${name}`).stdout.split('\n')[1]!.split(/\s+/)[2];

describe('container configuration from ConfigMaps and Secrets', () => {
  it('gives the container its variables from env, envFrom and valueFrom, secrets decoded', () => {
    const sim = oneNode();
    sim.apply(`${CONFIG}---\n${SECRET}`);
    sim.apply(
      podYaml(
        'env',
        '  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "echo $GREETING $PASSWORD $ME on $NODE; sleep 3600"]\n    envFrom: [{ configMapRef: { name: app-config } }]\n    env:\n    - { name: PASSWORD, valueFrom: { secretKeyRef: { name: app-secret, key: PASSWORD } } }\n    - { name: ME, valueFrom: { fieldRef: { fieldPath: metadata.name } } }\n    - { name: NODE, valueFrom: { fieldRef: { fieldPath: spec.nodeName } } }\n',
      ),
    );
    sim.advance(10);
    expect(sim.logs('env')).toMatchObject({ ok: true, text: 'hello s3cr3t env on node-1\n' });
  });

  it('holds a container whose ConfigMap is missing in CreateContainerConfigError, retrying until it exists', () => {
    const sim = oneNode();
    sim.apply(podYaml('waiting', '  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "echo $GREETING; sleep 3600"]\n    envFrom: [{ configMapRef: { name: app-config } }]\n'));
    const log = watchContainer(sim, 'waiting');
    sim.advance(30);
    expect(log.map((t) => `${t.state} ${t.message ?? ''}`.trim())).toEqual(['waiting:ContainerCreating', 'waiting:CreateContainerConfigError configmap "app-config" not found']);
    expect(kubectlStatus(sim, 'waiting')).toBe('CreateContainerConfigError');
    // The image is pulled first; the configuration fails after it, on every retry of the sync.
    const failed = sim.events().find((e) => e.involvedObject.name === 'waiting' && e.reason === 'Failed') as Event;
    expect(failed).toMatchObject({ type: 'Warning', message: 'Error: configmap "app-config" not found' });
    expect(failed.count).toBeGreaterThanOrEqual(2);
    expect(events(sim, 'waiting').indexOf('Warning Failed: Error: configmap "app-config" not found')).toBeGreaterThan(events(sim, 'waiting').findIndex((e) => e.startsWith('Normal Pulled')));
    const created = Math.round(sim.now() * 1000);
    sim.apply(CONFIG);
    sim.advance(SYNC_RETRY_MS[1] / 1000);
    const running = log.find((t) => t.state === 'running')!;
    expect(running.atMs - created).toBeLessThanOrEqual(SYNC_RETRY_MS[1] + 250);
    expect(sim.logs('waiting')).toMatchObject({ ok: true, text: 'hello\n' });
  });

  it('waits in ContainerCreating while a configMap volume cannot be mounted, retrying on the volume manager\'s back-off', () => {
    const sim = oneNode();
    sim.apply(
      podYaml(
        'mounted',
        '  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "cat /etc/app/app.conf; sleep 3600"]\n    volumeMounts: [{ name: config, mountPath: /etc/app }]\n',
        '  volumes: [{ name: config, configMap: { name: app-config } }]\n',
      ),
    );
    sim.advance(60);
    expect(kubectlStatus(sim, 'mounted')).toBe('ContainerCreating');
    expect(pod(sim, 'mounted').status?.phase).toBe('Pending');
    const mount = sim.events().find((e) => e.involvedObject.name === 'mounted' && e.reason === 'FailedMount') as Event;
    expect(mount).toMatchObject({ type: 'Warning', message: 'MountVolume.SetUp failed for volume "config" : configmap "app-config" not found' });
    // Attempts at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s after the first (500 ms doubling) within the minute.
    const attempts = [0, 1, 2, 3, 4, 5, 6].map((k) => (2 ** k - 1) * MOUNT_RETRY_INITIAL_MS);
    expect(attempts.at(-1)).toBeLessThan(60_000 - 1000);
    expect(mount.count).toBe(attempts.length);
    sim.apply(CONFIG);
    sim.advance(60);
    expect(kubectlStatus(sim, 'mounted')).toBe('Running');
    expect(sim.logs('mounted')).toMatchObject({ ok: true, text: 'port=8080\n' });
  });
});
