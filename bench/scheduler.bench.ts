import type { Node, Pod } from 'kubernetes-types/core/v1';
import { ApiRegistry } from '../src/core/api/registry';
import { VirtualClock } from '../src/core/engine/clock';
import { Rng } from '../src/core/engine/rng';
import { EventRecorder } from '../src/core/events/recorder';
import { MetricsStore } from '../src/core/metrics/metrics-store';
import { Scheduler } from '../src/core/scheduler/scheduler';
import type { SimContext } from '../src/core/sim-context';
import { ObjectStore } from '../src/core/store/object-store';
import type { BenchResult } from './report';

/**
 * Scheduler throughput, SchedulingBasic-style (kube-scheduler's scheduler_perf): nodes of
 * 4 CPU / 32 GiB / 110 pods, `initPods` pods scheduled first, then `measurePods` pods with
 * requests of 100m CPU and 500 MiB whose scheduling is timed. The scheduler runs alone on the
 * API server's store — no kubelets — with the default profile, so what is measured is the whole
 * scheduling and binding cycle: queue pop, PreFilter/Filter/PreScore/Score over the sampled
 * nodes, selection, the binding write, the Scheduled event and the cache update from the watch.
 * Throughput is reported per second of the process's CPU time, which a machine shared with other
 * work disturbs far less than wall time; the wall-clock figure is printed alongside.
 */
export interface Scenario {
  readonly nodes: number;
  readonly initPods: number;
  readonly measurePods: number;
  /** percentageOfNodesToScore: 0 is adaptive, 100 a full scan. */
  readonly percentage: number;
}

function node(i: number): Node {
  const allocatable = { cpu: '4', memory: '32Gi', pods: '110', 'ephemeral-storage': '100Gi' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: `node-${i}`, labels: { 'kubernetes.io/hostname': `node-${i}`, 'topology.kubernetes.io/zone': `zone-${i % 3}` } },
    status: { allocatable, capacity: allocatable, conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

function pod(name: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '100m', memory: '500Mi' } } }] },
  };
}

/** Run one scenario; `timed` wraps the measured phase (a profiler can hook in there). */
export function runScenario(s: Scenario, timed: (phase: () => void) => void = (phase) => phase()): { podsPerSecond: number; podsPerCpuSecond: number; scheduled: number } {
  const clock = new VirtualClock();
  const rng = new Rng(1);
  const store = new ObjectStore(new ApiRegistry(), clock, rng);
  const ctx: SimContext = { clock, rng, store, recorder: new EventRecorder(store, clock), machines: new Map(), metrics: new MetricsStore() };
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  if (s.percentage !== 0) {
    store.create({ apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', metadata: { name: 'bench' }, percentageOfNodesToScore: s.percentage } as never);
  }
  const scheduler = new Scheduler(ctx);
  for (let i = 0; i < s.nodes; i++) store.create(node(i));
  for (let i = 0; i < s.initPods; i++) store.create(pod(`init-${i}`));
  clock.runUntil(clock.now() + 3_600_000);
  for (let i = 0; i < s.measurePods; i++) store.create(pod(`measure-${i}`));
  let seconds = 0;
  let cpuSeconds = 0;
  timed(() => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    clock.runUntil(clock.now() + 3_600_000);
    const used = process.cpuUsage(cpu);
    cpuSeconds = (used.user + used.system) / 1e6;
    seconds = (performance.now() - start) / 1000;
  });
  const scheduled = store.list<Pod>('Pod').filter((p) => p.metadata.name.startsWith('measure-') && p.spec?.nodeName).length;
  void scheduler;
  return { podsPerSecond: scheduled / seconds, podsPerCpuSecond: scheduled / cpuSeconds, scheduled };
}

export const SCENARIOS: readonly (Scenario & { label: string; goal: number })[] = [
  { label: '100 nodes', nodes: 100, initPods: 100, measurePods: 3000, percentage: 0, goal: 20_000 },
  { label: '1,000 nodes', nodes: 1000, initPods: 1000, measurePods: 3000, percentage: 0, goal: 5000 },
  { label: '5,000 nodes, adaptive sampling', nodes: 5000, initPods: 1000, measurePods: 2000, percentage: 0, goal: 5000 },
  { label: '5,000 nodes, full scan', nodes: 5000, initPods: 1000, measurePods: 1000, percentage: 100, goal: 1000 },
];

export function schedulerThroughput(): BenchResult[] {
  // Warm up the JIT on a small cluster first.
  runScenario({ nodes: 100, initPods: 0, measurePods: 2000, percentage: 0 });
  return SCENARIOS.map((s) => {
    const r = runScenario(s);
    return {
      name: `scheduler: SchedulingBasic, ${s.label}`,
      value: r.podsPerCpuSecond,
      unit: 'pods/s',
      note: `per CPU second; ${Math.round(r.podsPerSecond).toLocaleString('en-US')} per wall second; ${r.scheduled}/${s.measurePods} scheduled; goal ≥ ${s.goal.toLocaleString('en-US')}`,
    };
  });
}
