import type { Pod } from 'kubernetes-types/core/v1';
import { amountOf } from '../../api/pod-resources';
import type { Stored } from '../../api/types';
import type { AdmitResult } from '../../kubelet/admission';
import type { ContainerRunOptions, ExtendedResources } from '../../kubelet/extensions';
import { preferredAllocation } from './allocate';
import { pluginRpcError, visibleDevicesEnv, type AdvertisedDevice, type AdvertisedResource } from './resources';

/**
 * The kubelet's device manager for one node, as it serves the NVIDIA device plugin
 * (pkg/kubelet/cm/devicemanager): the plugin registers one endpoint per resource; the node reports
 * capacity (every device) and allocatable (healthy devices of a live plugin); a plugin that stops
 * leaves its devices unhealthy, so allocatable drops to 0 at once while capacity stays for the
 * endpoint's 5-minute grace period, after which the resource is reported with capacity 0; at pod
 * admission, Allocate picks devices for each container from the healthy, unallocated ones (the
 * pod's init containers' devices first, which pass on to its later containers) and keeps them
 * for the pod's life. Allocations of pods that are no longer active are released
 * when the next pod is admitted (UpdateAllocatedDevices).
 */
/** kubelet pkg/kubelet/cm/devicemanager/types.go: endpointStopGracePeriod = 5 * time.Minute. */
export const ENDPOINT_STOP_GRACE_MS = 5 * 60_000;

/** What a running plugin offers the kubelet behind its registration. */
export interface PluginHandle {
  /** The plugin process still serves (a stopped or killed plugin closes its socket). */
  alive(): boolean;
  /** ListAndWatch health of a device. */
  healthy(device: AdvertisedDevice): boolean;
  /** The plugin's Allocate refusal for a request, if any (failRequestsGreaterThanOne). */
  allocateError(resource: AdvertisedResource, requested: number): string | undefined;
}

interface Endpoint {
  readonly resource: AdvertisedResource;
  readonly plugin: PluginHandle | undefined;
  stoppedAtMs: number | undefined;
}

/** A stopped endpoint past its grace period: the kubelet reports its resource with capacity 0. */
function pastGrace(e: Endpoint, nowMs: number): boolean {
  return e.stoppedAtMs !== undefined && nowMs - e.stoppedAtMs >= ENDPOINT_STOP_GRACE_MS;
}

export interface ContainerDevices {
  readonly container: string;
  readonly resource: string;
  readonly devices: readonly AdvertisedDevice[];
}

export interface PodDevices {
  readonly uid: string;
  readonly namespace: string;
  readonly name: string;
  readonly containers: readonly ContainerDevices[];
}

export class NodeDeviceManager {
  private readonly endpoints = new Map<string, Endpoint>();
  private readonly pods = new Map<string, PodDevices>();

  /** A plugin registered its resources; endpoints it no longer serves are stopped. */
  register(resources: readonly AdvertisedResource[], plugin: PluginHandle, nowMs: number): void {
    const names = new Set(resources.map((r) => r.name));
    for (const [name, e] of this.endpoints) if (!names.has(name)) this.stop(e, nowMs);
    for (const r of resources) this.endpoints.set(r.name, { resource: r, plugin, stoppedAtMs: undefined });
  }

  /** The plugin went away (its process stopped): every endpoint it served is stopped. */
  unregister(plugin: PluginHandle, nowMs: number): void {
    for (const e of this.endpoints.values()) if (e.plugin === plugin) this.stop(e, nowMs);
  }

  /**
   * The kubelet restarted (a reboot): registered resources come back from its checkpoint with no
   * devices, so capacity stays 0 until the plugin registers again; allocations are kept. Each is a
   * stopped endpoint whose grace period starts now (kubelet devicemanager readCheckpoint,
   * newStoppedEndpointImpl: stopTime = time.Now()), so a GPU pod admitted before the plugin is
   * back is refused by the device manager; a resource already past its grace stays forgotten.
   */
  kubeletRestarted(nowMs: number): void {
    for (const [name, e] of this.endpoints) {
      const stoppedAtMs = pastGrace(e, nowMs) ? e.stoppedAtMs : nowMs;
      this.endpoints.set(name, { resource: { ...e.resource, devices: [], capacity: 0, allocatable: 0 }, plugin: undefined, stoppedAtMs });
    }
  }

  private stop(e: Endpoint, nowMs: number): void {
    if (e.stoppedAtMs === undefined) e.stoppedAtMs = nowMs;
  }

  /** Notice plugins that died without saying so (killed, crashed): their sockets are gone. */
  private refresh(nowMs: number): void {
    for (const e of this.endpoints.values()) if (e.stoppedAtMs === undefined && !e.plugin?.alive()) e.stoppedAtMs = nowMs;
  }

  private healthyDevices(e: Endpoint): AdvertisedDevice[] {
    if (e.stoppedAtMs !== undefined || !e.plugin) return [];
    return e.resource.devices.filter((d) => e.plugin!.healthy(d));
  }

  /** GetCapacity: what the node status reports. */
  resources(nowMs: number): ExtendedResources | undefined {
    if (this.endpoints.size === 0) return undefined;
    this.refresh(nowMs);
    const capacity: Record<string, number> = {};
    const allocatable: Record<string, number> = {};
    for (const [name, e] of this.endpoints) {
      const removed = pastGrace(e, nowMs);
      capacity[name] = removed ? 0 : e.resource.devices.length;
      allocatable[name] = removed ? 0 : this.healthyDevices(e).length;
    }
    return { capacity, allocatable };
  }

