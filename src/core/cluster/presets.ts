import type { ClusterSpec } from './cluster-spec';

/**
 * The cluster presets named in DESIGN.md. Between them they run every container runtime a node
 * can report: containerd (kubeadm's and kind's default), CRI-O, and Docker Engine through
 * cri-dockerd (`docker://` in `get nodes -o wide`). A control-plane node carries its real taint,
 * node-role.kubernetes.io/control-plane:NoSchedule, so ordinary pods never land on it.
 */
const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' } as const;

export const PRESETS: Readonly<Record<string, ClusterSpec>> = {
  minimal: {
    name: 'minimal',
    description: 'A control-plane node and two 4-core CPU workers.',
    pools: [
      { name: 'control-plane', count: 1, machine: 'control-plane', nodeNames: ['control-plane'], role: 'control-plane', taints: [CONTROL_PLANE_TAINT], runtime: 'containerd' },
      { name: 'worker', count: 2, machine: 'cpu-small', runtime: 'containerd', zone: 'zone-a' },
    ],
  },
  'dgx-a100': {
    name: 'dgx-a100',
    description: 'Two NVIDIA DGX A100 nodes (8 × A100-SXM4-40GB each) and a CPU node.',
    pools: [
      { name: 'dgx', count: 2, machine: 'dgx-a100', runtime: 'containerd', zone: 'zone-a' },
      { name: 'cpu', count: 1, machine: 'cpu-standard', runtime: 'docker', zone: 'zone-a' },
    ],
  },
  'gpu-lab': {
    name: 'gpu-lab',
    description: 'A heterogeneous lab: a CPU node, a 4 × T4 inference node, a 4 × A100-80GB node and a DGX H100.',
    pools: [
      { name: 'cpu', count: 1, machine: 'cpu-standard', runtime: 'docker', zone: 'zone-a' },
      { name: 't4', count: 1, machine: 't4-inference', runtime: 'cri-o', zone: 'zone-a' },
      { name: 'a100', count: 1, machine: 'hgx-a100-80gb-4', runtime: 'containerd', zone: 'zone-b' },
      { name: 'h100', count: 1, machine: 'dgx-h100', runtime: 'containerd', zone: 'zone-b' },
    ],
  },
  h200: {
    name: 'h200',
    description: 'One HGX H200 node (8 × H200) and a CPU node.',
    pools: [
      { name: 'hgx-h200', count: 1, machine: 'hgx-h200', runtime: 'containerd', zone: 'zone-a' },
      { name: 'cpu', count: 1, machine: 'cpu-standard', runtime: 'cri-o', zone: 'zone-a' },
    ],
  },
  large: {
    name: 'large',
    description: 'A scale demo: 200 CPU nodes, 40 T4 nodes, 20 DGX A100 and 10 DGX H100.',
    pools: [
      { name: 'cpu', count: 200, machine: 'cpu-standard', runtime: 'containerd', zone: 'zone-a' },
      { name: 't4', count: 40, machine: 't4-inference', runtime: 'cri-o', zone: 'zone-b' },
      { name: 'dgx-a100', count: 20, machine: 'dgx-a100', runtime: 'containerd', zone: 'zone-c' },
      { name: 'dgx-h100', count: 10, machine: 'dgx-h100', runtime: 'containerd', zone: 'zone-c' },
    ],
  },
};

export const PRESET_NAMES = Object.keys(PRESETS);
