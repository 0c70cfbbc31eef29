import type { AdvertisedDevice } from './resources';

/**
 * Which of the available devices a request gets, as the NVIDIA plugin's GetPreferredAllocation
 * answers the kubelet (internal/rm/allocate.go): shared replicas are spread over the GPUs with the
 * fewest replicas already handed out (distributedAlloc), so four pods asking for one replica each
 * on a node with several GPUs land on different GPUs first; whole GPUs and MIG devices are taken
 * in device order (the best-effort topology policy picks NVLink-close sets on real DGX boards;
 * in device order is what it returns for the single-GPU requests lessons make).
 */
export function preferredAllocation(available: readonly AdvertisedDevice[], allocated: readonly AdvertisedDevice[], count: number): AdvertisedDevice[] {
  if (count <= 0) return [];
  if (!available.some((d) => d.replica !== undefined)) return available.slice(0, count);
  const used = new Map<string, number>();
  for (const d of allocated) used.set(d.uuid, (used.get(d.uuid) ?? 0) + 1);
  const chosen: AdvertisedDevice[] = [];
  const left = [...available];
  while (chosen.length < count && left.length) {
    // The replica of the least-used physical device; ties go to the device listed first.
    let best = 0;
    for (let i = 1; i < left.length; i++) if ((used.get(left[i]!.uuid) ?? 0) < (used.get(left[best]!.uuid) ?? 0)) best = i;
    const [d] = left.splice(best, 1);
    chosen.push(d!);
    used.set(d!.uuid, (used.get(d!.uuid) ?? 0) + 1);
  }
  return chosen;
}
