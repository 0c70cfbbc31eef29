import type { Labels, MetricsStore } from '../../metrics/metrics-store';
import { nodeMigDevices } from '../node-gpu';
import { profileMemoryMiB } from '../mig-profiles';
import type { DeviceOccupant, GpuRuntime } from '../runtime/gpu-runtime';
import { smClockMHz } from './telemetry';
import { DCGM } from './fields';

/**
 * One dcgm-exporter collection on a node: per GPU, and per MIG device on MIG GPUs, the default
 * fields with the exporter's labels. Values come from what runs on each device: utilisation is the
 * busy fraction of its SMs; the profiling ratios follow it (tensor pipes about 60 % and DRAM about
 * 45 % of the engine's activity, typical of mixed-precision training); on MIG instances only the
 * profiling fields and framebuffer are reported, as DCGM does not support the DEV_*_UTIL fields
 * there. A GPU that fell off the bus reports only its last Xid. Work is proportional to the node's
 * GPUs and the containers on them.
 */
// The three shares are illustrative estimates, not measured on any workload (docs/fidelity.md).
const TENSOR_SHARE = 0.6;
const DRAM_SHARE = 0.45;
const COPY_SHARE = 0.35;

type Record3 = (name: string, labels: Labels, value: number) => void;

function podLabels(occupants: readonly DeviceOccupant[]): { namespace: string; pod: string; container: string }[] {
  if (!occupants.length) return [{ namespace: '', pod: '', container: '' }];
  return occupants.map((o) => ({ namespace: o.namespace, pod: o.pod, container: o.container }));
}

/** A series one collection wrote: the exporter drops those the next collection no longer writes. */
export interface WrittenSeries {
  readonly name: string;
  readonly labels: Labels;
}

export function collectNode(rt: GpuRuntime, nodeName: string, hostname: string, metrics: MetricsStore, nowMs: number): WrittenSeries[] {
  const node = rt.node(nodeName);
  if (!node) return [];
  const occupants = rt.occupants(nodeName);
  const written: WrittenSeries[] = [];
  const record: Record3 = (name, labels, value) => {
    metrics.record(name, labels, value, nowMs);
    written.push({ name, labels });
  };
  for (const gpu of node.hardware.gpus) {
    const base = { gpu: String(gpu.index), UUID: gpu.uuid, device: `nvidia${gpu.index}`, modelName: gpu.model.name, Hostname: hostname };
    const xid = node.hardware.lastXidOf(gpu.index);
    if (node.hardware.isLost(gpu.index)) {
      record(DCGM.XID_ERRORS, { ...base, namespace: '', pod: '', container: '' }, xid);
      continue;
    }
    const sensors = rt.readSensors(nodeName, gpu.index, occupants, true);
    const onGpu = occupants.filter((o) => o.gpuIndex === gpu.index);
    const physical = (labels: Labels) => {
      record(DCGM.GPU_TEMP, labels, Math.round(sensors.temperatureC));
      record(DCGM.POWER_USAGE, labels, Math.round(sensors.powerW * 1000) / 1000);
      record(DCGM.SM_CLOCK, labels, smClockMHz(gpu.model, sensors.utilisation));
      record(DCGM.XID_ERRORS, labels, xid);
    };
    const activity = (labels: Labels, u: number) => {
      record(DCGM.GR_ENGINE_ACTIVE, labels, round3(u));
      record(DCGM.PIPE_TENSOR_ACTIVE, labels, round3(u * TENSOR_SHARE));
      record(DCGM.DRAM_ACTIVE, labels, round3(u * DRAM_SHARE));
    };
    if (!gpu.mig.enabled) {
      const used = Math.min(gpu.model.memoryMiB, onGpu.reduce((n, o) => n + o.memoryMiB, 0));
      for (const pod of podLabels(onGpu)) {
        const labels = { ...base, ...pod };
        physical(labels);
        record(DCGM.GPU_UTIL, labels, Math.round(sensors.utilisation * 100));
        record(DCGM.MEM_COPY_UTIL, labels, Math.round(sensors.utilisation * COPY_SHARE * 100));
        record(DCGM.FB_USED, labels, used);
        record(DCGM.FB_FREE, labels, gpu.model.memoryMiB - used);
        activity(labels, sensors.utilisation);
      }
      continue;
    }
    physical({ ...base, namespace: '', pod: '', container: '' });
    for (const d of nodeMigDevices(gpu)) {
      const here = onGpu.filter((o) => o.uuid === d.computeInstance.uuid);
      const total = profileMemoryMiB(d.gpuInstanceProfile);
      const used = Math.min(total, here.reduce((n, o) => n + o.memoryMiB, 0));
      const u = Math.min(1, here.reduce((n, o) => n + o.utilisation, 0));
      for (const pod of podLabels(here)) {
        const labels = { ...base, GPU_I_PROFILE: d.name, GPU_I_ID: String(d.gpuInstance.id), ...pod };
        record(DCGM.FB_USED, labels, used);
        record(DCGM.FB_FREE, labels, total - used);
        activity(labels, u);
      }
    }
  }
  return written;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
