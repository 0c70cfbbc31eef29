import type { Process, ProcessEnv, TimedStep } from '../../kubelet/workloads/process';
import { selectedConfigFingerprint, selectedPluginConfig } from '../device-plugin/config-source';
import { activeSharing, type DevicePluginConfig } from '../device-plugin/config';
import type { PluginHandle } from '../device-plugin/device-manager';
import { advertisedResources, sharedRequestError, type AdvertisedDevice } from '../device-plugin/resources';
import type { GpuRuntime } from '../runtime/gpu-runtime';
import { devicesMadeUnhealthy, isCritical } from '../xids';
import { exit, klog, Liveness, program, step } from './program';

/**
 * The NVIDIA device plugin (`nvidia-device-plugin`, NVIDIA/k8s-device-plugin cmd/nvidia-device-plugin):
 * it loads the config its node selects, builds the device map for the MIG strategy and sharing
 * settings, starts one gRPC server per resource and registers each with the kubelet; then its
 * health check waits on NVML's Xid events and marks devices Unhealthy for every Xid that is not an
 * application error — for good: a device comes back only when the plugin restarts
 * (NVIDIA/k8s-device-plugin#111, #234). A config that cannot be loaded or a device map that cannot
 * be built (single strategy over mixed MIG profiles) ends the process with the error, exit 1
 * (failOnInitError, the GPU Operator's default), and the kubelet restarts it on its back-off.
 * A changed config makes the config-manager sidecar send SIGHUP, and the plugin restarts in place.
 */
/** The health check's NVML event wait: NVIDIA/k8s-device-plugin internal/rm/health.go, eventSet.Wait(5000). */
const HEALTH_POLL_MS = 5_000;
const SOCKET_DIR = '/var/lib/kubelet/device-plugins';

function socketOf(resource: string): string {
  return `${SOCKET_DIR}/nvidia-${resource.replace(/^nvidia\.com\//, '')}.sock`;
}

/** The config as the plugin prints it after loading (the fields Kubelab reads). */
function configLine(config: DevicePluginConfig): string {
  const sharing = activeSharing(config);
  const key = config.mps && sharing === config.mps ? 'mps' : 'timeSlicing';
  return JSON.stringify({
    version: 'v1',
    flags: { migStrategy: config.migStrategy, failOnInitError: true, plugin: { deviceListStrategy: ['envvar'], deviceIDStrategy: 'uuid' } },
    resources: { gpus: [{ pattern: '*', name: 'nvidia.com/gpu' }] },
    sharing: sharing ? { [key]: { renameByDefault: sharing.renameByDefault, failRequestsGreaterThanOne: sharing.failRequestsGreaterThanOne, resources: sharing.resources } } : { timeSlicing: {} },
  });
}

