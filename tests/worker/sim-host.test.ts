import { afterEach, describe, expect, it } from 'vitest';
import { SimHost } from '../../src/worker/sim-host';
import type { Batch } from '../../src/worker/protocol';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n';

describe('SimHost flow control', async () => {
  let host: SimHost;
  afterEach(() => host?.stop());

  it('starts with a full snapshot and sends nothing more until the UI acknowledges it', async () => {
    let wall = 0;
    host = new SimHost(() => wall);
    const batches: Batch[] = [];
    await host.start({ seed: 1, cluster: 'minimal', running: false }, (b) => batches.push(b));
    expect(batches).toHaveLength(1);
    expect('full' in batches[0]!.diff && batches[0]!.diff.full).toBe(true);
    expect(batches[0]!.diff.nodes.map((n) => n.name)).toEqual(['control-plane', 'worker-1', 'worker-2']);

    await host.apply(POD, 'manifest.yaml');
    expect(batches).toHaveLength(1);
    host.ack(batches[0]!.diff.seq);
    expect(batches).toHaveLength(2);
    const diff = batches[1]!.diff;
    expect(diff.pods.map((p) => `${p.name} ${p.status}`)).toEqual(['web Pending']);
    expect(diff.seq).toBe(batches[0]!.diff.seq + 1);

    await host.step(5);
    host.ack(diff.seq);
    const later = batches[2]!.diff;
    expect(later.pods[0]).toMatchObject({ name: 'web', node: expect.stringMatching(/^worker-/) });
    expect(later.nodes.length).toBeGreaterThan(0);
    expect(later.events.map((e) => e.reason)).toContain('Scheduled');
  });
});

