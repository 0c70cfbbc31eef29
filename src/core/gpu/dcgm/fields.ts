/**
 * The DCGM fields dcgm-exporter exports by default (etc/default-counters.csv, with the profiling
 * counters of dcp-metrics-included.csv that the GPU Operator enables), as metric names in the
 * MetricsStore. Labels follow the exporter: `gpu`, `UUID`, `device` (`nvidia0`), `modelName`,
 * `Hostname` (the exporter pod's host name), `GPU_I_PROFILE` and `GPU_I_ID` on MIG instances, and
 * `namespace`, `pod`, `container` of the pod using the device (empty when none does).
 */
export const DCGM = {
  GPU_UTIL: 'DCGM_FI_DEV_GPU_UTIL',
  MEM_COPY_UTIL: 'DCGM_FI_DEV_MEM_COPY_UTIL',
  FB_USED: 'DCGM_FI_DEV_FB_USED',
  FB_FREE: 'DCGM_FI_DEV_FB_FREE',
  GPU_TEMP: 'DCGM_FI_DEV_GPU_TEMP',
  POWER_USAGE: 'DCGM_FI_DEV_POWER_USAGE',
  SM_CLOCK: 'DCGM_FI_DEV_SM_CLOCK',
  XID_ERRORS: 'DCGM_FI_DEV_XID_ERRORS',
  GR_ENGINE_ACTIVE: 'DCGM_FI_PROF_GR_ENGINE_ACTIVE',
  PIPE_TENSOR_ACTIVE: 'DCGM_FI_PROF_PIPE_TENSOR_ACTIVE',
  DRAM_ACTIVE: 'DCGM_FI_PROF_DRAM_ACTIVE',
} as const;

/** dcgm-exporter's default collection interval (`-c`, DCGM_EXPORTER_INTERVAL): 30 000 ms. */
export const DCGM_COLLECT_INTERVAL_MS = 30_000;