export function devicePluginProgram(rt: GpuRuntime, env: ProcessEnv): Process {
  const { clock, store } = rt.ctx;
  const node = rt.node(env.nodeName);
  const life = new Liveness(() => clock.now());
  let handle: PluginHandle | undefined;

  function* run(): Generator<TimedStep, void, void> {
    yield step(150, klog('I', 'main.go:235', '"Starting NVIDIA Device Plugin" version="v0.17.0"'), klog('I', 'main.go:238', `Starting FS watcher for ${SOCKET_DIR}`), klog('I', 'main.go:245', 'Starting OS watcher.'), klog('I', 'main.go:260', 'Starting Plugins.'));
    if (!node) {
      yield step(100, klog('E', 'factory.go:112', 'Incompatible platform detected'), klog('E', 'factory.go:113', 'If this is a GPU node, did you configure the NVIDIA Container Toolkit?'), klog('E', 'main.go:177', 'error starting plugins: error creating plugin manager: unable to create plugin manager: platform detection failed'));
      yield exit(1);
      return;
    }
    const hw = node.hardware;
    for (;;) {
      const selected = selectedPluginConfig(store, env.nodeName);
      yield step(100, klog('I', 'main.go:317', 'Loading configuration.'));
      if (!selected.ok) {
        yield step(10, klog('E', 'main.go:177', `error starting plugins: unable to load config: ${selected.error}`));
        yield exit(1);
        return;
      }
      const config = selected.config;
      yield step(10, ...config.warnings.map((w) => klog('W', 'config.go:96', w)), klog('I', 'main.go:353', `Running with config: ${configLine(config)}`), klog('I', 'main.go:356', 'Retrieving plugins.'));
      const lost = hw.gpus.find((g) => hw.isLost(g.index));
      if (lost) {
        yield step(200, klog('E', 'main.go:177', `error starting plugins: error getting plugins: failed to construct NVML resource managers: error building device map: error building device map from config.resources: error visiting device: error getting info for GPU ${lost.index}: error getting device handle for index '${lost.index}': Unknown Error`));
        yield exit(1);
        return;
      }
      const built = advertisedResources(hw.gpus, config);
      if (!built.ok) {
        yield step(200, klog('E', 'main.go:177', built.log));
        yield exit(1);
        return;
      }
      const unhealthy = new Set<string>();
      const gpuUuid = new Map(hw.gpus.map((g) => [g.index, g.uuid]));
      const plugin: PluginHandle = {
        alive: () => life.alive(),
        healthy: (d: AdvertisedDevice) => !unhealthy.has(d.uuid) && !unhealthy.has(gpuUuid.get(d.gpuIndex)!),
        allocateError: (r, n) => sharedRequestError(config, r, n),
      };
      handle = plugin;
      life.beat(HEALTH_POLL_MS + 1000);
      yield step(300, ...built.resources.flatMap((r) => [
        klog('I', 'server.go:195', `Starting GRPC server for '${r.name}'`),
        klog('I', 'server.go:139', `Starting to serve '${r.name}' on ${socketOf(r.name)}`),
        klog('I', 'server.go:146', `Registered device plugin for '${r.name}' with Kubelet`),
      ]));
      node.devices.register(built.resources, plugin, clock.now());
      let seen = hw.lastSeq;
      for (;;) {
        life.beat(HEALTH_POLL_MS + 1000);
        yield step(HEALTH_POLL_MS);
        const lines = [];
        for (const e of hw.xidsSince(seen)) {
          const gpu = hw.gpu(e.gpu)!;
          if (!isCritical(e.code)) {
            lines.push(klog('I', 'health.go:159', `Skipping event {Device:${gpu.uuid} EventType:XidCriticalError EventData:${e.code}}: an application error`));
            continue;
          }
          for (const id of devicesMadeUnhealthy(gpu, e.code, e.instance)) {
            unhealthy.add(id);
            const resource = built.resources.find((r) => r.devices.some((d) => d.uuid === id))?.name ?? 'nvidia.com/gpu';
            lines.push(klog('I', 'health.go:187', `XidCriticalError: Xid=${e.code} on Device=${id}; marking device as unhealthy.`), klog('I', 'server.go:267', `'${resource}' device marked unhealthy: ${id}`));
          }
        }
        seen = hw.lastSeq;
        if (lines.length) yield step(0, ...lines);
        if (selectedConfigFingerprint(store, env.nodeName) !== selected.fingerprint) {
          node.devices.unregister(plugin, clock.now());
          yield step(0, klog('I', 'main.go:294', 'Received signal "hangup", restarting.'), ...built.resources.map((r) => klog('I', 'server.go:153', `Stopping to serve '${r.name}' on ${socketOf(r.name)}`)));
          break;
        }
      }
    }
  }

  return program('nvidia-device-plugin', run(), () => {
    life.stop();
    if (handle && node) node.devices.unregister(handle, clock.now());
    return { exitAfterMs: 100, code: 0, lines: [klog('I', 'main.go:283', 'Received signal "terminated", shutting down.'), klog('I', 'main.go:299', 'Stopping plugins.')] };
  });
}
