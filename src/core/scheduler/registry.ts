import { EXTENSION_POINT_GUARDS, type ExtensionPoint, type Handle, type Plugin } from './framework';
import { createDefaultPreemption, type DefaultPreemptionArgs, type PreemptionContext } from './plugins/default-preemption';
import { DefaultBinder } from './plugins/default-binder';
import { createImageLocality } from './plugins/image-locality';
import { createInterPodAffinity, type InterPodAffinityArgs } from './plugins/inter-pod-affinity';
import { createNodeAffinity, type NodeAffinityArgs } from './plugins/node-affinity';
import { NodeName } from './plugins/node-name';
import { NodePorts } from './plugins/node-ports';
import { createNodeResourcesBalancedAllocation, type NodeResourcesBalancedAllocationArgs } from './plugins/node-resources-balanced-allocation';
import { createNodeResourcesFit, type NodeResourcesFitArgs } from './plugins/node-resources-fit';
import { NodeUnschedulable } from './plugins/node-unschedulable';
import { createPodTopologySpread, type PodTopologySpreadArgs } from './plugins/pod-topology-spread';
import { PrioritySort } from './plugins/priority-sort';
import { SchedulingGates } from './plugins/scheduling-gates';
import { TaintToleration } from './plugins/taint-toleration';
import { createVolumeBinding } from './plugins/volume-binding';

/** What a plugin factory is given (the framework Handle, plus what preemption needs). */
export interface PluginContext {
  readonly handle: Handle;
  readonly preemption: PreemptionContext;
}

/** A factory per plugin name (the in-tree registry); `args` comes from the profile's pluginConfig. */
export type PluginFactory = (args: unknown, ctx: PluginContext) => Plugin;

export const REGISTRY: Readonly<Record<string, PluginFactory>> = {
  SchedulingGates: () => SchedulingGates,
  PrioritySort: () => PrioritySort,
  NodeUnschedulable: () => NodeUnschedulable,
  NodeName: () => NodeName,
  TaintToleration: () => TaintToleration,
  NodeAffinity: (args) => createNodeAffinity(args as NodeAffinityArgs),
  NodePorts: () => NodePorts,
  NodeResourcesFit: (args) => createNodeResourcesFit(args as NodeResourcesFitArgs),
  VolumeBinding: (_args, ctx) => createVolumeBinding(ctx.handle),
  PodTopologySpread: (args, ctx) => createPodTopologySpread(args as PodTopologySpreadArgs, ctx.handle),
  InterPodAffinity: (args, ctx) => createInterPodAffinity(args as InterPodAffinityArgs, ctx.handle),
  DefaultPreemption: (args, ctx) => createDefaultPreemption(args as DefaultPreemptionArgs, ctx.handle, ctx.preemption),
  NodeResourcesBalancedAllocation: (args) => createNodeResourcesBalancedAllocation(args as NodeResourcesBalancedAllocationArgs),
  ImageLocality: (_args, ctx) => createImageLocality(ctx.handle),
  DefaultBinder: () => DefaultBinder,
};

export type { ExtensionPoint };

/** The extension points a plugin implements, from the methods it has. */
export function extensionPointsOf(p: Plugin): ExtensionPoint[] {
  return (Object.keys(EXTENSION_POINT_GUARDS) as ExtensionPoint[]).filter((e) => EXTENSION_POINT_GUARDS[e](p));
}
