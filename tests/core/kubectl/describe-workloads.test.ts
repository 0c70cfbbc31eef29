import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { NGINX_TEMPLATE } from './helpers';

describe('kubectl describe for workloads, services, claims and config', () => {
  const sim = createSimulation({ seed: 1, cluster: 'minimal' });
  sim.kubectl('create deployment web --image=nginx:1.27 --port=80 --replicas=2');
  sim.kubectl('expose deployment web --port=80');
  sim.kubectl('create job pi --image=perl -- perl -e 1');
  sim.kubectl('create configmap app --from-literal=mode=fast --from-literal=level=3');
  sim.kubectl('create secret generic db --from-literal=password=s3cret');
  sim.apply(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
`);
  sim.advance(30);
  const rs = sim.list<{ metadata: { name: string } }>('rs')[0]!.metadata.name;
  const hash = rs.slice('web-'.length);

  it('describes a deployment: strategy, pod template, conditions, replica sets and events', () => {
    expect(sim.kubectl('describe deployment web').stdout).toBe(
      [
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Mon, 05 Jan 2026 09:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=web',
        'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        ...NGINX_TEMPLATE,
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        `NewReplicaSet:   ${rs} (2/2 replicas created)`,
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        `  Normal  ScalingReplicaSet  30s   deployment-controller  Scaled up replica set ${rs} to 2 from 0`,
      ].join('\n'),
    );
  });

  it('describes a replica set with its controller and pod phases', () => {
    const lines = sim.kubectl(`describe rs ${rs}`).stdout.split('\n');
    expect(lines.slice(0, 11)).toEqual([
      `Name:           ${rs}`,
      'Namespace:      default',
      `Selector:       app=web,pod-template-hash=${hash}`,
      'Labels:         app=web',
      `                pod-template-hash=${hash}`,
      'Annotations:    deployment.kubernetes.io/desired-replicas: 2',
      '                deployment.kubernetes.io/max-replicas: 3',
      '                deployment.kubernetes.io/revision: 1',
      'Controlled By:  Deployment/web',
      'Replicas:       2 current / 2 desired',
      'Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
    ]);
  });

  it('describes a service with its endpoints', () => {
    const svc = sim.get<{ spec: { clusterIP: string } }>('svc', 'web')!;
    const ips = sim.list<{ status: { podIP: string } }>('pods', { labelSelector: 'app=web' }).map((p) => p.status.podIP);
    const out = sim.kubectl('describe service web').stdout;
    expect(out).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        `IP:                       ${svc.spec.clusterIP}`,
        `IPs:                      ${svc.spec.clusterIP}`,
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        `Endpoints:                ${out.match(/Endpoints: +(.*)/)![1]}`,
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ].join('\n'),
    );
    expect(out.match(/Endpoints: +(.*)/)![1]!.split(',').sort()).toEqual(ips.map((ip) => `${ip}:80`).sort());
  });

  it('describes a job with its counts and template command', () => {
    const lines = sim.kubectl('describe job pi').stdout.split('\n');
    expect(lines[0]).toBe('Name:             pi');
    expect(lines).toContain('Completion Mode:  NonIndexed');
    expect(lines).toContain('Backoff Limit:    6');
    expect(lines).toContain('Start Time:       Mon, 05 Jan 2026 09:00:00 +0000');
    expect(lines.find((l) => l.startsWith('Pods Statuses:'))).toMatch(/^Pods Statuses: {4}\d Active \(\d Ready\) \/ \d Succeeded \/ \d Failed$/);
    const cmd = lines.indexOf('    Command:');
    expect(lines.slice(cmd, cmd + 6)).toEqual(['    Command:', '      perl', '      -e', '      1', '    Environment:   <none>', '    Mounts:        <none>']);
  });

  it('describes a claim, with Used By and the provisioning events', () => {
    const pv = sim.get<{ spec: { volumeName: string } }>('pvc', 'data')!.spec.volumeName;
    const lines = sim.kubectl('describe pvc data').stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual(['Name:          data', 'Namespace:     default', 'StorageClass:  standard', 'Status:        Bound', `Volume:        ${pv}`]);
    expect(lines.slice(10, 15)).toEqual(['Finalizers:    [kubernetes.io/pvc-protection]', 'Capacity:      1Gi', 'Access Modes:  RWO', 'VolumeMode:    Filesystem', 'Used By:       <none>']);
    expect(lines[15]).toBe('Events:');
  });

  it('describes config maps with their data and secrets with sizes only', () => {
    expect(sim.kubectl('describe configmap app').stdout).toBe(
      ['Name:         app', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', '', 'Data', '====', 'level:', '----', '3', '', 'mode:', '----', 'fast', '', '', 'BinaryData', '====', '', 'Events:  <none>'].join('\n'),
    );
    expect(sim.kubectl('describe secret db').stdout).toBe(['Name:         db', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', '', 'Type:  Opaque', '', 'Data', '====', 'password:  6 bytes'].join('\n'));
  });
});

describe('kubectl describe for budgets and classes', () => {
  const sim = createSimulation({ seed: 1, cluster: 'minimal' });
  sim.kubectl('create pdb web --selector=app=web --min-available=1');

  it('describes a pod disruption budget with its status counts', () => {
    expect(sim.kubectl('describe pdb web').stdout).toBe(
      ['Name:           web', 'Namespace:      default', 'Min available:  1', 'Selector:       app=web', 'Status:', '    Allowed disruptions:  0', '    Current:              0', '    Desired:              0', '    Total:                0', 'Events:                   <none>'].join('\n'),
    );
  });

  it('describes the default storage class and a system priority class', () => {
    expect(sim.kubectl('describe sc standard').stdout).toBe(
      [
        'Name:                  standard',
        'IsDefaultClass:        Yes',
        'Annotations:           storageclass.kubernetes.io/is-default-class=true',
        'Provisioner:           rancher.io/local-path',
        'Parameters:            <none>',
        'AllowVolumeExpansion:  <unset>',
        'MountOptions:          <none>',
        'ReclaimPolicy:         Delete',
        'VolumeBindingMode:     Immediate',
        'Events:                <none>',
      ].join('\n'),
    );
    expect(sim.kubectl('describe pc system-node-critical').stdout.split('\n').slice(0, 4)).toEqual(['Name:              system-node-critical', 'Value:             2000001000', 'GlobalDefault:     false', 'PreemptionPolicy:  PreemptLowerPriority']);
  });
});
