/**
 * Kubelab's simulation core: the public headless API. See DESIGN.md and the README's
 * "Headless API" section.
 */
// The headless entry has every module from the start; the worker instead loads kubectl and the
// YAML library on first use (core/deferred/registry.ts).
import './deferred/provide-all';
import { Simulation, type SimulationOptions } from './simulation';

export function createSimulation(options: SimulationOptions = {}): Simulation {
  return new Simulation(options);
}

export { Simulation };
export type { Command, DeleteResult, KubectlWatch, ListOptions, SimulationOptions, Snapshot } from './simulation';
export type { ApplyOutput, ApplyResult } from './apply/apply';
export type { OpResult, RolloutAction } from './workload-ops';
export type { DnsAnswer } from './network/dns';
export type { PropagationPolicy } from './store/object-store';
export type { KubectlResult } from './kubectl/kubectl';
export type { LogsOptions, LogsResult } from './kubelet/logs-api';
export type { CordonResult } from './eviction/cordon';
export type { DrainLine, DrainOperation, DrainOptions } from './eviction/drain';
export type { Completion } from './kubectl/completion';
export type { NodeShellResult } from './kubectl/shell/node-shell';
export type { WatchRequest } from './kubectl/watch/request';
export type { EditOutcome, EditRequest, EditTarget } from './kubectl/edit/session';
export type { Fault, FaultResult } from './faults/faults';
export type { ClusterSpec, NodePoolSpec } from './cluster/cluster-spec';
export type { WatchEvent } from './store/object-store';
export type { InspectRef, Inspection } from './view/inspect';
export type { ExplanationView, NodeVerdict } from './view/explain';
export type { FilterRejection, NodeScore, PluginScore, PreemptionVictim, SchedulingExplanation } from './scheduler/explanation';
export type { Labels, Sample, Series } from './metrics/metrics-store';
export type { ContainerView, EndpointView, MigInstanceView, HpaMetricView, HpaView, ExtendedResourceView, EventView, ServiceView, GpuHealthView, GpuView, NodeView, PodView, PodVisualState, ViewDiff, ViewSnapshot } from './view/types';
export { PRESET_NAMES } from './cluster/presets';
export { GPU_STACK_BOOT_S } from './gpu/gpu-stack';
export { GPU_SAMPLES, type GpuSample } from './gpu/samples';
export type { GpuDeviceUser, GpuHealth, GpuStatus, MigDeviceStatus, NodeGpuStatus } from './gpu/runtime/gpu-status';
