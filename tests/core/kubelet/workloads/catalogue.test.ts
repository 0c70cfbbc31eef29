import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, GPU_STACK_BOOT_S } from '../../../../src/core';
import { applyManifests } from '../../../../src/core/apply/apply';
import { resolveCluster } from '../../../../src/core/cluster/parse-cluster';
import { World } from '../../../../src/core/world';
import { parseImage } from '../../../../src/core/kubelet/images/reference';
import { effectiveArgv, findWorkload } from '../../../../src/core/kubelet/workloads/argv';
import { CATALOGUE, ENTRYPOINT_ONLY, GENERIC } from '../../../../src/core/kubelet/workloads/catalogue';
import { OVERRIDE_KEYS } from '../../../../src/core/kubelet/workloads/overrides';
import { startProcess } from '../../../../src/core/kubelet/workloads/interpreter';
import type { TimedStep } from '../../../../src/core/kubelet/workloads/process';
import { drain, testEnv } from './helpers';

function run(image: string, argv: string[], over: Parameters<typeof testEnv>[1] = {}, untilMs = 60_000) {
  const env = testEnv(argv, { image: parseImage(image), ...over });
  return drain(startProcess(env).steps, env, untilMs);
}

/** Every step of a process until `untilMs`, to look at listens and usage. */
function steps(image: string, argv: string[], untilMs: number, over: Parameters<typeof testEnv>[1] = {}): { atMs: number; step: TimedStep }[] {
  const env = testEnv(argv, { image: parseImage(image), ...over });
  const it = startProcess(env).steps;
  const out: { atMs: number; step: TimedStep }[] = [];
  let t = 0;
  for (;;) {
    const r = it.next();
    if (r.done || !Number.isFinite(r.value.afterMs) || t + r.value.afterMs > untilMs) return out;
    t += r.value.afterMs;
    out.push({ atMs: t, step: r.value });
  }
}

