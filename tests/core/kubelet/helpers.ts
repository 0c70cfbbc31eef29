import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { createSimulation, type Simulation } from '../../../src/core';

/** A one-node cluster, so every pod lands on the same machine. */
export const ONE_NODE = { name: 'one', pools: [{ name: 'w', count: 1, machine: 'cpu-small', nodeNames: ['node-1'] }] };

export function oneNode(seed = 1): Simulation {
  return createSimulation({ seed, cluster: ONE_NODE });
}

/** A pod manifest: `containers` is YAML for the containers list, indented as a list item. */
export function podYaml(name: string, containers: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${extra}  containers:
${containers}`;
}

/** A short description of a container's state: `running`, `waiting:CrashLoopBackOff`, `terminated:Error/1`. */
export function stateOf(s: ContainerStatus | undefined): string {
  if (!s?.state) return 'none';
  if (s.state.running) return 'running';
  if (s.state.waiting) return `waiting:${s.state.waiting.reason}`;
  return `terminated:${s.state.terminated!.reason}/${s.state.terminated!.exitCode}`;
}

export interface Transition {
  readonly atMs: number;
  readonly state: string;
  readonly restarts: number;
  readonly message?: string;
}

/** Record every change of one container's state, at the millisecond it happens. */
export function watchContainer(sim: Simulation, pod: string, container?: string): Transition[] {
  const out: Transition[] = [];
  sim.watch((e) => {
    if (e.object.kind !== 'Pod' || e.object.metadata.name !== pod || e.type === 'DELETED') return;
    const p = e.object as Pod;
    const statuses = [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])];
    const s = container ? statuses.find((c) => c.name === container) : p.status?.containerStatuses?.[0];
    if (!s) return;
    const state = stateOf(s);
    const last = out[out.length - 1];
    if (last && last.state === state && last.restarts === s.restartCount) return;
    out.push({ atMs: Math.round(sim.now() * 1000), state, restarts: s.restartCount, ...(s.state?.waiting?.message ? { message: s.state.waiting.message } : {}) });
  });
  return out;
}

export function events(sim: Simulation, name: string): string[] {
  return sim
    .events()
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason}: ${e.message}`);
}

export function pod(sim: Simulation, name: string): Pod {
  const p = sim.get<Pod>('pod', name);
  if (!p) throw new Error(`no pod ${name}`);
  return p;
}

export function condition(p: Pod, type: string): string | undefined {
  return p.status?.conditions?.find((c) => c.type === type)?.status;
}

/** An nginx pod labelled app=web, optionally bound to a node (`extra` is more spec, indented two spaces). */
export function webPod(name: string, node?: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: web } }
spec:
${node ? `  nodeName: ${node}\n` : ''}${extra}  containers:
  - name: nginx
    image: nginx:1.27
`;
}

/** A Deployment of three nginx pods labelled app=web, with a readiness probe every 5 s on the named port http. */
export const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{ name: http, containerPort: 80 }]
        readinessProbe: { httpGet: { path: /, port: http }, periodSeconds: 5 }
`;
