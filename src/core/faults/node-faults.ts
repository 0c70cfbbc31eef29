import { reportedMemoryBytes } from '../kubelet/node-object';
import { done, type FaultAction, field, onNode, refused } from './deps';

/**
 * Faults of whole machines: power, network, and pressure from outside Kubernetes. They change the
 * physical world; the kubelet and the control plane react as they would to the real failure.
 */
const MiB = 1024 * 1024;

export const NODE_FAULTS: Readonly<Record<string, FaultAction>> = {
  'node-down': onNode((deps, node) => {
    if (!deps.machines.get(node).powered) return refused(`node ${node} is already down`);
    deps.machines.powerOff(node);
    return done(`node ${node} powered off`);
  }),
  'node-up': onNode((deps, node) => {
    if (deps.machines.get(node).powered) return refused(`node ${node} is already up`);
    deps.machines.powerOn(node, deps.ctx.rng.uuid());
    return done(`node ${node} powered on; it is booting`);
  }),
  'network-partition': onNode((deps, node) => {
    if (!deps.machines.get(node).networkUp) return refused(`node ${node} is already partitioned`);
    deps.machines.setNetwork(node, false);
    return done(`node ${node} cut off from the control plane; its containers keep running`);
  }),
  'network-heal': onNode((deps, node) => {
    if (deps.machines.get(node).networkUp) return refused(`node ${node} is not partitioned`);
    deps.machines.setNetwork(node, true);
    return done(`node ${node} reconnected`);
  }),
  'memory-pressure': onNode((deps, node, f) => {
    const kubelet = deps.kubelets.get(node)!;
    const current = deps.machines.get(node).externalMemoryBytes;
    const free = reportedMemoryBytes(kubelet.machine.memoryBytes) - kubelet.nodeUse().memoryWorkingSetBytes + current;
    const bytes = typeof field(f, 'bytes') === 'number' ? (field(f, 'bytes') as number) : Math.max(0, free - 50 * MiB);
    deps.machines.setExternalUse(node, { memoryBytes: bytes });
    return done(`a process outside Kubernetes uses ${Math.round(bytes / MiB)} MiB of memory on ${node}`);
  }),
  'disk-pressure': onNode((deps, node, f) => {
    const kubelet = deps.kubelets.get(node)!;
    const capacity = kubelet.machine.ephemeralStorageBytes;
    const current = deps.machines.get(node).externalDiskBytes;
    const used = kubelet.nodeUse().diskUsedBytes - current;
    const bytes = typeof field(f, 'bytes') === 'number' ? (field(f, 'bytes') as number) : Math.max(0, Math.round(capacity * 0.95) - used);
    deps.machines.setExternalUse(node, { diskBytes: bytes });
    return done(`files outside Kubernetes fill ${Math.round(bytes / MiB)} MiB of the root filesystem on ${node}`);
  }),
  'pressure-relieved': onNode((deps, node) => {
    deps.machines.setExternalUse(node, { memoryBytes: 0, diskBytes: 0 });
    return done(`memory and disk on ${node} freed`);
  }),
  'registry-outage': (deps, f) => {
    const registry = typeof field(f, 'registry') === 'string' ? (field(f, 'registry') as string) : '*';
    deps.machines.setRegistryDown(registry, true);
    return done(registry === '*' ? 'every image registry is unreachable' : `registry ${registry} is unreachable`);
  },
  'registry-restore': (deps, f) => {
    const registry = typeof field(f, 'registry') === 'string' ? (field(f, 'registry') as string) : '*';
    deps.machines.setRegistryDown(registry, false);
    return done(registry === '*' ? 'image registries are reachable again' : `registry ${registry} is reachable again`);
  },
};
