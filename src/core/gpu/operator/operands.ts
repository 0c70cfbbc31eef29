/**
 * The NVIDIA GPU Operator's operands that Kubelab runs, as data: one DaemonSet each in the
 * `gpu-operator` namespace, placed by a node selector on the operator's per-component deploy
 * label, with the app labels, images and commands of GPU Operator v24.9 (gpu-operator
 * assets/state-*). The driver and container toolkit are treated as preinstalled on the machines
 * (DGX OS ships them), so their operands are not simulated (docs/fidelity.md).
 */
export const GPU_OPERATOR_NAMESPACE = 'gpu-operator';

/** `nvidia.com/gpu.present=true`: the operator's mark on every node with an NVIDIA GPU (state_manager.go commonGPULabelKey, from NFD's `feature.node.kubernetes.io/pci-10de.present`). */
export const GPU_PRESENT = 'nvidia.com/gpu.present';
/** The value mig-parted's reconfigure sets on a deploy label to take its operand off the node. */
export const PAUSED_FOR_MIG_CHANGE = 'paused-for-mig-change';

export type OperandId = 'device-plugin' | 'gpu-feature-discovery' | 'dcgm-exporter' | 'mig-manager';

export interface Operand {
  readonly id: OperandId;
  readonly daemonSet: string;
  /** The `app` label its pods carry (what the MIG manager waits on). */
  readonly app: string;
  readonly container: string;
  readonly serviceAccount: string;
  readonly image: string;
  readonly command: readonly string[];
  readonly ports?: readonly { readonly name: string; readonly containerPort: number }[];
  /** Deployed only where the node has a MIG-capable GPU (the operator reads GFD's mig.capable label). */
  readonly migCapableOnly?: boolean;
}

const DEVICE_PLUGIN_IMAGE = 'nvcr.io/nvidia/k8s-device-plugin:v0.17.0';

export const OPERANDS: readonly Operand[] = [
  { id: 'device-plugin', daemonSet: 'nvidia-device-plugin-daemonset', app: 'nvidia-device-plugin-daemonset', container: 'nvidia-device-plugin', serviceAccount: 'nvidia-device-plugin', image: DEVICE_PLUGIN_IMAGE, command: ['nvidia-device-plugin'] },
  // GFD ships in the device plugin's image since v0.15.
  { id: 'gpu-feature-discovery', daemonSet: 'gpu-feature-discovery', app: 'gpu-feature-discovery', container: 'gpu-feature-discovery', serviceAccount: 'nvidia-gpu-feature-discovery', image: DEVICE_PLUGIN_IMAGE, command: ['gpu-feature-discovery'] },
  { id: 'dcgm-exporter', daemonSet: 'nvidia-dcgm-exporter', app: 'nvidia-dcgm-exporter', container: 'nvidia-dcgm-exporter', serviceAccount: 'nvidia-dcgm-exporter', image: 'nvcr.io/nvidia/k8s/dcgm-exporter:3.3.9-3.6.1-ubuntu22.04', command: ['/usr/bin/dcgm-exporter'], ports: [{ name: 'metrics', containerPort: 9400 }] },
  { id: 'mig-manager', daemonSet: 'nvidia-mig-manager', app: 'nvidia-mig-manager', container: 'nvidia-mig-manager', serviceAccount: 'nvidia-mig-manager', image: 'nvcr.io/nvidia/cloud-native/k8s-mig-manager:v0.10.0-ubuntu20.04', command: ['nvidia-mig-manager'], migCapableOnly: true },
];

/** `nvidia.com/gpu.deploy.<component>`. */
export function deployLabel(id: OperandId): string {
  return `nvidia.com/gpu.deploy.${id}`;
}

export function operand(id: OperandId): Operand {
  return OPERANDS.find((o) => o.id === id)!;
}

/**
 * The ConfigMaps the operands read, standing in for the ClusterPolicy fields that name them
 * (devicePlugin.config.name, migManager.config.name): the device plugin and GFD read
 * `device-plugin-config` (the node label `nvidia.com/device-plugin.config` picks a key, `default`
 * otherwise); the MIG manager reads `custom-mig-parted-config` when it exists, else the operator's
 * `default-mig-parted-config`.
 */
export const DEVICE_PLUGIN_CONFIGMAP = 'device-plugin-config';
export const DEVICE_PLUGIN_CONFIG_LABEL = 'nvidia.com/device-plugin.config';
export const DEFAULT_DEVICE_PLUGIN_CONFIG_KEY = 'default';
export const DEFAULT_MIG_PARTED_CONFIGMAP = 'default-mig-parted-config';
export const CUSTOM_MIG_PARTED_CONFIGMAP = 'custom-mig-parted-config';
export const MIG_CONFIG_LABEL = 'nvidia.com/mig.config';
export const MIG_CONFIG_STATE_LABEL = 'nvidia.com/mig.config.state';

/** The operator's default device plugin config: ClusterPolicy's default `mig.strategy: single`. */
export const OPERATOR_DEFAULT_PLUGIN_CONFIG = 'version: v1\nflags:\n  migStrategy: single\n';