describe('choosing a workload from the command line and the image', () => {
  it.each([
    ['nginx with its default command', 'nginx:1.27', ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'], 'nginx'],
    ['busybox sh -c', 'busybox:1.36', ['sh', '-c', 'sleep 1'], 'shell'],
    ['sleep as the command', 'nginx:1.27', ['sleep', '3600'], 'command'],
    ['python -m http.server', 'python:3.12', ['python', '-m', 'http.server', '8080'], 'python-http-server'],
    ['a training script in the PyTorch image', 'nvcr.io/nvidia/pytorch:25.01-py3', ['/opt/nvidia/nvidia_entrypoint.sh', 'python', 'train.py'], 'pytorch-training'],
    ['tritonserver', 'nvcr.io/nvidia/tritonserver:25.01-py3', ['/opt/nvidia/nvidia_entrypoint.sh', 'tritonserver', '--model-repository=/models'], 'tritonserver'],
    ['the CUDA vector-add sample', 'nvcr.io/nvidia/k8s/cuda-sample:vectoradd-cuda12.5.0', ['/cuda-samples/vectorAdd'], 'cuda-vector-add'],
    ['an NGC image started without a command', 'nvcr.io/nvidia/pytorch:25.01-py3', ['/opt/nvidia/nvidia_entrypoint.sh'], 'entrypoint-only'],
    ['an image nobody knows', 'acme/shop:v2', [], 'generic'],
    ['stress', 'polinux/stress', ['stress', '--vm', '1'], 'stress'],
  ])('%s', (_name, image, argv, id) => {
    expect(findWorkload(argv, effectiveArgv(argv), parseImage(image).repository).id).toBe(id);
  });
});

describe('the workload catalogue', () => {
  it('starts nginx listening on port 80 within a second, and stops it gracefully on its stop signal', () => {
    const s = steps('nginx:1.27', ['nginx', '-g', 'daemon off;'], 5_000);
    const listen = s.find((x) => x.step.event.kind === 'listen')!;
    expect(listen.step.event).toMatchObject({ port: 80, protocol: 'http' });
    expect(listen.atMs).toBeLessThan(1000);
    const env = testEnv(['nginx'], { image: parseImage('nginx:1.27') });
    const stop = startProcess(env).stop(0)!;
    expect(stop.code).toBe(0);
    expect(typeof stop.lines![0]!.text === 'function' ? stop.lines![0]!.text(0) : '').toBe('2026/01/05 09:00:00 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down');
  });

  it('names the pod IP in httpd\'s start-up warning', () => {
    expect(run('httpd:2.4', ['httpd-foreground']).lines[0]).toBe(
      "2>AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.7. Set the 'ServerName' directive globally to suppress this message",
    );
  });

  it('brings redis up on TCP 6379', () => {
    const s = steps('redis:7.4', ['docker-entrypoint.sh', 'redis-server'], 2_000);
    expect(s.find((x) => x.step.event.kind === 'listen')!.step.event).toMatchObject({ port: 6379, protocol: 'tcp' });
  });

  it('runs the CUDA vector-add sample to Test PASSED with a GPU, and fails without one', () => {
    const withGpu = run('nvcr.io/nvidia/k8s/cuda-sample:vectoradd-cuda12.5.0', ['/cuda-samples/vectorAdd'], { hasGpu: true });
    expect(withGpu.lines.slice(-2)).toEqual(['Test PASSED', 'Done']);
    expect(withGpu.exit?.code).toBe(0);
    const without = run('nvcr.io/nvidia/k8s/cuda-sample:vectoradd-cuda12.5.0', ['/cuda-samples/vectorAdd']);
    expect(without.lines).toEqual(['[Vector addition of 50000 elements]', '2>Failed to allocate device vector A (error code no CUDA-capable device is detected)!']);
    expect(without.exit?.code).toBe(1);
  });

  it('trains for ten 30 s epochs at 95 % GPU utilisation, then completes', () => {
    const s = steps('nvcr.io/nvidia/pytorch:25.01-py3', ['python', 'train.py'], 400_000, { hasGpu: true });
    const gpu = s.find((x) => x.step.event.kind === 'usage' && x.step.event.usage.gpuUtilisation === 0.95);
    expect(gpu).toBeDefined();
    const exit = s.find((x) => x.step.event.kind === 'exit')!;
    expect(exit.step.event).toEqual({ kind: 'exit', code: 0 });
    expect(exit.atMs).toBe(1 + 4000 + 10 * 30_000 + 800 + 200);
    const noGpu = run('nvcr.io/nvidia/pytorch:25.01-py3', ['python', 'train.py']);
    expect(noGpu.lines.at(-1)).toBe('2>RuntimeError: No CUDA GPUs are available');
    expect(noGpu.exit?.code).toBe(1);
  });

  it('loads Triton\'s models before it serves /v2/health/ready on 8000', () => {
    const s = steps('nvcr.io/nvidia/tritonserver:25.01-py3', ['tritonserver', '--model-repository=/models'], 60_000, { hasGpu: true });
    const http = s.find((x) => x.step.event.kind === 'listen' && x.step.event.port === 8000)!;
    expect(http.atMs).toBeGreaterThanOrEqual(20_000);
    expect(http.step.event).toMatchObject({ routes: expect.objectContaining({ '/v2/health/ready': 200 }) });
  });

  it('runs an unknown image as a process that never exits', () => {
    const r = run('acme/shop:v2', [], {}, 600_000);
    expect(r.exit).toBeUndefined();
  });

  it('ends a container with the annotated exit code after kubelab.dev/crash-after', () => {
    const r = run('nginx:1.27', ['nginx', '-g', 'daemon off;'], { overrides: { crashAfterMs: 45_000, exitCode: 2 } });
    expect(r.exit).toEqual({ code: 2, atMs: 45_000 });
    expect(r.lines.at(-1)).toBe('2>panic: simulated crash after 45s (kubelab.dev/crash-after)');
  });
});

describe('GPU workloads on a node', () => {
  it('gives a container whose limits include nvidia.com/gpu a GPU, and exposes its utilisation', () => {
    const sim = createSimulation({ seed: 1, cluster: 'dgx-a100' });
    // The device plugin registers the GPUs first; a pod bound earlier runs without one.
    sim.advance(GPU_STACK_BOOT_S);
    sim.apply(`apiVersion: v1
kind: Pod
metadata: { name: vectoradd }
spec:
  nodeName: dgx-1
  restartPolicy: OnFailure
  containers:
  - name: cuda
    image: nvcr.io/nvidia/k8s/cuda-sample:vectoradd-cuda12.5.0
    resources: { limits: { nvidia.com/gpu: 1 } }
`);
    sim.advance(20);
    expect(sim.kubectl('get pod vectoradd').stdout).toMatch(/vectoradd\s+0\/1\s+Completed/);
    const logs = sim.logs('vectoradd');
    expect(logs.ok && logs.text.endsWith('Test PASSED\nDone\n')).toBe(true);
  });

  it('reports a training container\'s GPU utilisation for the GPU stack to read', () => {
    const world = new World(1, resolveCluster('dgx-a100'));
    world.ctx.clock.runUntil(GPU_STACK_BOOT_S * 1000);
    applyManifests(
      world.ctx.store,
      'apiVersion: v1\nkind: Pod\nmetadata: { name: train }\nspec:\n  nodeName: dgx-1\n  containers:\n  - name: pytorch\n    image: nvcr.io/nvidia/pytorch:25.01-py3\n    command: [python, train.py]\n    resources: { limits: { nvidia.com/gpu: 1 } }\n',
      {},
    );
    world.ctx.clock.runUntil(GPU_STACK_BOOT_S * 1000 + 400_000);
    expect(world.kubelets.containerUsage('default', 'train', 'pytorch')).toMatchObject({ gpuUtilisation: 0.95, cpuMillis: 4000 });
    expect(world.kubelets.containerUsage('default', 'train', 'nope')).toBeUndefined();
  });
});

describe('docs/workloads.md', () => {
  it('lists every catalogue entry and every override annotation', () => {
    const doc = readFileSync(new URL('../../../../docs/workloads.md', import.meta.url), 'utf8');
    for (const entry of [...CATALOGUE, GENERIC, ENTRYPOINT_ONLY]) expect(doc).toContain(`| \`${entry.id}\` |`);
    for (const key of Object.values(OVERRIDE_KEYS)) expect(doc).toContain(`\`kubelab.dev/${key}\``);
  });
});
