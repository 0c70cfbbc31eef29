import type { Process, ProcessEnv, TimedStep } from '../../kubelet/workloads/process';
import { collectNode, type WrittenSeries } from '../dcgm/collect';
import { DCGM_COLLECT_INTERVAL_MS } from '../dcgm/fields';
import type { GpuRuntime } from '../runtime/gpu-runtime';
import { exit, logrus, program, step } from './program';

/**
 * dcgm-exporter (NVIDIA/dcgm-exporter) with Kubernetes pod mapping, as the GPU Operator runs it:
 * it initialises DCGM, then collects the configured fields every 30 s and serves them on :9400;
 * here each collection is recorded in the metrics store. Series stop when the exporter stops.
 */
export function dcgmExporterProgram(rt: GpuRuntime, env: ProcessEnv): Process {
  const info = (t: string) => logrus('info', t);
  let previous = new Map<string, WrittenSeries>();
  function* run(): Generator<TimedStep, void, void> {
    if (!rt.node(env.nodeName)) {
      yield step(500, logrus('error', 'Failed to initialize DCGM: libdcgm.so not found'));
      yield exit(1);
      return;
    }
    yield step(2_500, info('Starting dcgm-exporter'), info('DCGM successfully initialized!'), info('Collecting DCP Metrics'), info('Falling back to metric file \'/etc/dcgm-exporter/dcp-metrics-included.csv\''), info('Initializing system entities of type: GPU'), info('Kubernetes metrics collection enabled!'), info('Pipeline starting'), info('Starting webserver'), info('Listening on :9400'));
    // The Hostname label: the NODE_NAME the operator's manifest passes, else the pod's own host name (utils.GetHostname).
    const hostname = env.env.NODE_NAME || env.hostname;
    // A series the exporter stops writing (the pod using the GPU changed, a GPU fell off the bus) goes stale at once.
    for (;;) {
      const current = new Map(collectNode(rt, env.nodeName, hostname, rt.ctx.metrics, rt.ctx.clock.now()).map((w) => [seriesKey(w), w]));
      for (const [key, w] of previous) if (!current.has(key)) rt.ctx.metrics.drop(w.name, w.labels);
      previous = current;
      yield step(DCGM_COLLECT_INTERVAL_MS);
    }
  }
  // A stopped exporter is a scrape target gone: its series go stale.
  return program('dcgm-exporter', run(), () => {
    for (const w of previous.values()) rt.ctx.metrics.drop(w.name, w.labels);
    previous = new Map();
    return { exitAfterMs: 300, code: 0, lines: [info('Received signal terminated, shutting down')] };
  });
}

function seriesKey(w: WrittenSeries): string {
  return `${w.name}\u0000${Object.entries(w.labels).map(([k, v]) => `${k}=${v}`).join(',')}`;
}
