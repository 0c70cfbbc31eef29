import { NODE_CPU_USAGE, NODE_MEMORY_WORKING_SET } from '../core/metrics/series';
import type { ChartSpec } from './protocol';

const MIG_PRESENT = { label: 'GPU_I_PROFILE', present: true } as const;
const MIG_ABSENT = { label: 'GPU_I_PROFILE', present: false } as const;
const MIG_LINE = ['Hostname', 'gpu', 'GPU_I_PROFILE', 'GPU_I_ID', 'pod'];

/**
 * The charts of the metrics panel, as data: which recorded series each one draws and how its
 * lines are named. Series names come from the core's shared names where they exist, and are the
 * real exporters' names (DCGM exporter, see reference/gpu.md) otherwise.
 */
export const CHARTS: readonly ChartSpec[] = [
  { id: 'node-cpu', metric: NODE_CPU_USAGE, unit: 'millicores', lineLabels: ['node'], scope: 'node' },
  { id: 'node-memory', metric: NODE_MEMORY_WORKING_SET, unit: 'bytes', lineLabels: ['node'], scope: 'node' },
  // The exporter labels a series with the pod holding the device (pod-resources API), so the
  // lines name their users; a MIG instance's series carry GPU_I_PROFILE and GPU_I_ID.
  { id: 'gpu-util', metric: 'DCGM_FI_DEV_GPU_UTIL', unit: 'percent', lineLabels: ['Hostname', 'gpu', 'pod'], scope: 'Hostname', where: MIG_ABSENT },
  { id: 'gpu-fb', metric: 'DCGM_FI_DEV_FB_USED', unit: 'mebibytes', lineLabels: ['Hostname', 'gpu', 'pod'], scope: 'Hostname', where: MIG_ABSENT },
  // On MIG instances DCGM reports utilisation only through the profiling engine-activity field.
  { id: 'mig-util', metric: 'DCGM_FI_PROF_GR_ENGINE_ACTIVE', unit: 'ratio', lineLabels: MIG_LINE, scope: 'Hostname', where: MIG_PRESENT },
  { id: 'mig-fb', metric: 'DCGM_FI_DEV_FB_USED', unit: 'mebibytes', lineLabels: MIG_LINE, scope: 'Hostname', where: MIG_PRESENT },
];
