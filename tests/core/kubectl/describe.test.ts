import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/core';
import { tabwrite } from '../../../src/core/kubectl/printers/tabwriter';
import { bareCluster } from './helpers';

describe('the tabwriter kubectl writes through', () => {
  it('aligns a column only within its block of consecutive lines', () => {
    expect(tabwrite('Name:\tweb\nService Account:\tdefault\nIPs:\n  IP:\t10.0.0.1\nEvents:\t<none>', { padding: 2 })).toBe(
      'Name:             web\nService Account:  default\nIPs:\n  IP:    10.0.0.1\nEvents:  <none>',
    );
  });
});

describe('kubectl describe pod', () => {
  const sim = createSimulation({ seed: 1, cluster: 'minimal' });
  sim.apply(`apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports: [{containerPort: 80}]
    env: [{name: MODE, value: fast}]
    resources: {requests: {cpu: 250m, memory: 64Mi}, limits: {cpu: 500m, memory: 128Mi}}
`);
  sim.advance(30);
  const pod = sim.get<{ spec: { nodeName: string; volumes: { name: string }[] }; status: { hostIP: string; podIP: string; containerStatuses: { containerID: string; imageID: string }[] } }>('pod', 'web')!;
  const volume = pod.spec.volumes[0]!.name;
  const status = pod.status.containerStatuses[0]!;

  it('prints the real section layout, aligned by the tabwriter blocks', () => {
    const out = sim.kubectl('describe pod web').stdout;
    const lines = out.split('\n');
    expect(lines.slice(0, 13)).toEqual([
      'Name:             web',
      'Namespace:        default',
      'Priority:         0',
      'Service Account:  default',
      `Node:             ${pod.spec.nodeName}/${pod.status.hostIP}`,
      'Start Time:       Mon, 05 Jan 2026 09:00:00 +0000',
      'Labels:           app=web',
      'Annotations:      <none>',
      'Status:           Running',
      `IP:               ${pod.status.podIP}`,
      'IPs:',
      `  IP:  ${pod.status.podIP}`,
      'Containers:',
    ]);
    expect(lines.slice(17, 33)).toEqual([
      '    Port:           80/TCP',
      '    Host Port:      0/TCP',
      '    State:          Running',
      expect.stringMatching(/^ {6}Started: {6}Mon, 05 Jan 2026 09:00:0\d \+0000$/),
      '    Ready:          True',
      '    Restart Count:  0',
      '    Limits:',
      '      cpu:     500m',
      '      memory:  128Mi',
      '    Requests:',
      '      cpu:     250m',
      '      memory:  64Mi',
      '    Environment:',
      '      MODE:  fast',
      '    Mounts:',
      `      /var/run/secrets/kubernetes.io/serviceaccount from ${volume} (ro)`,
    ]);
    expect(lines.slice(33, 56)).toEqual([
      'Conditions:',
      '  Type                        Status',
      '  PodReadyToStartContainers   True ',
      '  Initialized                 True ',
      '  Ready                       True ',
      '  ContainersReady             True ',
      '  PodScheduled                True ',
      'Volumes:',
      `  ${volume}:`,
      '    Type:                    Projected (a volume that contains injected data from multiple sources)',
      '    TokenExpirationSeconds:  3607',
      '    ConfigMapName:           kube-root-ca.crt',
      '    Optional:                false',
      '    DownwardAPI:             true',
      'QoS Class:                   Burstable',
      'Node-Selectors:              <none>',
      'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
      '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
      'Events:',
      '  Type    Reason     Age   From               Message',
      '  ----    ------     ----  ----               -------',
      expect.stringMatching(/^ {2}Normal {2}Scheduled {2}\d\ds {3}default-scheduler {2}Successfully assigned default\/web to worker-[12]$/),
      expect.stringMatching(/^ {2}Normal {2}Pulling {4}\d\ds {3}kubelet {12}Pulling image "nginx:1\.27"$/),
    ]);
  });

  it('describes by name prefix and says when nothing matches', () => {
    expect(sim.kubectl('describe pods we').stdout).toBe(sim.kubectl('describe pod web').stdout);
    expect(sim.kubectl('describe pod ghost').stderr).toBe('Error from server (NotFound): pods "ghost" not found');
  });
});

