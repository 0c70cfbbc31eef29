import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/types';
import type { Process, ProcessEnv } from './workloads/process';

/**
 * What components outside the kubelet plug into it, as device plugins and vendor binaries do on a
 * real node. The kubelet knows nothing about GPUs: a device manager tells it which extended
 * resources the node has (pkg/kubelet/cm/devicemanager GetCapacity) and what a container is given
 * when it is created (GetDeviceRunContainerOptions); images may carry programs the workload
 * catalogue does not describe.
 */
export interface ExtendedResources {
  /** Counts per resource name; a resource whose plugin went away long ago is reported with capacity 0. */
  readonly capacity: Readonly<Record<string, number>>;
  readonly allocatable: Readonly<Record<string, number>>;
}

/** The environment variables and device IDs a container gets from the device managers. */
export interface ContainerRunOptions {
  readonly env: Readonly<Record<string, string>>;
  readonly devices: readonly string[];
}

/** A program an image carries, started instead of a catalogue entry when it answers for argv. */
export type ProgramProvider = (argv: readonly string[], env: ProcessEnv) => Process | undefined;

export interface KubeletExtension {
  /** Extended resources of `node` for its status, or undefined when this extension has none there. */
  nodeResources?(node: string): ExtendedResources | undefined;
  /** What a container of an admitted pod is given (its devices and their environment). */
  containerOptions?(node: string, pod: Stored<Pod>, container: string): ContainerRunOptions | undefined;
  readonly programs?: ProgramProvider;
}

/** Merge what every extension gives a container. */
export function mergeRunOptions(options: readonly (ContainerRunOptions | undefined)[]): ContainerRunOptions {
  const env: Record<string, string> = {};
  const devices: string[] = [];
  for (const o of options) {
    if (!o) continue;
    Object.assign(env, o.env);
    devices.push(...o.devices);
  }
  return { env, devices };
}

/** Merge extended resources of every extension (names do not overlap between device plugins). */
export function mergeResources(parts: readonly (ExtendedResources | undefined)[]): ExtendedResources {
  const capacity: Record<string, number> = {};
  const allocatable: Record<string, number> = {};
  for (const p of parts) {
    if (!p) continue;
    Object.assign(capacity, p.capacity);
    Object.assign(allocatable, p.allocatable);
  }
  return { capacity, allocatable };
}
