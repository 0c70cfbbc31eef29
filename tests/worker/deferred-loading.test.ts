import { describe, expect, it, vi } from 'vitest';
import type { Batch } from '../../src/worker/protocol';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n';

/**
 * The worker as it runs in the browser: a fresh module graph in which nothing has provided the
 * deferred modules (the unit-test setup provides them all in the shared graph), so kubectl and the
 * YAML library come only from the worker's own dynamic imports.
 */
async function leanWorker() {
  vi.resetModules();
  const { SimHost } = await import('../../src/worker/sim-host');
  const { loadDeferred } = await import('../../src/worker/deferred-loader');
  const { isDeferredLoaded } = await import('../../src/core/deferred/registry');
  const requested: string[][] = [];
  const host = new SimHost(
    () => 0,
    (names) => {
      requested.push([...names]);
      return loadDeferred(names);
    },
  );
  const loaded = () => (['yaml', 'kubectl'] as const).filter(isDeferredLoaded);
  return { host, requested, loaded };
}

// Each test imports the whole core afresh (a few seconds on a loaded machine).
describe('the worker loads kubectl and YAML when first needed', { timeout: 60_000 }, () => {
  it('boots a CPU cluster with neither, loads YAML for the first apply and kubectl for the first command', async () => {
    const { host, loaded } = await leanWorker();
    const batches: Batch[] = [];
    await host.start({ seed: 1, cluster: 'minimal', running: false }, (b) => batches.push(b));
    expect(loaded()).toEqual([]);
    expect(batches[0]!.diff.nodes).toHaveLength(3);

    expect((await host.apply(POD, 'web.yaml')).stdout).toBe('pod/web created');
    expect(loaded()).toEqual(['yaml']);

    expect((await host.kubectl('get pods -o name')).stdout).toBe('pod/web');
    expect(loaded()).toEqual(['yaml', 'kubectl']);
    host.stop();
  });

  it('loads YAML before it builds a GPU cluster (the GPU Operator keeps its config files as YAML), not kubectl', async () => {
    const { host, loaded } = await leanWorker();
    const batches: Batch[] = [];
    await host.start({ seed: 1, cluster: 'dgx-a100', running: false }, (b) => batches.push(b));
    expect(loaded()).toEqual(['yaml']);
    expect(batches[0]!.diff.nodes.filter((n) => n.gpus.length === 8).map((n) => n.name)).toEqual(['dgx-1', 'dgx-2']);
    host.stop();
  });

  it('replays a snapshot with both loaded first, to the same cluster as the headless core', async () => {
    const { createSimulation } = await import('../../src/core');
    const sim = createSimulation({ seed: 7 });
    sim.apply(POD);
    sim.kubectl('label pod web tier=front');
    sim.advance(30);
    const snapshot = sim.snapshot();

    const { host, loaded } = await leanWorker();
    await host.start({ seed: 7, cluster: 'minimal', snapshot, running: false }, () => {});
    expect(loaded()).toEqual(['yaml', 'kubectl']);
    const replayed = await host.kubectl("get pod web -o 'jsonpath={.metadata.labels.tier} {.spec.nodeName} {.status.phase}'");
    expect(replayed.stdout).toBe(sim.kubectl("get pod web -o 'jsonpath={.metadata.labels.tier} {.spec.nodeName} {.status.phase}'").stdout);
    expect(replayed.stdout).toMatch(/^front worker-\d Running$/);
    host.stop();
  });

  it('runs commands in the order they arrive while code is still loading', async () => {
    vi.resetModules();
    await import('../../src/core/deferred/provide-all');
    const { SimHost } = await import('../../src/worker/sim-host');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The shared graph has every module; the gate stands for a slow first fetch of kubectl.
    const host = new SimHost(
      () => 0,
      (names) => (names.includes('kubectl') ? gate : Promise.resolve()),
    );
    await host.start({ seed: 1, cluster: 'minimal', running: false }, () => {});
    const order: string[] = [];
    const getPod = host.kubectl('get pods').then((r) => order.push(`get: ${r.stderr || r.stdout}`));
    const applied = host.apply(POD, 'web.yaml').then((r) => order.push(`apply: ${r.stdout}`));
    const stepped = host.step(1).then(() => order.push('step'));
    await Promise.resolve();
    expect(order).toEqual([]);
    release();
    await Promise.all([getPod, applied, stepped]);
    expect(order).toEqual(['get: No resources found in default namespace.', 'apply: pod/web created', 'step']);
    host.stop();
  });
});