describe('kubectl describe pod, states from the store', () => {
  it('shows Waiting and Last State Terminated, and Terminating with its grace period', () => {
    const c = bareCluster();
    c.advance(100);
    c.pod('crashy', {
      phase: 'Running',
      startTime: c.at(10),
      containerStatuses: [
        { name: 'app', image: 'nginx:1.27', imageID: '', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: c.at(70), finishedAt: c.at(80) } } },
      ],
    });
    const out = c.kubectl('describe pod crashy').stdout;
    expect(out).toContain(
      [
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Mon, 05 Jan 2026 09:01:10 +0000',
        '      Finished:     Mon, 05 Jan 2026 09:01:20 +0000',
        '    Ready:          False',
        '    Restart Count:  4',
      ].join('\n'),
    );
    expect(out.endsWith('Events:                      <none>') || out.endsWith('Events:            <none>') || /Events:\s+<none>$/.test(out)).toBe(true);
    c.store.delete('Pod', 'crashy', 'default');
    c.advance(5);
    expect(c.kubectl('describe pod crashy').stdout).toContain('Status:                    Terminating (lasts 25s)\nTermination Grace Period:  30s\n');
  });

  it('repeats events as "44s (x2 over 54s)"', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers: [{name: c, image: nginx, resources: {requests: {cpu: "64"}}}]\n');
    // Nothing in the cluster changes, so the scheduler retries only after podMaxInUnschedulablePodsDuration (5 min).
    sim.advance(360);
    const events = sim.kubectl('describe pod big').stdout.split('\n').slice(-1)[0]!;
    expect(events).toMatch(/^ {2}Warning {2}FailedScheduling {2}\d+s \(x2 over \d+m\d+s\) {2}default-scheduler {2}0\/3 nodes are available: /);
  });
});

describe('kubectl describe node', () => {
  it('shows capacity, allocatable with nvidia.com/gpu, the pods and allocated resources', () => {
    const sim = createSimulation({ seed: 1, cluster: 'minimal' });
    sim.advance(1);
    const c = bareCluster();
    c.store.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'gpu-1', labels: { 'kubernetes.io/hostname': 'gpu-1' } },
      spec: { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] },
      status: {
        capacity: { cpu: '8', memory: '32Gi', pods: '110', 'nvidia.com/gpu': '8' },
        allocatable: { cpu: '8', memory: '32Gi', pods: '110', 'nvidia.com/gpu': '8' },
        addresses: [{ type: 'InternalIP', address: '10.0.0.9' }],
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: c.at(0), lastTransitionTime: c.at(0) }],
        nodeInfo: { machineID: 'm', systemUUID: 's', bootID: 'b', kernelVersion: '5.15', osImage: 'Ubuntu', operatingSystem: 'linux', architecture: 'amd64', containerRuntimeVersion: 'containerd://1.7.27', kubeletVersion: 'v1.34.1', kubeProxyVersion: '' },
      },
    });
    c.pod('train', { phase: 'Running' }, { nodeName: 'gpu-1', containers: [{ name: 'c', image: 'cuda', resources: { requests: { cpu: '2', memory: '4Gi', 'nvidia.com/gpu': '2' }, limits: { memory: '8Gi', 'nvidia.com/gpu': '2' } } }] });
    c.advance(65);
    expect(c.kubectl('describe node gpu-1').stdout).toBe(
      [
        'Name:               gpu-1',
        'Roles:              <none>',
        'Labels:             kubernetes.io/hostname=gpu-1',
        'Annotations:        <none>',
        'CreationTimestamp:  Mon, 05 Jan 2026 09:00:00 +0000',
        'Taints:             nvidia.com/gpu=present:NoSchedule',
        'Unschedulable:      false',
        'Conditions:',
        // Each condition cell ends in a space (describe.go writes "%v \t"), so the gaps are three wide.
        '  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message',
        '  ----    ------  -----------------                 ------------------                ------         -------',
        '  Ready   True    Mon, 05 Jan 2026 09:00:00 +0000   Mon, 05 Jan 2026 09:00:00 +0000   KubeletReady   kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  10.0.0.9',
        'Capacity:',
        '  cpu:             8',
        '  memory:          32Gi',
        '  nvidia.com/gpu:  8',
        '  pods:            110',
        'Allocatable:',
        '  cpu:             8',
        '  memory:          32Gi',
        '  nvidia.com/gpu:  8',
        '  pods:            110',
        'System Info:',
        '  Machine ID:                 m',
        '  System UUID:                s',
        '  Boot ID:                    b',
        '  Kernel Version:             5.15',
        '  OS Image:                   Ubuntu',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://1.7.27',
        '  Kubelet Version:            v1.34.1',
        'Non-terminated Pods:          (1 in total)',
        '  Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----     ------------  ----------  ---------------  -------------  ---',
        '  default                     train    2 (25%)       0 (0%)      4Gi (12%)        8Gi (25%)      65s',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests   Limits',
        '  --------           --------   ------',
        '  cpu                2 (25%)    0 (0%)',
        '  memory             4Gi (12%)  8Gi (25%)',
        '  ephemeral-storage  0 (0%)     0 (0%)',
        '  nvidia.com/gpu     2          2',
        'Events:              <none>',
      ].join('\n'),
    );
  });
});
