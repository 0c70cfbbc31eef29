import type { ProgramProvider } from '../../kubelet/extensions';
import { basename } from '../../kubelet/workloads/argv';
import type { Process, ProcessEnv } from '../../kubelet/workloads/process';
import type { GpuRuntime } from '../runtime/gpu-runtime';
import { dcgmExporterProgram } from './dcgm-exporter';
import { devicePluginProgram } from './device-plugin';
import { featureDiscoveryProgram } from './feature-discovery';
import { migManagerProgram } from './mig-manager';
import { nvidiaSmiProgram } from './nvidia-smi';

/**
 * The NVIDIA programs and the images that carry them. nvidia-smi is not in an image: the
 * container toolkit mounts it into every container given a GPU.
 */
const PROGRAMS: readonly { name: string; repository?: string; start: (rt: GpuRuntime, env: ProcessEnv) => Process | undefined }[] = [
  { name: 'nvidia-device-plugin', repository: 'nvcr.io/nvidia/k8s-device-plugin', start: devicePluginProgram },
  { name: 'gpu-feature-discovery', repository: 'nvcr.io/nvidia/k8s-device-plugin', start: featureDiscoveryProgram },
  { name: 'nvidia-mig-manager', repository: 'nvcr.io/nvidia/cloud-native/k8s-mig-manager', start: migManagerProgram },
  { name: 'dcgm-exporter', repository: 'nvcr.io/nvidia/k8s/dcgm-exporter', start: dcgmExporterProgram },
  { name: 'nvidia-smi', start: nvidiaSmiProgram },
];

export function nvidiaPrograms(rt: GpuRuntime): ProgramProvider {
  return (argv, env) => {
    const name = argv[0] === undefined ? undefined : basename(argv[0]);
    const entry = PROGRAMS.find((p) => p.name === name && (!p.repository || p.repository === env.image.repository));
    return entry?.start(rt, env);
  };
}
