import type { ConfigMap, Node } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../../store/object-store';
import { DEFAULT_DEVICE_PLUGIN_CONFIG_KEY, DEVICE_PLUGIN_CONFIG_LABEL, DEVICE_PLUGIN_CONFIGMAP, GPU_OPERATOR_NAMESPACE, OPERATOR_DEFAULT_PLUGIN_CONFIG } from '../operator/operands';
import { parseDevicePluginConfig, type DevicePluginConfig } from './config';

/**
 * Which device plugin config a node runs, as the plugin's config-manager sidecar picks it: the key
 * named by the node label `nvidia.com/device-plugin.config` in the `device-plugin-config`
 * ConfigMap, or its `default` key; without the ConfigMap, the operator's default (mig strategy
 * single). `fingerprint` changes whenever the selected text does, which is what makes the
 * config-manager restart the plugin.
 */
export type SelectedConfig =
  | { readonly ok: true; readonly name: string; readonly config: DevicePluginConfig; readonly fingerprint: string }
  | { readonly ok: false; readonly error: string; readonly fingerprint: string };

export function selectedPluginConfig(store: ObjectStore, nodeName: string): SelectedConfig {
  const label = store.get<Node>('Node', nodeName)?.metadata.labels?.[DEVICE_PLUGIN_CONFIG_LABEL];
  const name = label || DEFAULT_DEVICE_PLUGIN_CONFIG_KEY;
  const cm = store.get<ConfigMap>('ConfigMap', DEVICE_PLUGIN_CONFIGMAP, GPU_OPERATOR_NAMESPACE);
  const text = cm ? cm.data?.[name] : name === DEFAULT_DEVICE_PLUGIN_CONFIG_KEY ? OPERATOR_DEFAULT_PLUGIN_CONFIG : undefined;
  const fingerprint = `${name}\u0000${text ?? ''}`;
  if (text === undefined) {
    const known = Object.keys(cm?.data ?? {}).sort();
    return { ok: false, fingerprint, error: `unable to find config '${name}' in ConfigMap ${GPU_OPERATOR_NAMESPACE}/${DEVICE_PLUGIN_CONFIGMAP}${known.length ? ` (it has: ${known.join(', ')})` : ''}` };
  }
  const parsed = parseDevicePluginConfig(text);
  return parsed.ok ? { ok: true, name, config: parsed.value, fingerprint } : { ok: false, fingerprint, error: parsed.error };
}
