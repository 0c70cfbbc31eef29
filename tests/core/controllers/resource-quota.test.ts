import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../harness';

const TEAM = `apiVersion: v1
kind: Namespace
metadata: { name: team-a }
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: gpus, namespace: team-a }
spec:
  hard: { requests.nvidia.com/gpu: "2", pods: "4" }
`;

const GPU_POD = (name: string, gpus: number) => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: team-a }
spec:
  tolerations: [{ key: nvidia.com/gpu, operator: Exists, effect: NoSchedule }]
  containers: [{ name: cuda, image: "nvcr.io/nvidia/cuda:12.4.0-base-ubuntu22.04", resources: { limits: { nvidia.com/gpu: ${gpus} } } }]
`;

describe('ResourceQuota', () => {
  it('refuses the GPU pod that would exceed requests.nvidia.com/gpu, with the API server\'s message', () => {
    const c = new TestCluster('dgx-a100');
    c.apply(TEAM);
    c.apply(GPU_POD('first', 2));
    expect(c.applyError(GPU_POD('second', 1))).toBe(
      'Error from server (Forbidden): error when creating "manifest.yaml": pods "second" is forbidden: exceeded quota: gpus, requested: requests.nvidia.com/gpu=1, used: requests.nvidia.com/gpu=2, limited: requests.nvidia.com/gpu=2',
    );
    expect(c.store.get('Pod', 'second', 'team-a')).toBeUndefined();
  });

  it('tracks usage in status and gives it back when a pod is deleted', () => {
    const c = new TestCluster('dgx-a100');
    c.apply(TEAM);
    c.apply(GPU_POD('first', 2));
    c.advance(1);
    expect(c.get<ResourceQuota>('ResourceQuota', 'gpus', 'team-a').status).toEqual({ hard: { 'requests.nvidia.com/gpu': '2', pods: '4' }, used: { 'requests.nvidia.com/gpu': '2', pods: '1' } });
    c.store.delete('Pod', 'first', 'team-a', { gracePeriodSeconds: 0 });
    c.advance(1);
    expect(c.get<ResourceQuota>('ResourceQuota', 'gpus', 'team-a').status?.used).toEqual({ 'requests.nvidia.com/gpu': '0', pods: '0' });
    c.apply(GPU_POD('second', 2));
  });

  it('leaves a ReplicaSet short of replicas with a FailedCreate event and ReplicaFailure condition', () => {
    const c = new TestCluster('dgx-a100');
    c.apply(TEAM);
    c.apply(`apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: trainers, namespace: team-a }
spec:
  replicas: 3
  selector: { matchLabels: { app: t } }
  template:
    metadata: { labels: { app: t } }
    spec:
      containers: [{ name: cuda, image: "nvcr.io/nvidia/cuda:12.4.0-base-ubuntu22.04", resources: { limits: { nvidia.com/gpu: 1 } } }]
`);
    c.advance(1);
    expect(c.pods('team-a')).toHaveLength(2);
    const failed = c.events('ReplicaSet', 'trainers').filter((e) => e.startsWith('FailedCreate'));
    expect(failed[0]).toMatch(/^FailedCreate: Error creating: pods "trainers-[a-z0-9]{5}" is forbidden: exceeded quota: gpus, requested: requests\.nvidia\.com\/gpu=1, used: requests\.nvidia\.com\/gpu=2, limited: requests\.nvidia\.com\/gpu=2$/);
    expect(c.get<ReplicaSet>('ReplicaSet', 'trainers', 'team-a').status?.conditions?.[0]).toMatchObject({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' });
  });

  it('demands requests when the quota tracks them', () => {
    const c = new TestCluster();
    c.apply('apiVersion: v1\nkind: ResourceQuota\nmetadata: { name: compute }\nspec:\n  hard: { requests.cpu: "2", limits.memory: 1Gi }\n');
    expect(c.applyError('apiVersion: v1\nkind: Pod\nmetadata: { name: bare }\nspec:\n  containers: [{ name: c, image: "nginx:1.27" }]\n')).toBe(
      'Error from server (Forbidden): error when creating "manifest.yaml": pods "bare" is forbidden: failed quota: compute: must specify limits.memory for: c; requests.cpu for: c',
    );
  });

  it('counts only pods in its scope', () => {
    const c = new TestCluster();
    c.apply('apiVersion: v1\nkind: ResourceQuota\nmetadata: { name: besteffort }\nspec:\n  hard: { pods: "1" }\n  scopes: [BestEffort]\n');
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec:\n  containers: [{ name: c, image: "nginx:1.27" }]\n');
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: b }\nspec:\n  containers: [{ name: c, image: "nginx:1.27", resources: { requests: { cpu: 100m } } }]\n');
    expect(c.applyError('apiVersion: v1\nkind: Pod\nmetadata: { name: c }\nspec:\n  containers: [{ name: c, image: "nginx:1.27" }]\n')).toContain('exceeded quota: besteffort, requested: pods=1, used: pods=1, limited: pods=1');
  });
});

describe('LimitRange', () => {
  const LR = `apiVersion: v1
kind: LimitRange
metadata: { name: limits }
spec:
  limits:
  - type: Container
    default: { cpu: 500m, memory: 256Mi }
    defaultRequest: { cpu: 100m }
    max: { cpu: "1" }
    min: { memory: 64Mi }
`;

  it('fills in default requests and limits and says so in an annotation', () => {
    const c = new TestCluster();
    c.apply(LR);
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: app, image: "nginx:1.27" }]\n');
    const pod = c.get<Pod>('Pod', 'p');
    expect(pod.spec?.containers[0]?.resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '256Mi' } });
    expect(pod.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app');
    expect(pod.status?.qosClass).toBe('Burstable');
  });

  it.each([
    ['a limit over max', 'limits: { cpu: "2" }', 'pods "p" is forbidden: maximum cpu usage per Container is 1, but limit is 2'],
    ['a request under min', 'requests: { memory: 32Mi }, limits: { memory: 128Mi }', 'pods "p" is forbidden: minimum memory usage per Container is 64Mi, but request is 32Mi'],
  ])('refuses %s', (_name, resources, message) => {
    const c = new TestCluster();
    c.apply(LR);
    expect(c.applyError(`apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: app, image: "nginx:1.27", resources: { ${resources} } }]\n`)).toBe(
      `Error from server (Forbidden): error when creating "manifest.yaml": ${message}`,
    );
  });
});
