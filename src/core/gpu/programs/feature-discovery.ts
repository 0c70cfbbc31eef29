import type { Node } from 'kubernetes-types/core/v1';
import type { Process, ProcessEnv, TimedStep } from '../../kubelet/workloads/process';
import { selectedConfigFingerprint, selectedPluginConfig } from '../device-plugin/config-source';
import { featureDiscoveryLabels, type Labels } from '../feature-discovery';
import { DEFAULT_DRIVER } from '../node-gpu';
import { DEVICE_PLUGIN_CONFIG_LABEL, GPU_PRESENT, MIG_CONFIG_LABEL } from '../operator/operands';
import type { GpuRuntime } from '../runtime/gpu-runtime';
import { exit, klog, program, step } from './program';

/**
 * GPU feature discovery (`gpu-feature-discovery`, NVIDIA/k8s-device-plugin cmd/gpu-feature-discovery):
 * every `--sleep-interval` (60 s) it reads the GPUs and the device plugin config its node selects,
 * and writes the labels of featureDiscoveryLabels to the Node, removing the ones it no longer
 * produces (NFD does this for it on a real cluster). Labels stay when GFD stops, as NFD keeps them.
 * The timestamp label is not written (as with `--no-timestamp`), so the Node changes only when
 * the GPUs or the config do.
 */
const SLEEP_INTERVAL_MS = 60_000;
const CONFIG_POLL_MS = 5_000;

/** Labels another component owns under nvidia.com/: GFD never removes them. */
function ownedByOthers(key: string): boolean {
  return key === GPU_PRESENT || key.startsWith('nvidia.com/gpu.deploy.') || key.startsWith(MIG_CONFIG_LABEL) || key === DEVICE_PLUGIN_CONFIG_LABEL;
}

export function isFeatureDiscoveryLabel(key: string): boolean {
  return key.startsWith('nvidia.com/') && !ownedByOthers(key);
}

/** Write `labels` as GFD's complete set on the node; returns whether anything changed. */
export function writeFeatureLabels(rt: GpuRuntime, nodeName: string, labels: Labels): boolean {
  const node = rt.ctx.store.get<Node>('Node', nodeName);
  if (!node) return false;
  const current = node.metadata.labels ?? {};
  const stale = Object.keys(current).filter((k) => isFeatureDiscoveryLabel(k) && labels[k] === undefined);
  const changed = Object.entries(labels).filter(([k, v]) => current[k] !== v);
  if (!stale.length && !changed.length) return false;
  rt.ctx.store.patch<Node>('Node', nodeName, undefined, (n) => {
    const next = { ...(n.metadata!.labels ?? {}), ...labels };
    for (const k of stale) delete next[k];
    n.metadata!.labels = next;
  });
  return true;
}

export function featureDiscoveryProgram(rt: GpuRuntime, env: ProcessEnv): Process {
  const node = rt.node(env.nodeName);
  function* run(): Generator<TimedStep, void, void> {
    yield step(200, klog('I', 'main.go:163', 'Starting OS watcher.'), klog('I', 'main.go:168', 'Loading configuration.'));
    if (!node) {
      yield step(50, klog('E', 'main.go:125', 'error creating NVML labeler: failed to initialize NVML: ERROR_LIBRARY_NOT_FOUND'));
      yield exit(1);
      return;
    }
    let first = true;
    for (;;) {
      const selected = selectedPluginConfig(rt.ctx.store, env.nodeName);
      if (!selected.ok) {
        yield step(10, klog('E', 'main.go:125', `error: unable to load config: ${selected.error}`));
        yield exit(1);
        return;
      }
      const result = featureDiscoveryLabels({ gpus: node.hardware.gpus, config: selected.config, driver: DEFAULT_DRIVER, machine: node.hardware.machine.type.product });
      if (!result.ok) {
        yield step(10, klog('E', 'main.go:125', `error: ${result.error}`));
        yield exit(1);
        return;
      }
      if (first) yield step(10, klog('I', 'main.go:241', `Running with config: {"version":"v1","flags":{"migStrategy":"${selected.config.migStrategy}","failOnInitError":true,"gfd":{"oneshot":false,"noTimestamp":true,"sleepInterval":"1m0s"}}}`));
      writeFeatureLabels(rt, env.nodeName, result.labels);
      yield step(10, ...(first ? [klog('I', 'factory.go:62', 'Using NVML manager'), klog('I', 'main.go:297', 'Creating Labels')] : []), klog('I', 'main.go:307', 'Sleeping for 60000000000'));
      first = false;
      // The config-manager sidecar restarts GFD (SIGHUP) as soon as the selected config changes.
      for (let slept = 0; slept < SLEEP_INTERVAL_MS; slept += CONFIG_POLL_MS) {
        yield step(CONFIG_POLL_MS);
        if (selectedConfigFingerprint(rt.ctx.store, env.nodeName) !== selected.fingerprint) {
          yield step(0, klog('I', 'main.go:222', 'Received signal "hangup", restarting.'));
          break;
        }
      }
    }
  }
  return program('gpu-feature-discovery', run(), () => ({ exitAfterMs: 50, code: 0, lines: [klog('I', 'main.go:212', 'Received signal "terminated", shutting down.')] }));
}
