import { SIMULATION_EPOCH_MS } from '../../engine/time';
import { DEFAULT_DRIVER, nodeMigDevices } from '../node-gpu';
import { runSmiCommand, type SmiOutput } from '../nvidia-smi/command';
import { containerView } from '../nvidia-smi/smi-container';
import type { SmiInput } from '../nvidia-smi/smi-input';
import type { GpuRuntime } from './gpu-runtime';

/**
 * What nvidia-smi reads on a node right now: the GPUs with their live MIG state (lost GPUs left
 * out: the driver cannot reach them), each GPU's sensors, framebuffer in use per GPU and per MIG
 * device, and one compute process per container running on a device. Reading changes nothing.
 */
export function nodeSmiInput(rt: GpuRuntime, nodeName: string, unixSeconds: number): SmiInput | undefined {
  const node = rt.node(nodeName);
  if (!node) return undefined;
  const hw = node.hardware;
  const occupants = rt.occupants(nodeName);
  const gpus = hw.gpus
    .filter((g) => !hw.isLost(g.index))
    .map((gpu) => {
      const here = occupants.filter((o) => o.gpuIndex === gpu.index);
      const sensors = rt.readSensors(nodeName, gpu.index, occupants);
      const migMemory = new Map<string, { memory: number; bar1: number }>();
      for (const o of here) {
        if (!o.migDevice) continue;
        const m = migMemory.get(o.uuid) ?? { memory: 0, bar1: 0 };
        migMemory.set(o.uuid, { memory: m.memory + o.memoryMiB, bar1: m.bar1 + 2 });
      }
      const used = Math.min(gpu.model.memoryMiB, here.reduce((n, o) => n + o.memoryMiB, 0));
      return {
        gpu,
        persistenceMode: true,
        telemetry: {
          temperatureC: sensors.temperatureC,
          powerW: sensors.powerW,
          utilizationPercent: sensors.utilisation * 100,
          memoryUsedMiB: gpu.mig.enabled ? used : Math.max(used, 1),
          perfState: 'P0',
          eccErrors: 0,
        },
        ...(migMemory.size ? { migMemoryUsedMiB: migMemory } : {}),
      };
    });
  const processes = occupants
    .filter((o) => o.cuda && !hw.isLost(o.gpuIndex))
    .map((o) => ({
      gpuIndex: o.gpuIndex,
      ...(o.migDevice ? { gpuInstanceId: o.migDevice.gpuInstance.id, computeInstanceId: o.migDevice.computeInstance.id } : {}),
      pid: o.pid,
      type: 'C' as const,
      name: o.program,
      memoryMiB: o.memoryMiB,
    }))
    .sort((a, b) => a.gpuIndex - b.gpuIndex || a.pid - b.pid);
  return { driver: DEFAULT_DRIVER, time: unixSeconds, gpus, processes };
}

/**
 * nvidia-smi on a node now: on the host (every GPU), or inside a container that sees only the
 * devices in `visible` (its NVIDIA_VISIBLE_DEVICES). Undefined where no NVIDIA driver is installed.
 */
export function runNodeSmi(rt: GpuRuntime, nodeName: string, args: readonly string[], visible?: readonly string[]): SmiOutput | undefined {
  const input = nodeSmiInput(rt, nodeName, Math.floor((SIMULATION_EPOCH_MS + rt.ctx.clock.now()) / 1000));
  if (!input) return undefined;
  const hw = rt.node(nodeName)!.hardware;
  const sees = (uuid: string) => !visible || visible.includes(uuid);
  const lost = hw.gpus.filter((g) => hw.isLost(g.index) && (sees(g.uuid) || nodeMigDevices(g).some((d) => sees(d.computeInstance.uuid))));
  return runSmiCommand(visible ? containerView(input, visible) : input, args, lost);
}
