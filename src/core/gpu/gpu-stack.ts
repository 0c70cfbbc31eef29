import type { Pod } from 'kubernetes-types/core/v1';
import { gpuUtilisationOverride } from '../kubelet/workloads/overrides';
import type { MachineStates } from '../cluster/machine-state';
import type { FaultInjector } from '../faults/faults';
import type { KubeletFleet } from '../kubelet/kubelets';
import type { SimContext } from '../sim-context';
import { gpuFaults } from './faults';
import { MIG_DISABLED } from './mig-geometry';
import type { NodeGpu } from './node-gpu';
import { GpuOperator } from './operator/operator';
import { nvidiaPrograms } from './programs';
import type { SmiOutput } from './nvidia-smi/command';
import { GpuRuntime } from './runtime/gpu-runtime';
import { nodeGpuStatus, type NodeGpuStatus } from './runtime/gpu-status';
import { runNodeSmi } from './runtime/smi-state';

/**
 * Virtual seconds from a cluster's start until the device plugin has registered on every GPU node
 * of the presets and the kubelets have posted the `nvidia.com/*` capacity: the operator's images
 * are pulled one at a time per node (the kubelet's serializeImagePulls), the 1.2 GB dcgm-exporter
 * image taking the longest; measured at 12–27 s on dgx-a100, gpu-lab and h200. A GPU pod applied
 * earlier waits Pending for the capacity (or, bound by nodeName, runs without a GPU).
 */
export const GPU_STACK_BOOT_S = 30;

/**
 * The NVIDIA GPU stack of a cluster, wired into the rest of the simulation: the GPU Operator and
 * its operands (which run as ordinary pods through the kubelet), the kubelet's device manager
 * (extended resources in the node status, Allocate at admission, NVIDIA_VISIBLE_DEVICES), the
 * NVIDIA programs images carry, and the GPU faults. A reboot brings every GPU back and restarts the
 * kubelet's device manager from its checkpoint.
 */
export class GpuStack {
  readonly runtime: GpuRuntime;
  /** The operator, installed only on clusters with GPU machines (as Helm installs it where GPUs are). */
  readonly operator: GpuOperator | undefined;

  constructor(private readonly ctx: SimContext, kubelets: KubeletFleet, machines: MachineStates, faults: FaultInjector) {
    const rt = (this.runtime = new GpuRuntime(ctx, kubelets));
    // An inference pod's request load, as lessons set it with kubelab.dev/gpu-utilisation.
    rt.addUtilisationSource((namespace, pod, container) => gpuUtilisationOverride(ctx.store.get<Pod>('Pod', pod, namespace)?.metadata.annotations, container));
    kubelets.addExtension({
      nodeResources: (node) => rt.node(node)?.devices.resources(ctx.clock.now()),
      containerOptions: (node, pod, container) => rt.node(node)?.devices.containerOptions(pod, container),
      programs: nvidiaPrograms(rt),
    });
    kubelets.addAdmitHandler({
      name: 'devicemanager',
      admit: ({ pod, node, activePods }) => rt.node(node?.metadata.name ?? '')?.devices.admit(pod, activePods, ctx.clock.now()) ?? { admit: true },
    });
    machines.subscribe((node, change) => {
      const n = rt.node(node);
      if (!n || change !== 'power' || !machines.get(node).powered) return;
      n.hardware.rebooted(ctx.clock.now());
      n.devices.kubeletRestarted(ctx.clock.now());
      n.sensors.clear();
    });
    for (const [type, handler] of Object.entries(gpuFaults({ runtime: rt, kubelets, machines }))) {
      faults.register(type, (_ctx, fault) => handler({ ctx, machines, kubelets }, fault));
    }
    this.operator = rt.nodeNames().length ? new GpuOperator(ctx) : undefined;
  }

  /** nvidia-smi on a node's host, or undefined where no NVIDIA driver is installed. */
  nodeSmi(node: string, args: readonly string[]): SmiOutput | undefined {
    return runNodeSmi(this.runtime, node, args);
  }

  /** The NVIDIA driver's kernel log lines on a node (dmesg), or undefined on a node without NVIDIA GPUs. */
  dmesg(node: string): string | undefined {
    return this.runtime.node(node)?.hardware.dmesg();
  }

  /**
   * A node's GPUs with their live MIG state, as the driver sees them (nvidia-smi and the cluster view
   * read the same); the machine's GPUs with MIG off where no NVIDIA runtime runs.
   */
  nodeGpus(node: string): readonly NodeGpu[] {
    return this.runtime.node(node)?.hardware.gpus ?? (this.ctx.machines.get(node)?.gpus ?? []).map((g) => ({ ...g, mig: MIG_DISABLED }));
  }

  /** A node's GPUs for dashboards: health, sensors, MIG devices and who uses each device. */
  status(node: string): NodeGpuStatus | undefined {
    return nodeGpuStatus(this.runtime, node);
  }
}
