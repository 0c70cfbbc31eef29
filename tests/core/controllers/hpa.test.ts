import type { Deployment } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { resourceUtilizationReplicas } from '../../../src/core/controllers/hpa/replica-calculator';
import { TestCluster } from '../harness';

const APP = (metrics: string, behavior = '') => `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  replicas: 2
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers: [{ name: srv, image: "nginx:1.27", resources: { requests: { cpu: 200m } } }]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: api }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }
  minReplicas: 1
  maxReplicas: 8
  metrics: ${metrics}
${behavior}
`;

const CPU_50 = '[{ type: Resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } } }]';

/** Load the app: every running pod of it uses `millicores` CPU (kubelab.dev/cpu-usage, which the kubelet reports in its 10 s samples). */
function runWithLoad(c: TestCluster, seconds: number, millicores: (t: number) => number): void {
  for (let t = 0; t < seconds; t += 10) {
    for (const p of c.pods()) {
      if (p.metadata.deletionTimestamp) continue;
      const usage = `${millicores(c.nowMs / 1000)}m`;
      if (p.metadata.annotations?.['kubelab.dev/cpu-usage'] === usage) continue;
      c.store.patch<Pod>('Pod', p.metadata.name, 'default', (d) => (d.metadata!.annotations = { ...d.metadata!.annotations, 'kubelab.dev/cpu-usage': usage }));
    }
    c.advance(10);
  }
}

const replicas = (c: TestCluster) => c.get<Deployment>('Deployment', 'api').spec?.replicas;

describe('HorizontalPodAutoscaler replica calculation', () => {
  it.each([
    { usage: 200, current: 2, expected: 4, why: 'twice the target doubles' },
    { usage: 105, current: 4, expected: 4, why: 'a 5 % excess is inside the 10 % tolerance' },
    { usage: 120, current: 4, expected: 5, why: 'a 20 % excess adds ceil(4 × 1.2) − 4 = 1' },
    { usage: 50, current: 4, expected: 2, why: 'half the target halves' },
    { usage: 25, current: 4, expected: 1, why: 'a quarter of the target quarters' },
  ])('recommends $expected from $current pods at $usage % of a 100 % target: $why', ({ usage, current, expected }) => {
    const c = new TestCluster();
    // The Deployment alone: an autoscaler would act on the pods' real (idle) use meanwhile.
    c.apply(APP(CPU_50).split('---')[0]!.replace('replicas: 2', `replicas: ${current}`));
    c.advance(60);
    const pods = c.pods();
    const calc = resourceUtilizationReplicas(current, 100, 'cpu', pods, () => ({ value: (usage / 100) * 200, timeMs: c.nowMs }), c.nowMs + 10 * 60_000);
    expect(calc.replicas).toBe(expected);
    expect(calc.current).toBe(usage);
  });
});

describe('HorizontalPodAutoscaler controller', () => {
  it('scales up on CPU utilisation above target with the real event and conditions', () => {
    const c = new TestCluster();
    c.apply(APP(CPU_50));
    runWithLoad(c, 240, () => 200);
    const hpa = c.get<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', 'api');
    expect(replicas(c)).toBe(8);
    expect(c.events('HorizontalPodAutoscaler', 'api').filter((e) => e.startsWith('SuccessfulRescale'))[0]).toBe(
      'SuccessfulRescale: New size: 4; reason: cpu resource utilization (percentage of request) above target',
    );
    expect(hpa.status?.conditions?.find((x) => x.type === 'ScalingActive')).toMatchObject({ status: 'True', reason: 'ValidMetricFound' });
    expect(hpa.status?.conditions?.find((x) => x.type === 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'TooManyReplicas' });
    expect(hpa.status?.currentMetrics?.[0]).toEqual({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 100, averageValue: '200m' } } });
  });

  it('waits out the 300 s scale-down stabilisation window before scaling down', () => {
    const c = new TestCluster();
    c.apply(APP(CPU_50));
    runWithLoad(c, 120, () => 200);
    expect(replicas(c)).toBe(8);
    const dropAt = c.nowMs / 1000;
    runWithLoad(c, 280, () => 20);
    expect(replicas(c)).toBe(8);
    expect(c.get<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', 'api').status?.conditions?.find((x) => x.type === 'AbleToScale')?.reason).toBe('ScaleDownStabilized');
    runWithLoad(c, 60, () => 20);
    expect(replicas(c)).toBeLessThan(8);
    expect(c.nowMs / 1000 - dropAt).toBeGreaterThanOrEqual(300);
    expect(c.events('HorizontalPodAutoscaler', 'api').at(-1)).toMatch(/^SuccessfulRescale: New size: \d; reason: All metrics below target$/);
  });

  it('never goes below minReplicas or above maxReplicas', () => {
    const c = new TestCluster();
    c.apply(APP(CPU_50).replace('minReplicas: 1', 'minReplicas: 2').replace('maxReplicas: 8', 'maxReplicas: 3'));
    runWithLoad(c, 120, () => 1000);
    expect(replicas(c)).toBe(3);
    runWithLoad(c, 700, () => 1);
    expect(replicas(c)).toBe(2);
  });

  it('scales on a Pods metric supplied by the simulation', () => {
    const c = new TestCluster();
    c.apply(APP("[{ type: Pods, pods: { metric: { name: requests_per_second }, target: { type: AverageValue, averageValue: '10' } } }]"));
    for (let t = 0; t < 120; t += 10) {
      c.advance(10);
      for (const p of c.pods()) c.world.ctx.metrics.record('requests_per_second', { namespace: 'default', pod: p.metadata.name }, 30, c.nowMs);
    }
    expect(replicas(c)).toBe(8);
    expect(c.events('HorizontalPodAutoscaler', 'api').filter((e) => e.startsWith('SuccessfulRescale'))[0]).toBe('SuccessfulRescale: New size: 6; reason: pods metric requests_per_second above target');
  });

  it('scales on an Object metric supplied by the simulation', () => {
    const c = new TestCluster();
    c.apply(APP("[{ type: Object, object: { describedObject: { apiVersion: v1, kind: Service, name: api }, metric: { name: queue_length }, target: { type: Value, value: '100' } } }]"));
    c.advance(40);
    for (let t = 0; t < 30; t += 10) {
      c.world.ctx.metrics.record('queue_length', { namespace: 'default', kind: 'Service', name: 'api' }, 300, c.nowMs);
      c.advance(10);
    }
    expect(c.events('HorizontalPodAutoscaler', 'api').filter((e) => e.startsWith('SuccessfulRescale'))[0]).toBe('SuccessfulRescale: New size: 6; reason: Service metric queue_length above target');
  });

  it('reports FailedGetResourceMetric while no metrics exist', () => {
    const c = new TestCluster();
    c.apply(APP(CPU_50));
    c.advance(40);
    const active = c.get<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', 'api').status?.conditions?.find((x) => x.type === 'ScalingActive');
    expect(active).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric' });
    expect(active?.message).toMatch(/^the HPA was unable to compute the replica count: failed to get cpu utilization: /);
    expect(replicas(c)).toBe(2);
  });
});
