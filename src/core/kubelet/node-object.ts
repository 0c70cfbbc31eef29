import type { Node } from 'kubernetes-types/core/v1';
import { formatQuantity } from '../api/quantity';
import { POOL_LABEL } from '../cluster/cluster-spec';
import type { Machine } from '../cluster/hardware';
import { rfc3339 } from '../engine/time';
import { RUNTIMES } from './runtimes';
import { NODE_CONDITIONS } from './node-conditions';

/** The Kubernetes version the simulated cluster runs. */
export const KUBERNETES_VERSION = 'v1.34.1';

/** kubeadm's default kubelet config: no reservations, `evictionHard: memory.available<100Mi, nodefs.available<10%`. */
export const EVICTION_HARD_MEMORY_BYTES = 100 * 1024 * 1024;
export const EVICTION_HARD_NODEFS_FRACTION = 0.1;
export const DEFAULT_MAX_PODS = 110;

/** Memory the firmware and kernel keep for themselves: a machine sold as 8 GiB reports a bit less. */
export function reportedMemoryBytes(nominal: number): number {
  const kib = Math.floor((nominal * 0.985) / 1024);
  return kib * 1024;
}

export function nodeCapacity(machine: Machine): Record<string, string> {
  const memory = reportedMemoryBytes(machine.memoryBytes);
  return {
    cpu: String(machine.cpuCores),
    'ephemeral-storage': `${Math.floor(machine.ephemeralStorageBytes / 1024)}Ki`,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${memory / 1024}Ki`,
    pods: String(machine.pool.maxPods ?? DEFAULT_MAX_PODS),
  };
}

export function nodeAllocatable(machine: Machine): Record<string, string> {
  const memory = reportedMemoryBytes(machine.memoryBytes) - EVICTION_HARD_MEMORY_BYTES;
  const storage = Math.floor(machine.ephemeralStorageBytes * (1 - EVICTION_HARD_NODEFS_FRACTION));
  return {
    cpu: String(machine.cpuCores),
    'ephemeral-storage': formatQuantity(storage, 'DecimalSI'),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${memory / 1024}Ki`,
    pods: String(machine.pool.maxPods ?? DEFAULT_MAX_PODS),
  };
}

/** The Node object a kubelet registers for its machine. */
export function registrationNode(machine: Machine, nowMs: number): Node {
  const name = machine.nodeName;
  const pool = machine.pool;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    [POOL_LABEL]: pool.name,
  };
  if (pool.role === 'control-plane') {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  if (pool.zone) labels['topology.kubernetes.io/zone'] = pool.zone;
  Object.assign(labels, pool.labels ?? {});
  const now = rfc3339(nowMs);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: machine.podCIDR,
      podCIDRs: [machine.podCIDR],
      ...(pool.taints && pool.taints.length ? { taints: pool.taints.map((t) => ({ ...t })) } : {}),
    },
    status: {
      capacity: nodeCapacity(machine),
      allocatable: nodeAllocatable(machine),
      conditions: NODE_CONDITIONS.map((c) => c.render(false, now, now)),
      addresses: [
        { type: 'InternalIP', address: machine.internalIP },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: machine.machineID,
        systemUUID: machine.systemUUID,
        bootID: machine.bootID,
        kernelVersion: machine.type.kernelVersion,
        osImage: machine.type.osImage,
        containerRuntimeVersion: RUNTIMES[machine.runtime].version,
        kubeletVersion: KUBERNETES_VERSION,
        kubeProxyVersion: '',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
      images: [],
    },
  };
}
