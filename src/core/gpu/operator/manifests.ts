import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { ConfigMap } from 'kubernetes-types/core/v1';
import { yamlLibrary } from '../../deferred/registry';
import type { MigPartedConfig } from '../mig-parted/config';
import { DEFAULT_MIG_CONFIG } from '../mig-parted/defaults';
import {
  DEFAULT_DEVICE_PLUGIN_CONFIG_KEY,
  DEFAULT_MIG_PARTED_CONFIGMAP,
  DEVICE_PLUGIN_CONFIGMAP,
  deployLabel,
  GPU_OPERATOR_NAMESPACE,
  type Operand,
  OPERATOR_DEFAULT_PLUGIN_CONFIG,
} from './operands';

/** The labels the operator puts on everything it manages. */
const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'gpu-operator', 'helm.sh/chart': 'gpu-operator-v24.9.2' };

/**
 * An operand's DaemonSet as the operator renders it: node selector on its deploy label, the
 * `nvidia.com/gpu` NoSchedule toleration (so it runs on tainted GPU pools), the
 * system-node-critical priority class, and the node name in NODE_NAME as every operand gets it.
 */
export function operandDaemonSet(o: Operand): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: o.daemonSet, namespace: GPU_OPERATOR_NAMESPACE, labels: { app: o.app, ...MANAGED_BY } },
    spec: {
      selector: { matchLabels: { app: o.app } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { app: o.app, 'app.kubernetes.io/part-of': 'nvidia-gpu' } },
        spec: {
          nodeSelector: { [deployLabel(o.id)]: 'true' },
          tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
          priorityClassName: 'system-node-critical',
          serviceAccountName: o.serviceAccount,
          containers: [
            {
              name: o.container,
              image: o.image,
              imagePullPolicy: 'IfNotPresent',
              command: [...o.command],
              env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
              ...(o.ports ? { ports: o.ports.map((p) => ({ ...p, protocol: 'TCP' as const })) } : {}),
            },
          ],
        },
      },
    },
  };
}

/** mig-parted's config file format, written back from the parsed form. */
export function migPartedYaml(config: MigPartedConfig): string {
  const configs: Record<string, unknown[]> = {};
  for (const [name, entries] of Object.entries(config.migConfigs)) {
    configs[name] = entries.map((e) => ({
      ...(e.deviceFilter ? { 'device-filter': e.deviceFilter.length === 1 ? e.deviceFilter[0] : [...e.deviceFilter] } : {}),
      devices: e.devices === 'all' ? 'all' : [...e.devices],
      'mig-enabled': e.migEnabled,
      ...(e.migEnabled ? { 'mig-devices': { ...e.migDevices } } : {}),
    }));
  }
  return yamlLibrary().stringify({ version: 'v1', 'mig-configs': configs });
}

export function operatorConfigMaps(): ConfigMap[] {
  return [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: DEFAULT_MIG_PARTED_CONFIGMAP, namespace: GPU_OPERATOR_NAMESPACE, labels: MANAGED_BY }, data: { 'config.yaml': migPartedYaml(DEFAULT_MIG_CONFIG) } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: DEVICE_PLUGIN_CONFIGMAP, namespace: GPU_OPERATOR_NAMESPACE, labels: MANAGED_BY }, data: { [DEFAULT_DEVICE_PLUGIN_CONFIG_KEY]: OPERATOR_DEFAULT_PLUGIN_CONFIG } },
  ];
}
