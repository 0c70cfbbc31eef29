import type { Pod } from 'kubernetes-types/core/v1';
import { fnv1a } from '../../engine/hash';
import type { KubeletFleet } from '../../kubelet/kubelets';
import type { SimContext } from '../../sim-context';
import { advanceSensors, idleSensors, type Sensors } from '../dcgm/telemetry';
import { NodeDeviceManager } from '../device-plugin/device-manager';
import type { MigDevice } from '../mig-geometry';
import { nodeMigDevices } from '../node-gpu';
import { NodeHardware } from './node-hardware';

/**
 * The GPU side of every GPU node, shared by the NVIDIA components of the simulation: the hardware
 * (MIG state, Xids, kernel log), the kubelet's device manager (registrations and allocations), the
 * sensors, and which containers run on which device with what load. Per-node state is created
 * for machines with GPUs only, so CPU nodes cost nothing.
 */
export interface GpuNode {
  readonly hardware: NodeHardware;
  readonly devices: NodeDeviceManager;
  readonly sensors: Map<number, Sensors>;
}

/** A container running on a GPU or MIG device: what nvidia-smi lists as a process and DCGM maps to a pod. */
export interface DeviceOccupant {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  readonly gpuIndex: number;
  /** The GPU or MIG device UUID. */
  readonly uuid: string;
  readonly migDevice?: MigDevice;
  /** Fraction of the device's SMs it keeps busy, 0–1. */
  readonly utilisation: number;
  /**
   * Whether it has a CUDA context (its program has put work on the GPU): what nvidia-smi lists as
   * a process and what blocks a MIG change. A shell that merely holds the device has none.
   */
  readonly cuda: boolean;
  readonly memoryMiB: number;
  /** The program name nvidia-smi prints. */
  readonly program: string;
  readonly pid: number;
}

/** What drives a container's GPU load besides its own program (Triton's request load). */
export type UtilisationSource = (namespace: string, pod: string, container: string) => number | undefined;

const MiB = 1024 * 1024;

export class GpuRuntime {
  private readonly nodes = new Map<string, GpuNode>();
  private readonly sources: UtilisationSource[] = [];

  constructor(
    readonly ctx: SimContext,
    readonly kubelets: KubeletFleet,
  ) {
    for (const m of ctx.machines.values()) {
      if (m.gpus.length) this.nodes.set(m.nodeName, { hardware: new NodeHardware(m), devices: new NodeDeviceManager(), sensors: new Map() });
    }
  }

  node(name: string): GpuNode | undefined {
    return this.nodes.get(name);
  }

  nodeNames(): string[] {
    return [...this.nodes.keys()];
  }

  addUtilisationSource(source: UtilisationSource): void {
    this.sources.push(source);
  }

  /** Containers running on this node's GPUs now, from the device manager's allocations. */
  occupants(nodeName: string): DeviceOccupant[] {
    const node = this.nodes.get(nodeName);
    if (!node) return [];
    const out: DeviceOccupant[] = [];
    for (const p of node.devices.podDevices()) {
      for (const c of p.containers) {
        const use = this.kubelets.containerUsage(p.namespace, p.name, c.container);
        if (!use) continue;
        const override = this.sources.map((s) => s(p.namespace, p.name, c.container)).find((v) => v !== undefined);
        const utilisation = override ?? use.gpuUtilisation;
        const uuids = [...new Set(c.devices.map((d) => d.uuid))];
        for (const uuid of uuids) {
          const d = c.devices.find((x) => x.uuid === uuid)!;
          out.push({
            namespace: p.namespace,
            pod: p.name,
            container: c.container,
            gpuIndex: d.gpuIndex,
            uuid,
            ...(d.migDevice ? { migDevice: d.migDevice } : {}),
            utilisation,
            cuda: utilisation > 0,
            // A model: the framebuffer a program holds follows its working set (PyTorch's caching allocator, Triton's model).
            memoryMiB: Math.round(use.memoryBytes / MiB / uuids.length),
            program: this.programOf(p.namespace, p.name, c.container),
            pid: 1000 + (fnv1a(`${p.uid}/${c.container}`) % 3_000_000),
          });
        }
      }
    }
    return out;
  }

  private programOf(namespace: string, pod: string, container: string): string {
    const spec = this.ctx.store.get<Pod>('Pod', pod, namespace)?.spec?.containers.find((c) => c.name === container);
    const argv = [...(spec?.command ?? []), ...(spec?.args ?? [])];
    return argv[0] ?? spec?.image?.split('/').pop()?.split(':')[0] ?? container;
  }

  /** Whether a CUDA process runs on the GPU (on it or on one of its MIG devices). */
  gpuInUse(nodeName: string, gpuIndex: number, occupants: readonly DeviceOccupant[] = this.occupants(nodeName)): boolean {
    return occupants.some((o) => o.gpuIndex === gpuIndex && o.cuda);
  }

  /**
   * GPU utilisation now: the busy fraction of its SMs. On a MIG GPU each instance contributes in
   * proportion to its share of the SMs; time-sliced containers add up to at most 100 %.
   */
  gpuUtilisation(nodeName: string, gpuIndex: number, occupants: readonly DeviceOccupant[] = this.occupants(nodeName)): number {
    const node = this.nodes.get(nodeName);
    const gpu = node?.hardware.gpu(gpuIndex);
    if (!gpu || node!.hardware.isLost(gpuIndex)) return 0;
    const here = occupants.filter((o) => o.gpuIndex === gpuIndex);
    if (!gpu.mig.enabled) return Math.min(1, here.reduce((n, o) => n + o.utilisation, 0));
    let busy = 0;
    for (const d of nodeMigDevices(gpu)) {
      const u = Math.min(1, here.filter((o) => o.uuid === d.computeInstance.uuid).reduce((n, o) => n + o.utilisation, 0));
      busy += u * (d.multiprocessors / gpu.model.multiprocessors);
    }
    return Math.min(1, busy);
  }

  /**
   * A GPU's sensors now. DCGM's collection `keep`s the reading as the new starting point; other
   * readers (nvidia-smi, the UI) only look, so that looking never changes the run.
   */
  readSensors(nodeName: string, gpuIndex: number, occupants?: readonly DeviceOccupant[], keep = false): Sensors {
    const node = this.nodes.get(nodeName)!;
    const gpu = node.hardware.gpu(gpuIndex)!;
    const last = node.sensors.get(gpuIndex) ?? idleSensors(gpu.model, 0);
    const next = advanceSensors(gpu.model, last, this.gpuUtilisation(nodeName, gpuIndex, occupants), this.ctx.clock.now());
    if (keep) node.sensors.set(gpuIndex, next);
    return next;
  }
}
