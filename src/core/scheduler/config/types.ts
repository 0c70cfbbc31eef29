import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/**
 * The kubescheduler.config.k8s.io/v1 KubeSchedulerConfiguration subset Kubelab reads: the
 * global sampling and back-off settings, and profiles with their plugins and plugin arguments.
 */
export interface PluginRef {
  readonly name: string;
  readonly weight?: number;
}

export interface PluginSet {
  readonly enabled?: readonly PluginRef[];
  readonly disabled?: readonly PluginRef[];
}

export interface Plugins {
  readonly multiPoint?: PluginSet;
  readonly preEnqueue?: PluginSet;
  readonly queueSort?: PluginSet;
  readonly preFilter?: PluginSet;
  readonly filter?: PluginSet;
  readonly postFilter?: PluginSet;
  readonly preScore?: PluginSet;
  readonly score?: PluginSet;
  readonly reserve?: PluginSet;
  readonly permit?: PluginSet;
  readonly preBind?: PluginSet;
  readonly bind?: PluginSet;
  readonly postBind?: PluginSet;
}

export interface PluginConfig {
  readonly name: string;
  readonly args?: Readonly<Record<string, unknown>>;
}

export interface KubeSchedulerProfile {
  readonly schedulerName?: string;
  readonly percentageOfNodesToScore?: number;
  readonly plugins?: Plugins;
  readonly pluginConfig?: readonly PluginConfig[];
}

export interface KubeSchedulerConfiguration {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  readonly percentageOfNodesToScore?: number;
  readonly podInitialBackoffSeconds?: number;
  readonly podMaxBackoffSeconds?: number;
  readonly parallelism?: number;
  readonly profiles?: readonly KubeSchedulerProfile[];
}
