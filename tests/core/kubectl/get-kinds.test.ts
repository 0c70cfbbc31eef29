import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import type { KubeObject } from '../../../src/core/api/types';
import { bareCluster, webDeployment } from './helpers';

/**
 * Golden tables of `kubectl get` for every kind the API server serves, with the columns of
 * printers.go. Objects are written straight into a bare API server so each status is exact.
 */
describe('kubectl get: one table per kind', () => {
  const c = bareCluster();
  const put = <T extends KubeObject>(obj: T, status?: unknown): void => {
    c.store.create(obj);
    if (status !== undefined) c.store.patchStatus(obj.kind!, obj.metadata!.name!, obj.metadata!.namespace, (d) => ((d as { status: unknown }).status = status));
  };
  const template = (app: string, image = 'nginx:1.27') => ({ metadata: { labels: { app } }, spec: { containers: [{ name: app, image }] } });
  put({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web', tier: 'front' } }, template: { ...template('web'), metadata: { labels: { app: 'web', tier: 'front' } } } } }, { replicas: 3, readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 });
  put({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-abc', namespace: 'default' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template('web') } }, { replicas: 3, readyReplicas: 1 });
  put({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { ...template('agent', 'busybox'), spec: { nodeSelector: { gpu: 'true' }, containers: [{ name: 'agent', image: 'busybox' }] } } } }, { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 1, numberMisscheduled: 0 });
  put({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default' }, spec: { replicas: 2, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template('db', 'postgres:16') } }, { replicas: 2, readyReplicas: 1 });
  put({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' }, spec: { completions: 3, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } }, { startTime: c.at(0), succeeded: 1, active: 1 });
  put({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'default' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'backup', image: 'busybox' }] } } } } } });
  put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { a: '1', b: '2' } } as KubeObject);
  put({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token', namespace: 'default' }, type: 'Opaque', data: { key: 'dmFsdWU=' } } as KubeObject);
  put({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'manual', resources: { requests: { storage: '1Gi' } } } }, { phase: 'Pending' });
  put({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-1' }, spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Retain', storageClassName: 'manual', hostPath: { path: '/data' } } }, { phase: 'Available' });
  put({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000, globalDefault: false, preemptionPolicy: 'Never' } as KubeObject);
  c.advance(150);

  const table = (line: string) => c.kubectl(line).stdout.split('\n');

  it('prints deployments, with containers, images and the sorted selector in -o wide', () => {
    expect(table('get deploy -o wide')).toEqual([
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE     CONTAINERS   IMAGES       SELECTOR',
      'web    2/3     3            2           2m30s   web          nginx:1.27   app=web,tier=front',
    ]);
  });

  it('prints replica sets, daemon sets and stateful sets', () => {
    expect(table('get rs')).toEqual(['NAME      DESIRED   CURRENT   READY   AGE', 'web-abc   3         3         1       2m30s']);
    expect(table('get ds -o wide')).toEqual([
      'NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE     CONTAINERS   IMAGES    SELECTOR',
      'agent   2         2         1       2            1           gpu=true        2m30s   agent        busybox   app=agent',
    ]);
    expect(table('get sts -o wide')).toEqual(['NAME   READY   AGE     CONTAINERS   IMAGES', 'db     1/2     2m30s   db           postgres:16']);
  });

  it('prints jobs with status, completions and duration, and cron jobs with their schedule', () => {
    expect(table('get jobs')).toEqual(['NAME   STATUS    COMPLETIONS   DURATION   AGE', 'pi     Running   1/3           2m30s      2m30s']);
    expect(table('get cj')).toEqual(['NAME      SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE', 'nightly   0 3 * * *   <none>     False     0        <none>          2m30s']);
  });

  it('prints config maps, secrets and storage', () => {
    expect(table('get cm,secret')).toEqual(['NAME                 DATA   AGE', 'configmap/settings   2      2m30s', '', 'NAME           TYPE     DATA   AGE', 'secret/token   Opaque   1      2m30s']);
    expect(table('get pvc')).toEqual(['NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE', 'data   Pending                                      manual         <unset>                 2m30s']);
    expect(table('get pv -o wide')).toEqual([
      'NAME   CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE     VOLUMEMODE',
      'pv-1   5Gi        RWO,ROX        Retain           Available           manual         <unset>                          2m30s   Filesystem',
    ]);
  });

  it('prints priority classes with the preemption policy column', () => {
    expect(table('get pc high')).toEqual(['NAME   VALUE   GLOBAL-DEFAULT   AGE     PREEMPTIONPOLICY', 'high   1000    false            2m30s   Never']);
  });

  it('prints kinds without a printer as the API server default table, NAME and CREATED AT', () => {
    c.store.create({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', namespace: 'default' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m' } }] } } as KubeObject);
    expect(table('get limits')).toEqual(['NAME     CREATED AT', 'limits   2026-01-05T09:02:30Z']);
  });

  it('interleaves the -o wide event columns as printEvent does', () => {
    c.store.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', fieldPath: 'spec.containers{web}' },
      reason: 'Pulled',
      message: 'pulled',
      type: 'Normal',
      source: { component: 'kubelet', host: 'node-a' },
      firstTimestamp: c.at(100),
      lastTimestamp: c.at(140),
      count: 2,
    } as KubeObject);
    expect(table('get events -o wide')).toEqual([
      'LAST SEEN   TYPE     REASON   OBJECT    SUBOBJECT              SOURCE            MESSAGE   FIRST SEEN   COUNT   NAME',
      '10s         Normal   Pulled   pod/web   spec.containers{web}   kubelet, node-a   pulled    50s          2       web.1',
    ]);
  });
});

