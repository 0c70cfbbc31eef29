import { machineType } from './machines';
import { gpuModel } from '../gpu/catalogue';
import { PRESETS } from './presets';
import type { ClusterSpec, ContainerRuntime, NodePoolSpec } from './cluster-spec';
import { yamlLibrary } from '../deferred/registry';

/**
 * Resolve the `cluster` option of createSimulation: a preset name, or a YAML document
 *
 *     apiVersion: kubelab.dev/v1alpha1
 *     kind: Cluster
 *     metadata: { name: my-lab }
 *     spec:
 *       pools:
 *       - { name: gpu, count: 2, machine: dgx-a100, runtime: containerd }
 *
 * Throws an Error with a clear message for anything else.
 */
export function resolveCluster(input: string | ClusterSpec | undefined): ClusterSpec {
  if (input === undefined) return PRESETS.minimal!;
  if (typeof input !== 'string') return validateCluster(input);
  const preset = PRESETS[input.trim()];
  if (preset) return preset;
  if (!input.includes('\n') && !input.includes(':')) {
    throw new Error(`unknown cluster preset ${JSON.stringify(input)}; known presets: ${Object.keys(PRESETS).join(', ')}`);
  }
  const { parse } = yamlLibrary();
  let doc: unknown;
  try {
    doc = parse(input, { maxAliasCount: 100 });
  } catch (e) {
    throw new Error(`error parsing cluster definition: ${(e as Error).message}`);
  }
  const d = doc as { apiVersion?: string; kind?: string; metadata?: { name?: string }; spec?: { description?: string; pools?: NodePoolSpec[] } };
  if (d?.kind !== 'Cluster' || d.apiVersion !== 'kubelab.dev/v1alpha1') {
    throw new Error('a cluster definition needs apiVersion: kubelab.dev/v1alpha1 and kind: Cluster');
  }
  return validateCluster({ name: d.metadata?.name ?? 'custom', description: d.spec?.description, pools: d.spec?.pools ?? [] });
}

const RUNTIMES: readonly ContainerRuntime[] = ['containerd', 'cri-o', 'docker'];

function validateCluster(spec: ClusterSpec): ClusterSpec {
  if (!spec.pools.length) throw new Error('a cluster needs at least one node pool');
  const seen = new Set<string>();
  spec.pools.forEach((p, i) => {
    const where = `spec.pools[${i}]`;
    if (!p.name) throw new Error(`${where}.name: Required value`);
    if (!Number.isInteger(p.count) || p.count < 0 || p.count > 5000) throw new Error(`${where}.count: must be a whole number from 0 to 5000`);
    if (!machineType(p.machine)) throw new Error(`${where}.machine: unknown machine type ${JSON.stringify(p.machine)}`);
    if (p.gpus && !gpuModel(p.gpus.model)) throw new Error(`${where}.gpus.model: unknown GPU model ${JSON.stringify(p.gpus.model)}`);
    if (p.runtime && !RUNTIMES.includes(p.runtime)) throw new Error(`${where}.runtime: must be one of ${RUNTIMES.join(', ')}`);
    if (p.nodeNames && p.nodeNames.length !== p.count) throw new Error(`${where}.nodeNames: must list ${p.count} names`);
    if (seen.has(p.name)) throw new Error(`${where}.name: Duplicate value: ${JSON.stringify(p.name)}`);
    seen.add(p.name);
  });
  return spec;
}
