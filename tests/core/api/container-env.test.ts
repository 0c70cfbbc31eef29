import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { describeEnvFrom, describeEnvironment, projectVolume, resolveEnvironment } from '../../../src/core/api/container-env';
import { TestCluster } from '../harness';

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata: { name: app }
data: { mode: fast, level: debug }
---
apiVersion: v1
kind: Secret
metadata: { name: db }
stringData: { password: hunter2 }
`;

const POD = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  volumes: [{ name: cfg, configMap: { name: app, items: [{ key: mode, path: mode.txt }] } }]
  containers:
  - name: c
    image: "nginx:1.27"
    envFrom: [{ configMapRef: { name: app }, prefix: APP_ }]
    env:
    - { name: PASSWORD, valueFrom: { secretKeyRef: { name: db, key: password } } }
    - { name: URL, value: "db://$(APP_MODE)" }
    - { name: POD_NAME, valueFrom: { fieldRef: { fieldPath: metadata.name } } }
    volumeMounts: [{ name: cfg, mountPath: /etc/app }]
`;

describe('ConfigMaps and Secrets consumed by containers', () => {
  it('resolves env from ConfigMaps, Secrets (decoded) and pod fields, expanding $(VAR)', () => {
    const c = new TestCluster();
    c.apply(CONFIG);
    c.apply(POD);
    const pod = c.get<Pod>('Pod', 'p');
    expect(resolveEnvironment(c.store, pod, pod.spec!.containers[0]!)).toEqual({
      env: { APP_mode: 'fast', APP_level: 'debug', PASSWORD: 'hunter2', URL: 'db://$(APP_MODE)', POD_NAME: 'p' },
    });
    expect(projectVolume(c.store, pod, pod.spec!.volumes![0]!)).toEqual({ files: { 'mode.txt': 'fast' } });
  });

  it('reports a missing source with the kubelet\'s message', () => {
    const c = new TestCluster();
    c.apply(POD);
    const pod = c.get<Pod>('Pod', 'p');
    expect(resolveEnvironment(c.store, pod, pod.spec!.containers[0]!).error).toBe('configmap "app" not found');
    expect(projectVolume(c.store, pod, pod.spec!.volumes![0]!).error).toBe('MountVolume.SetUp failed for volume "cfg" : configmap "app" not found');
  });

  it('describes the environment as kubectl describe does, without secret values', () => {
    const c = new TestCluster();
    c.apply(POD);
    expect(describeEnvironment(c.get<Pod>('Pod', 'p').spec!.containers[0]!)).toEqual([
      "PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false",
      'URL:  db://$(APP_MODE)',
      'POD_NAME:   (v1:metadata.name)',
    ]);
    expect(describeEnvFrom(c.get<Pod>('Pod', 'p').spec!.containers[0]!)).toEqual(["app  ConfigMap with prefix 'APP_'  Optional: false"]);
  });
});
