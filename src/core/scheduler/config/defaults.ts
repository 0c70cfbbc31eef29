import type { PluginRef } from './types';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/**
 * The default profile's plugins and score weights (kubescheduler.config.k8s.io/v1
 * getDefaultPlugins, in order). VolumeRestrictions, NodeVolumeLimits, VolumeZone and
 * DynamicResources are part of upstream's list but not simulated (see docs/fidelity.md).
 */
export const DEFAULT_MULTI_POINT: readonly PluginRef[] = [
  { name: 'SchedulingGates' },
  { name: 'PrioritySort' },
  { name: 'NodeUnschedulable' },
  { name: 'NodeName' },
  { name: 'TaintToleration', weight: 3 },
  { name: 'NodeAffinity', weight: 2 },
  { name: 'NodePorts' },
  { name: 'NodeResourcesFit', weight: 1 },
  { name: 'VolumeBinding' },
  { name: 'PodTopologySpread', weight: 2 },
  { name: 'InterPodAffinity', weight: 2 },
  { name: 'DefaultPreemption' },
  { name: 'NodeResourcesBalancedAllocation', weight: 1 },
  { name: 'ImageLocality', weight: 1 },
  { name: 'DefaultBinder' },
];

/** The v1 defaults of the plugin arguments (SetDefaults_*Args). */
export const DEFAULT_PLUGIN_ARGS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  DefaultPreemption: { minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: 100 },
  InterPodAffinity: { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: false },
  NodeAffinity: {},
  NodeResourcesBalancedAllocation: { resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] },
  NodeResourcesFit: { scoringStrategy: { type: 'LeastAllocated', resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] } },
  PodTopologySpread: { defaultingType: 'System' },
  VolumeBinding: { bindTimeoutSeconds: 600 },
};

/** percentageOfNodesToScore 0 means adaptive; the pod back-off starts at 1 s and is capped at 10 s. */
export const DEFAULT_PERCENTAGE_OF_NODES_TO_SCORE = 0;
export const DEFAULT_POD_INITIAL_BACKOFF_SECONDS = 1;
export const DEFAULT_POD_MAX_BACKOFF_SECONDS = 10;
