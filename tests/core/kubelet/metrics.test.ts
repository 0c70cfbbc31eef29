import { describe, expect, it } from 'vitest';
import { CONTAINER_CPU_USAGE, CONTAINER_MEMORY_WORKING_SET, NODE_MEMORY_WORKING_SET, RESOURCE_METRICS_INTERVAL_MS } from '../../../src/core/metrics/series';
import { oneNode, podYaml } from './helpers';

const metrics = (sim: ReturnType<typeof oneNode>) => sim.metrics();

describe('resource metrics', () => {
  it('publishes each running container\'s CPU and working set every 10 s, with its labels', () => {
    const sim = oneNode();
    sim.apply(podYaml('stress', '  - name: hog\n    image: polinux/stress\n    command: [stress]\n    args: ["--vm", "1", "--vm-bytes", "256M", "--cpu", "1"]\n    resources:\n      limits: { cpu: 1500m }\n'));
    sim.advance(60);
    const [mem] = metrics(sim).query(CONTAINER_MEMORY_WORKING_SET, { pod: 'stress' });
    expect(mem!.labels).toEqual({ namespace: 'default', pod: 'stress', container: 'hog', node: 'node-1' });
    const times = mem!.samples.map((s) => s.timeMs);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual(Array(times.length - 1).fill(RESOURCE_METRICS_INTERVAL_MS));
    expect(mem!.samples.at(-1)!.value).toBe(257 * 1024 * 1024);
    // Two busy workers want 2000m; the CPU limit caps them at 1500m (a sample varies by ±10 %).
    const cpu = metrics(sim).latest(CONTAINER_CPU_USAGE, { pod: 'stress' })[0]!.value;
    expect(cpu).toBeGreaterThanOrEqual(1350);
    expect(cpu).toBeLessThanOrEqual(1650);
    expect(metrics(sim).latest(NODE_MEMORY_WORKING_SET, { node: 'node-1' })[0]!.value).toBeGreaterThan(257 * 1024 * 1024);
  });

  it('drops a pod\'s series when the pod is gone', () => {
    const sim = oneNode();
    sim.apply(podYaml('web', '  - name: nginx\n    image: nginx:1.27\n'));
    sim.advance(30);
    expect(metrics(sim).query(CONTAINER_CPU_USAGE, { pod: 'web' })).toHaveLength(1);
    sim.delete('pod', 'web');
    sim.advance(5);
    expect(metrics(sim).query(CONTAINER_CPU_USAGE, { pod: 'web' })).toHaveLength(0);
  });

  it.each([
    // annotation, CPU limit, the CPU every sample reports
    ['250m', undefined, 250],
    ['1.5', undefined, 1500],
    ['1.5', '1', 1000],
  ] as const)('reports exactly the CPU kubelab.dev/cpu-usage: %s sets (limit %s): %i m', (usage, limit, expected) => {
    const sim = oneNode();
    const resources = limit ? `    resources:\n      limits: { cpu: "${limit}" }\n` : '';
    sim.apply(podYaml('busy', `  - name: nginx\n    image: nginx:1.27\n${resources}`).replace('  name: busy', `  name: busy\n  annotations: { kubelab.dev/cpu-usage: "${usage}" }`));
    sim.advance(60);
    const [cpu] = metrics(sim).query(CONTAINER_CPU_USAGE, { pod: 'busy' });
    expect(new Set(cpu!.samples.map((s) => s.value))).toEqual(new Set([expected]));
  });

  it('follows a change of kubelab.dev/cpu-usage on a running pod from the next sample', () => {
    const sim = oneNode();
    sim.apply(podYaml('web', '  - name: nginx\n    image: nginx:1.27\n'));
    sim.advance(30);
    sim.kubectl('annotate pod web kubelab.dev/cpu-usage=400m');
    const from = sim.now() * 1000;
    sim.advance(20);
    const samples = metrics(sim).query(CONTAINER_CPU_USAGE, { pod: 'web' })[0]!.samples.filter((s) => s.timeMs > from);
    expect(samples.map((s) => s.value)).toEqual([400, 400]);
  });
});
