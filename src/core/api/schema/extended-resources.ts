import type { Node } from 'kubernetes-types/core/v1';

/**
 * An extended resource name as Kubernetes defines one (pkg/apis/core/v1/helper/helpers.go
 * IsExtendedResourceName): domain-prefixed and outside the kubernetes.io namespace, such as
 * nvidia.com/gpu, and without the quota "requests." prefix. cpu, memory, hugepages-2Mi and
 * example.kubernetes.io/x are native.
 */
export function isExtendedResourceName(name: string): boolean {
  return name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');
}

/**
 * The extended resources the nodes offer to pods (nvidia.com/gpu, nvidia.com/mig-1g.5gb, …), read
 * from their allocatable — what a container may request — sorted, for the editor's completion.
 */
export function extendedResourceNames(nodes: readonly Node[]): string[] {
  const names = new Set<string>();
  for (const n of nodes) for (const k of Object.keys(n.status?.allocatable ?? {})) if (isExtendedResourceName(k)) names.add(k);
  return [...names].sort();
}