  /** Whether a resource is served by a device plugin here (isDevicePluginResource). */
  private endpointFor(resource: string, nowMs: number): Endpoint | undefined {
    const e = this.endpoints.get(resource);
    if (!e) return undefined;
    const removed = pastGrace(e, nowMs);
    return removed && !this.allocated(resource).length ? undefined : e;
  }

  private allocated(resource: string, except?: string): AdvertisedDevice[] {
    const out: AdvertisedDevice[] = [];
    for (const p of this.pods.values()) {
      if (p.uid === except) continue;
      for (const c of p.containers) if (c.resource === resource) out.push(...c.devices);
    }
    return out;
  }

  /**
   * Allocate at admission: devices for every container's device plugin resources, or the
   * refusal the kubelet turns into UnexpectedAdmissionError.
   */
  admit(pod: Stored<Pod>, activePods: readonly Stored<Pod>[], nowMs: number): AdmitResult {
    const active = new Set(activePods.map((p) => p.metadata.uid));
    for (const uid of [...this.pods.keys()]) if (uid !== pod.metadata.uid && !active.has(uid)) this.pods.delete(uid);
    if (this.pods.has(pod.metadata.uid)) return { admit: true };
    this.refresh(nowMs);
    const containers: ContainerDevices[] = [];
    /** Devices this pod holds so far: no two of its containers are given the same one, except by reuse. */
    const held = new Set<string>();
    /**
     * kubelet devicemanager manager.go Allocate, devicesToReuse: the devices of an init container
     * (not a sidecar: restartPolicy Always keeps running) pass to the pod's later containers, which
     * take them first (devicesToAllocate); an app container's devices are no longer reusable.
     */
    const reuse = new Map<string, readonly AdvertisedDevice[]>();
    const inits = pod.spec?.initContainers ?? [];
    for (const c of [...inits, ...(pod.spec?.containers ?? [])]) {
      const passesOn = inits.includes(c) && c.restartPolicy !== 'Always';
      for (const [resource, quantity] of Object.entries(c.resources?.limits ?? {})) {
        const needed = amountOf(resource, quantity);
        const e = needed > 0 ? this.endpointFor(resource, nowMs) : undefined;
        if (!e) continue;
        const reusable = reuse.get(resource) ?? [];
        const reused = reusable.slice(0, needed);
        const more = needed - reused.length;
        const inUse = new Set(this.allocated(resource, pod.metadata.uid).map((d) => d.id));
        const available = this.healthyDevices(e).filter((d) => !inUse.has(d.id) && !held.has(d.id));
        if (available.length < more) {
          return { admit: false, reason: 'UnexpectedAdmissionError', message: `requested number of devices unavailable for ${resource}. Requested: ${more}, Available: ${available.length}` };
        }
        const chosen = [...reused, ...preferredAllocation(available, this.allocated(resource, pod.metadata.uid), more)];
        const refusal = e.plugin?.allocateError(e.resource, needed);
        if (refusal) return { admit: false, reason: 'UnexpectedAdmissionError', message: pluginRpcError(refusal) };
        for (const d of chosen) held.add(d.id);
        const ids = new Set(chosen.map((d) => d.id));
        reuse.set(resource, passesOn ? [...reusable, ...chosen.filter((d) => !reusable.includes(d))] : reusable.filter((d) => !ids.has(d.id)));
        containers.push({ container: c.name, resource, devices: chosen });
      }
    }
    if (containers.length) this.pods.set(pod.metadata.uid, { uid: pod.metadata.uid, namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, containers });
    return { admit: true };
  }

  /** GetDeviceRunContainerOptions: NVIDIA_VISIBLE_DEVICES with the UUIDs behind the container's devices. */
  containerOptions(pod: Stored<Pod>, container: string): ContainerRunOptions | undefined {
    const devices = this.pods.get(pod.metadata.uid)?.containers.filter((c) => c.container === container).flatMap((c) => c.devices) ?? [];
    if (!devices.length) return undefined;
    return { env: visibleDevicesEnv(devices), devices: [...new Set(devices.map((d) => d.uuid))] };
  }

  /**
   * What the kubelet knows of a device (a GPU or MIG UUID): `healthy` or `unhealthy` as the live
   * plugin last reported it, or undefined when no running plugin advertises it.
   */
  deviceHealth(uuid: string, nowMs: number): 'healthy' | 'unhealthy' | undefined {
    this.refresh(nowMs);
    for (const e of this.endpoints.values()) {
      if (e.stoppedAtMs !== undefined || !e.plugin) continue;
      const d = e.resource.devices.find((x) => x.uuid === uuid);
      if (d) return e.plugin.healthy(d) ? 'healthy' : 'unhealthy';
    }
    return undefined;
  }

  /** The resources a live plugin serves now, with what the node reports for each. */
  servedResources(nowMs: number): { name: string; capacity: number; allocatable: number; replicas: number }[] {
    this.refresh(nowMs);
    return [...this.endpoints.values()]
      .filter((e) => e.stoppedAtMs === undefined && e.plugin)
      .map((e) => ({ name: e.resource.name, capacity: e.resource.devices.length, allocatable: this.healthyDevices(e).length, replicas: e.resource.replicas }));
  }

  /** Every pod that holds devices here (the pod-resources API dcgm-exporter reads). */
  podDevices(): readonly PodDevices[] {
    return [...this.pods.values()];
  }
}
