import type { ConfigMap, Node } from 'kubernetes-types/core/v1';
import type { ObjectStore } from '../../store/object-store';
import { DEFAULT_DEVICE_PLUGIN_CONFIG_KEY, DEVICE_PLUGIN_CONFIG_LABEL, DEVICE_PLUGIN_CONFIGMAP, GPU_OPERATOR_NAMESPACE, OPERATOR_DEFAULT_PLUGIN_CONFIG } from '../operator/operands';
import { memoByText } from '../memo-by-text';
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

/** The selected config's name and text, without parsing it. */
function selectedText(store: ObjectStore, nodeName: string) {
  const label = store.get<Node>('Node', nodeName)?.metadata.labels?.[DEVICE_PLUGIN_CONFIG_LABEL];
  const name = label || DEFAULT_DEVICE_PLUGIN_CONFIG_KEY;
  const cm = store.get<ConfigMap>('ConfigMap', DEVICE_PLUGIN_CONFIGMAP, GPU_OPERATOR_NAMESPACE);
  const text = cm ? cm.data?.[name] : name === DEFAULT_DEVICE_PLUGIN_CONFIG_KEY ? OPERATOR_DEFAULT_PLUGIN_CONFIG : undefined;
  return { name, cm, text, fingerprint: `${name}\u0000${text ?? ''}` };
}

/** What the config-manager sidecar compares on each poll: cheap, nothing parsed. */
export function selectedConfigFingerprint(store: ObjectStore, nodeName: string): string {
  return selectedText(store, nodeName).fingerprint;
}

/** Every node of a pool selects the same few configs: each text is parsed once. */
const parsed = memoByText(parseDevicePluginConfig);

export function selectedPluginConfig(store: ObjectStore, nodeName: string): SelectedConfig {
  const { name, cm, text, fingerprint } = selectedText(store, nodeName);
  if (text === undefined) {
    const known = Object.keys(cm?.data ?? {}).sort();
    return { ok: false, fingerprint, error: `unable to find config '${name}' in ConfigMap ${GPU_OPERATOR_NAMESPACE}/${DEVICE_PLUGIN_CONFIGMAP}${known.length ? ` (it has: ${known.join(', ')})` : ''}` };
  }
  const result = parsed(text);
  return result.ok ? { ok: true, name, config: result.value, fingerprint } : { ok: false, fingerprint, error: result.error };
}