describe('SimHost subscriptions and commands', async () => {
  let host: SimHost;
  afterEach(() => host?.stop());

  async function started() {
    const batches: Batch[] = [];
    host = new SimHost(() => 0);
    await host.start({ seed: 1, cluster: 'minimal', running: false }, (b) => batches.push(b));
    const next = () => {
      host.ack(batches.at(-1)!.diff.seq);
      return batches.at(-1)!;
    };
    return { batches, next };
  }

  it('follows the inspected pod: its inspection rides along in batches when it changes', async () => {
    const { next } = await started();
    await host.apply(POD, 'manifest.yaml');
    next();
    const first = (await host.inspect({ kind: 'Pod', name: 'web', namespace: 'default' }))!;
    expect(first.title).toBe('pod/web');
    await host.step(5);
    const b = next();
    expect(b.inspection?.describe).toMatch(/Node:\s+worker-/);
    expect(b.inspection?.explanation?.outcome).toBe('Scheduled');
    await host.inspect(undefined);
    await host.step(5);
    const after = next();
    expect(after.clock.timeMs).toBe(10_000);
    expect(after.inspection).toBeUndefined();
  });

  it('deletes what a manifest describes, as kubectl delete -f prints it', async () => {
    const { next } = await started();
    await host.apply(POD, 'web.yaml');
    next();
    const out = await host.deleteManifest(POD, 'web.yaml');
    expect(out).toMatchObject({ ok: true, stdout: 'pod "web" deleted' });
    const again = await host.deleteManifest(POD, 'web.yaml');
    expect(again.ok).toBe(false);
    expect(again.stderr).toContain('Error from server (NotFound): error when deleting "web.yaml": pods "web" not found');
    expect((await host.deleteManifest('kind: [', 'web.yaml')).stderr).toMatch(/^error: error parsing web.yaml/);
  });

  it('reports a fault the simulation cannot inject in plain words', async () => {
    await started();
    const out = await host.inject({ type: 'meteor-strike', node: 'worker-1' });
    expect(out.ok).toBe(false);
    expect(out.message).toContain('fault type "meteor-strike" is not supported');
  });

  it('answers the watchdog, and reports the presets and charts', async () => {
    host = new SimHost(() => 0);
    const info = await host.start({ seed: 1, cluster: 'minimal', running: false }, () => {});
    expect(host.ping()).toBe(true);
    expect(info.presets.map((p) => p.name)).toEqual(expect.arrayContaining(['minimal', 'dgx-a100', 'gpu-lab', 'h200', 'large']));
    expect(info.presets.find((p) => p.name === 'minimal')?.nodes).toBe(3);
    expect(info.charts.map((c) => c.metric)).toContain('DCGM_FI_DEV_GPU_UTIL');
    expect(await host.watchMetrics([{ name: 'no_such_metric' }])).toEqual([]);
  });

  it('runs terminal lines on the same simulation: editor files by name, completion, node shell', async () => {
    const { next } = await started();
    expect(await host.kubectlWatch('kubectl apply -f web.yaml', undefined, { 'web.yaml': POD }, () => {})).toEqual({ stdout: 'pod/web created', stderr: '', exitCode: 0, watching: false });
    // The change reaches the view like any other: the next batch carries the new pod.
    expect(next().diff.pods.map((p) => p.name)).toEqual(['web']);
    expect(await host.completeKubectl('kubectl desc', 12, {})).toEqual({ candidates: ['describe'], replaceFrom: 8 });
    expect((await host.kubectlWatch('kubectl debug node/worker-1 -it --image=busybox', undefined, {}, () => {})).nodeShell).toEqual({ node: 'worker-1' });
    expect(await host.nodeShell('worker-1', 'exit')).toMatchObject({ exitCode: 0, exited: true });
  });

  it('streams a watch until stopWatch, and a new command ends the open watch', async () => {
    const { next } = await started();
    const chunks: string[] = [];
    const out = await host.kubectlWatch('kubectl get pods -w', undefined, {}, (c) => chunks.push(c));
    expect(out).toMatchObject({ watching: true, exitCode: 0 });
    expect('watch' in out).toBe(false);
    await host.apply(POD, 'web.yaml');
    await host.step(1);
    expect(chunks.join('')).toMatch(/^web\s+0\/1\s+Pending/m);
    await host.stopWatch();
    const seen = chunks.length;
    await host.step(5);
    next();
    expect(chunks).toHaveLength(seen);

    const again: string[] = [];
    await host.kubectlWatch('kubectl get pods -w', undefined, {}, (c) => again.push(c));
    await host.kubectlWatch('kubectl get nodes', undefined, {}, () => {});
    await host.kubectlWatch('kubectl delete pod web', undefined, {}, () => {});
    await host.step(40);
    expect(again).toEqual([]);
  });

  it('saves a kubectl edit tab through the simulation, or reopens it with the reasons', async () => {
    await started();
    await host.kubectlWatch('kubectl create deployment web --image=nginx:1.27', undefined, {}, () => {});
    const { edit } = await host.kubectlWatch('kubectl edit deployment web', undefined, {}, () => {});
    expect(edit?.title).toBe('deployment.apps/web');
    const bad = await host.saveEdit(edit!, edit!.text.replace('image: nginx:1.27', 'image: ""'));
    expect(bad.result.stderr).toBe('error: deployments.apps "web" was not valid');
    expect(bad.reopen?.text).toContain('# * spec.template.spec.containers[0].image: Required value');
    const good = await host.saveEdit(edit!, edit!.text.replace('image: nginx:1.27', 'image: nginx:1.28'));
    expect(good).toEqual({ result: { stdout: 'deployment.apps/web edited', stderr: '', exitCode: 0, mutated: true } });
    expect((await host.kubectlWatch('kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}', undefined, {}, () => {})).stdout).toBe('nginx:1.28');
  });
});

describe('SimHost fast-forward', async () => {
  let host: SimHost;
  afterEach(() => host?.stop());

  it('stops at its wall-time budget (8 s) even while the cluster is still changing', async () => {
    let wall = 0;
    // Every reading of the wall clock is a second later: the budget runs out after 7 virtual seconds.
    host = new SimHost(() => (wall += 1000));
    await host.start({ seed: 1, cluster: 'minimal', running: false }, () => {});
    expect(await host.fastForward()).toBe(7);
  });

  it('with wall time to spare, stops once nothing but heartbeats happened for 330 s', async () => {
    host = new SimHost(() => 0);
    await host.start({ seed: 1, cluster: 'minimal', running: false }, () => {});
    // The kubelets' 5-minute node status reports (at about 300 s) are heartbeats, not changes.
    expect(await host.fastForward()).toBe(330);
  });
});
