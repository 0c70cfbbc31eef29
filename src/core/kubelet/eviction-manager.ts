import { formatQuantity } from '../api/quantity';
import type { NodeSignals } from './node-status';
import { EVICTION_HARD_MEMORY_BYTES, EVICTION_HARD_NODEFS_FRACTION } from './node-object';
import type { NodeUse } from './node-usage';
import type { ResourceUse } from './process-runner';
import { KUBELET_TIMINGS } from './timings';

/**
 * Node-pressure eviction (pkg/kubelet/eviction): every monitoring period the kubelet compares
 * memory.available and nodefs.available with its hard thresholds (kubeadm's defaults:
 * memory.available<100Mi, nodefs.available<10%). While one is crossed it reports the pressure
 * condition (kept for evictionPressureTransitionPeriod, 5 min, after the signal clears), first
 * reclaims node-level resources (unused images, for disk), then evicts one pod per period:
 * pods using more than they requested first, then by priority, then by how far over they are.
 */
export interface EvictionCandidate<W> {
  readonly worker: W;
  readonly priority: number;
  readonly containers: readonly { readonly container: string; readonly use: ResourceUse; readonly request: { readonly memory: number } }[];
}

export interface Capacity {
  readonly memoryBytes: number;
  readonly diskBytes: number;
}

export type EvictionDecision<W> =
  | { readonly kind: 'none' }
  | { readonly kind: 'reclaim-images' }
  | { readonly kind: 'evict'; readonly worker: W; readonly message: string; readonly resource: 'memory' | 'ephemeral-storage' };

/** Pods at or above this priority (system-node-critical, system-cluster-critical) are never evicted. */
const CRITICAL_PRIORITY = 2_000_000_000;

export class EvictionManager {
  private lastMemoryPressureMs: number | undefined;
  private lastDiskPressureMs: number | undefined;

  signals(now: number): NodeSignals {
    const held = (t: number | undefined) => t !== undefined && now - t < KUBELET_TIMINGS.pressureTransitionMs;
    return { memoryPressure: held(this.lastMemoryPressureMs), diskPressure: held(this.lastDiskPressureMs) };
  }

  reset(): void {
    this.lastMemoryPressureMs = undefined;
    this.lastDiskPressureMs = undefined;
  }

  synchronize<W>(now: number, use: NodeUse, capacity: Capacity, candidates: readonly EvictionCandidate<W>[], imagesReclaimed: boolean): EvictionDecision<W> {
    const memoryAvailable = capacity.memoryBytes - use.memoryWorkingSetBytes;
    const diskAvailable = capacity.diskBytes - use.diskUsedBytes;
    const diskThreshold = Math.round(capacity.diskBytes * EVICTION_HARD_NODEFS_FRACTION);
    const memoryMet = memoryAvailable < EVICTION_HARD_MEMORY_BYTES;
    const diskMet = diskAvailable < diskThreshold;
    if (memoryMet) this.lastMemoryPressureMs = now;
    if (diskMet) this.lastDiskPressureMs = now;
    if (diskMet && !imagesReclaimed) return { kind: 'reclaim-images' };
    const resource = memoryMet ? 'memory' : diskMet ? 'ephemeral-storage' : undefined;
    if (!resource) return { kind: 'none' };
    const victim = rank(candidates.filter((c) => c.priority < CRITICAL_PRIORITY), resource)[0];
    if (!victim) return { kind: 'none' };
    const threshold = resource === 'memory' ? EVICTION_HARD_MEMORY_BYTES : diskThreshold;
    const available = resource === 'memory' ? memoryAvailable : diskAvailable;
    let message = `The node was low on resource: ${resource}. Threshold quantity: ${formatQuantity(threshold, 'BinarySI')}, available: ${kibibytes(available)}. `;
    if (resource === 'memory') {
      for (const c of victim.containers) {
        if (c.use.memoryBytes > c.request.memory) {
          message += `Container ${c.container} was using ${kibibytes(c.use.memoryBytes)}, request is ${formatQuantity(c.request.memory, 'BinarySI')}, has larger consumption of memory. `;
        }
      }
    }
    return { kind: 'evict', worker: victim.worker, message, resource };
  }
}

/** Quantities the eviction manager prints are in Ki, rounded down. */
function kibibytes(bytes: number): string {
  return `${Math.max(0, Math.floor(bytes / 1024))}Ki`;
}

function memoryUse<W>(c: EvictionCandidate<W>): number {
  return c.containers.reduce((n, x) => n + x.use.memoryBytes, 0);
}

function memoryRequest<W>(c: EvictionCandidate<W>): number {
  return c.containers.reduce((n, x) => n + x.request.memory, 0);
}

/** rankMemoryPressure: exceeds requests, then priority (lowest first), then usage above requests (largest first). */
function rank<W>(candidates: readonly EvictionCandidate<W>[], resource: 'memory' | 'ephemeral-storage'): EvictionCandidate<W>[] {
  return [...candidates].sort((a, b) => {
    if (resource === 'memory') {
      const ea = memoryUse(a) > memoryRequest(a) ? 0 : 1;
      const eb = memoryUse(b) > memoryRequest(b) ? 0 : 1;
      if (ea !== eb) return ea - eb;
    }
    if (a.priority !== b.priority) return a.priority - b.priority;
    return memoryUse(b) - memoryRequest(b) - (memoryUse(a) - memoryRequest(a));
  });
}
