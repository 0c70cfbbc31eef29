import type { Node, Pod } from 'kubernetes-types/core/v1';
import { createSimulation, GPU_STACK_BOOT_S, type Simulation } from '../../../../src/core';

/** A preset cluster whose GPU operator has booted (the device plugin registered on every GPU node). */
export function bootedCluster(cluster: 'dgx-a100' | 'gpu-lab' | 'h200', seed = 1): Simulation {
  const sim = createSimulation({ seed, cluster });
  sim.advance(GPU_STACK_BOOT_S);
  return sim;
}

/** The `nvidia.com/*` capacity and allocatable a node reports, as `capacity/allocatable` per resource. */
export function gpuResources(sim: Simulation, node: string): Record<string, string> {
  const status = sim.get<Node>('node', node)!.status!;
  const out: Record<string, string> = {};
  for (const [name, n] of Object.entries(status.capacity ?? {})) if (name.startsWith('nvidia.com/')) out[name] = `${n}/${status.allocatable?.[name] ?? '-'}`;
  return out;
}

/** The node's labels under nvidia.com/. */
export function nvidiaLabels(sim: Simulation, node: string): Record<string, string> {
  const labels = sim.get<Node>('node', node)!.metadata!.labels ?? {};
  return Object.fromEntries(Object.entries(labels).filter(([k]) => k.startsWith('nvidia.com/')).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function label(sim: Simulation, node: string, labels: string): void {
  const r = sim.kubectl(`label node ${node} ${labels} --overwrite`);
  if (r.exitCode !== 0) throw new Error(r.stderr);
}

/** The operand pod of a DaemonSet on a node. */
export function operandPod(sim: Simulation, app: string, node: string): Pod | undefined {
  return sim.list<Pod>('pods', { namespace: 'gpu-operator', labelSelector: `app=${app}` }).find((p) => p.spec?.nodeName === node && !p.metadata?.deletionTimestamp);
}

/** A PyTorch training pod on one `resource` device for an hour, pinned to `node` when given. */
export function trainingPod(name: string, resource = 'nvidia.com/gpu', node?: string): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: ${name}, annotations: { kubelab.dev/duration: 1h } }
spec:
${node ? `  nodeSelector: { kubernetes.io/hostname: ${node} }\n` : ''}  containers:
  - name: pytorch
    image: nvcr.io/nvidia/pytorch:25.01-py3
    command: [python, train.py]
    resources: { limits: { ${resource}: 1 } }
`;
}

/** Whether the pod `name` (default namespace) is Running: a condition for advanceUntil. */
export function podRunning(sim: Simulation, name: string): () => boolean {
  return () => sim.get<Pod>('pod', name)?.status?.phase === 'Running';
}

/** Apply a training pod and wait until its script runs on the GPU (past its start-up). */
export function runTraining(sim: Simulation, name: string, resource = 'nvidia.com/gpu', node = 'dgx-1'): void {
  sim.apply(trainingPod(name, resource, node));
  advanceUntil(sim, podRunning(sim, name), 600);
  sim.advance(30);
}

/** Advance until `done` holds, one second at a time, for at most `seconds`; returns the seconds taken. */
export function advanceUntil(sim: Simulation, done: () => boolean, seconds: number): number {
  for (let t = 1; t <= seconds; t++) {
    sim.advance(1);
    if (done()) return t;
  }
  throw new Error(`not done after ${seconds}s`);
}

/** The device plugin configs the strategy scenarios select per node with `nvidia.com/device-plugin.config`. */
export const PLUGIN_CONFIGS = `apiVersion: v1
kind: ConfigMap
metadata: { name: device-plugin-config, namespace: gpu-operator }
data:
  default: |
    version: v1
    flags: { migStrategy: single }
  none: |
    version: v1
    flags: { migStrategy: none }
  mixed: |
    version: v1
    flags: { migStrategy: mixed }
  time-sliced: |
    version: v1
    sharing:
      timeSlicing:
        resources:
        - name: nvidia.com/gpu
          replicas: 4
  time-sliced-strict: |
    version: v1
    sharing:
      timeSlicing:
        failRequestsGreaterThanOne: true
        resources:
        - name: nvidia.com/gpu
          replicas: 4
`;

/**
 * Select a MIG layout and a device plugin config on a node, then let the MIG manager and the
 * restarted operands settle (the MIG change takes ~45 s on a DGX; the plugin and GFD follow).
 */
export function reconfigure(sim: Simulation, node: string, migConfig: string, pluginConfig: string): void {
  sim.apply(PLUGIN_CONFIGS);
  label(sim, node, `nvidia.com/device-plugin.config=${pluginConfig} nvidia.com/mig.config=${migConfig}`);
  sim.advance(150);
}