describe('kubectl get all and several kinds at once', () => {
  const sim = createSimulation({ seed: 1, cluster: 'minimal' });
  sim.apply(`${webDeployment({ image: 'nginx:1.27', replicas: 2 })}---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80, targetPort: 80 }], type: NodePort }
`);
  sim.advance(60);
  const pods = sim.list<{ metadata: { name: string } }>('pods').map((p) => p.metadata.name).sort();
  const rs = sim.list<{ metadata: { name: string } }>('rs')[0]!.metadata.name;
  const svc = sim.get<{ spec: { clusterIP: string; ports: { nodePort: number }[] } }>('svc', 'web')!;

  it('prints the "all" category in discovery order, one table per kind separated by a blank line', () => {
    const ip = svc.spec.clusterIP.padEnd(13);
    expect(sim.kubectl('get all').stdout).toBe(
      [
        'NAME                       READY   STATUS    RESTARTS   AGE',
        `pod/${pods[0]}   1/1     Running   0          60s`,
        `pod/${pods[1]}   1/1     Running   0          60s`,
        '',
        'NAME                 TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)        AGE',
        'service/kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP        60s',
        `service/web          NodePort    ${ip}   <none>        80:${svc.spec.ports[0]!.nodePort}/TCP   60s`,
        '',
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/2     2            2           60s',
        '',
        'NAME                             DESIRED   CURRENT   READY   AGE',
        `replicaset.apps/${rs}   2         2         2       60s`,
      ].join('\n'),
    );
  });

  it('prints pods and services for get pods,svc, kind-qualified', () => {
    const lines = sim.kubectl('get pods,svc').stdout.split('\n');
    expect(lines[0]).toBe('NAME                       READY   STATUS    RESTARTS   AGE');
    expect(lines[3]).toBe('');
    expect(lines[4]).toMatch(/^NAME {17}TYPE/);
    expect(lines.slice(5).map((l) => l.split(' ')[0])).toEqual(['service/kubernetes', 'service/web']);
  });

  it('lists endpoint slices with their addresses', () => {
    const lines = sim.kubectl('get endpointslices -l kubernetes.io/service-name=web').stdout.split('\n');
    expect(lines[0]).toBe('NAME        ADDRESSTYPE   PORTS   ENDPOINTS               AGE');
    expect(lines[1]).toMatch(/^web-[a-z0-9]{5} {3}IPv4 {10}80 {6}10\.244\.\d\.\d,10\.244\.\d\.\d {3}60s$/);
  });
});
