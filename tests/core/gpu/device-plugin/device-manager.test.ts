import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../../../../src/core/api/types';
import { ENDPOINT_STOP_GRACE_MS, NodeDeviceManager, type PluginHandle } from '../../../../src/core/gpu/device-plugin/device-manager';
import type { AdvertisedResource } from '../../../../src/core/gpu/device-plugin/resources';

const GPUS: AdvertisedResource = {
  name: 'nvidia.com/gpu',
  capacity: 1,
  allocatable: 1,
  replicas: 1,
  devices: [{ id: 'GPU-0', gpuIndex: 0, uuid: 'GPU-0', healthy: true }],
};

const plugin: PluginHandle = { alive: () => true, healthy: () => true, allocateError: () => undefined };

const gpuPod = (uid: string) =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: uid, namespace: 'default', uid },
    spec: { containers: [{ name: 'cuda', image: 'cuda', resources: { limits: { 'nvidia.com/gpu': '1' } } }] },
  }) as unknown as Stored<Pod>;

describe('NodeDeviceManager after a kubelet restart', () => {
  it('keeps the resource a device plugin resource for the grace period from the restart, so a GPU pod is refused until the plugin registers again', () => {
    const dm = new NodeDeviceManager();
    dm.register([GPUS], plugin, 0);
    dm.kubeletRestarted(600_000);
    expect(dm.resources(600_000)).toEqual({ capacity: { 'nvidia.com/gpu': 0 }, allocatable: { 'nvidia.com/gpu': 0 } });
    expect(dm.admit(gpuPod('a'), [], 601_000)).toEqual({ admit: false, reason: 'UnexpectedAdmissionError', message: 'requested number of devices unavailable for nvidia.com/gpu. Requested: 1, Available: 0' });
    dm.register([GPUS], plugin, 610_000);
    expect(dm.admit(gpuPod('b'), [], 611_000)).toEqual({ admit: true });
  });

  it('forgets the resource once the grace period from the restart has passed (no longer a device plugin resource)', () => {
    const dm = new NodeDeviceManager();
    dm.register([GPUS], plugin, 0);
    dm.kubeletRestarted(600_000);
    expect(dm.admit(gpuPod('a'), [], 600_000 + ENDPOINT_STOP_GRACE_MS)).toEqual({ admit: true });
  });
});
