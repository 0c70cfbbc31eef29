import type { Playground } from './playground.svelte';

/**
 * With `?bench` in the URL, the UI benchmark (bench/ui.bench.ts) drives the page through
 * `window.kubelab`: it applies manifests larger than a learner would paste and reads the
 * worker → UI batch statistics. Absent otherwise.
 */
export interface BenchHook {
  /** Start a fresh cluster from a preset name or a Cluster YAML document. */
  useCluster(cluster: string): Promise<void>;
  apply(yaml: string): Promise<boolean>;
  stats(): ReturnType<NonNullable<Playground['stats']>['summary']> | undefined;
  resetStats(): void;
  counts(): { nodes: number; pods: number; running: number };
}

export function installBenchHook(app: Playground): void {
  if (!app.stats) return;
  const hook: BenchHook = {
    useCluster: (cluster) => app.choosePreset(cluster),
    async apply(yaml) {
      const out = await app.currentSession?.call((api) => api.apply(yaml, 'bench.yaml'));
      return out?.ok ?? false;
    },
    stats: () => app.stats?.summary(),
    resetStats: () => app.stats?.reset(),
    counts: () => ({
      nodes: app.cluster.nodes.size,
      pods: app.cluster.pods.size,
      running: [...app.cluster.pods.values()].filter((p) => p.visual === 'running').length,
    }),
  };
  (globalThis as unknown as { kubelab: BenchHook }).kubelab = hook;
}
