import type { Node } from 'kubernetes-types/core/v1';
import type { MachineStates } from '../cluster/machine-state';
import { done, type FaultAction, field, onNode, refused } from '../faults/deps';
import type { KubeletFleet } from '../kubelet/kubelets';
import type { GpuRuntime } from './runtime/gpu-runtime';
import { xid as xidInfo, xidLogLine } from './xids';

/**
 * GPU faults. `gpu-xid` makes the driver raise an Xid on one GPU (optionally naming a MIG GPU and
 * compute instance, `gpuInstance`/`computeInstance`): it goes to the kernel log, to DCGM's
 * XID_ERRORS, to the device plugin's health check, and kills the CUDA processes the error takes
 * down (Xid catalogue `kills`), which the kubelet then restarts as for any crash. `gpu-reset` is
 * `nvidia-smi -r -i <gpu>`: refused while a process uses the GPU, impossible for a GPU that fell
 * off the bus or whose GSP stopped answering (those need a reboot: node-down then node-up).
 */
export interface GpuFaultDeps {
  readonly runtime: GpuRuntime;
  readonly kubelets: KubeletFleet;
  readonly machines: MachineStates;
}

function gpuTarget(rt: GpuRuntime, node: string, raw: unknown) {
  const hw = rt.node(node)?.hardware;
  if (!hw) return { error: `node ${node} has no NVIDIA GPUs` };
  const index = typeof raw === 'number' ? raw : Number(raw);
  const gpu = Number.isInteger(index) ? hw.gpu(index) : undefined;
  if (!gpu) return { error: `node ${node} has no GPU ${String(raw)} (GPUs 0–${hw.gpus.length - 1})` };
  return { hw, gpu };
}

/** The CUDA processes an Xid takes down: their containers exit 1 (the CUDA error), and the kubelet restarts them. */
function killProcesses(deps: GpuFaultDeps, node: string, gpuIndex: number, uuid: string | undefined, kills: 'none' | 'one' | 'all'): number {
  if (kills === 'none') return 0;
  const victims = deps.runtime.occupants(node).filter((o) => o.cuda && o.gpuIndex === gpuIndex && (uuid === undefined || o.uuid === uuid));
  const chosen = kills === 'one' ? victims.slice(0, 1) : victims;
  for (const o of chosen) {
    const located = deps.kubelets.locate(o.namespace, o.pod);
    located?.kubelet.worker(located.pod.metadata.uid)?.crashContainer(o.container, 1, false);
  }
  return chosen.length;
}

/**
 * The Node event a kernel-log watcher reports for the Xid line: node-problem-detector's kernel
 * monitor with an `NVRM: Xid` rule, as GPU clusters commonly add (a stock cluster has no event for
 * an Xid; docs/fidelity.md).
 */
function recordXidEvent(rt: GpuRuntime, node: string, line: string): void {
  const obj = rt.ctx.store.get<Node>('Node', node);
  if (obj) rt.ctx.recorder.record(obj, 'Warning', 'GPUXidError', line, { component: 'kernel-monitor', host: node });
}

export function gpuFaults(deps: GpuFaultDeps): Readonly<Record<string, FaultAction>> {
  const rt = deps.runtime;
  return {
    'gpu-xid': onNode((_d, node, f) => {
      const t = gpuTarget(rt, node, field(f, 'gpu'));
      if ('error' in t) return refused(t.error!);
      const code = field(f, 'xid');
      if (typeof code !== 'number' || !Number.isInteger(code) || code <= 0) return refused(`xid must be a positive whole number, not ${JSON.stringify(code)}`);
      if (!deps.machines.get(node).powered) return refused(`node ${node} is powered off`);
      if (t.hw.isLost(t.gpu.index)) return refused(`GPU ${t.gpu.index} on ${node} has fallen off the bus; it raises no more Xids until the node reboots`);
      const gi = field(f, 'gpuInstance');
      const ci = field(f, 'computeInstance');
      const instance = typeof gi === 'number' ? { gi, ci: typeof ci === 'number' ? ci : 0 } : undefined;
      const migUuid = instance ? t.gpu.mig.gpuInstances.find((g) => g.id === instance.gi)?.computeInstances.find((c) => c.id === instance.ci)?.uuid : undefined;
      if (instance && !migUuid) return refused(`GPU ${t.gpu.index} on ${node} has no MIG device with GPU instance ${instance.gi} and compute instance ${instance.ci}`);
      const now = rt.ctx.clock.now();
      const victim = rt.occupants(node).find((o) => o.cuda && o.gpuIndex === t.gpu.index && (!migUuid || o.uuid === migUuid));
      const info = xidInfo(code);
      const line = xidLogLine(t.gpu, code, info?.application ? victim?.pid : undefined, info?.application ? victim?.program : undefined);
      t.hw.raiseXid(t.gpu.index, code, now, line, instance);
      recordXidEvent(rt, node, line);
      const killed = killProcesses(deps, node, t.gpu.index, migUuid, info?.kills ?? 'all');
      return done(`Xid ${code} (${info?.name ?? 'Unknown Error'}) on GPU ${t.gpu.index} of ${node}${killed ? `; ${killed} CUDA process${killed > 1 ? 'es' : ''} died` : ''}`);
    }),
    'gpu-reset': onNode((_d, node, f) => {
      const t = gpuTarget(rt, node, field(f, 'gpu'));
      if ('error' in t) return refused(t.error!);
      const bus = t.gpu.busId;
      if (!deps.machines.get(node).powered) return refused(`node ${node} is powered off`);
      if (t.hw.isLost(t.gpu.index)) return refused(`Unable to determine the device handle for GPU${bus}: Unknown Error (the GPU fell off the bus: reboot the node)`);
      if (t.hw.pendingRecovery(t.gpu.index) === 'node-reboot') return refused(`Unable to reset GPU ${bus}: Xid ${t.hw.lastXidOf(t.gpu.index)} needs a node reboot`);
      if (rt.gpuInUse(node, t.gpu.index)) return refused(`GPU ${bus} is currently in use by another process.`);
      t.hw.reset(t.gpu.index, rt.ctx.clock.now());
      return done(`GPU ${bus} was successfully reset. The device plugin keeps devices it marked Unhealthy until it restarts.`);
    }),
  };
}
