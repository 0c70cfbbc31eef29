import { bundleSizes } from './bundle.bench';
import { busyHour } from './controllers.bench';
import { engineThroughput } from './engine.bench';
import { kubeletSteadyState } from './kubelet.bench';
import { printResults, type BenchResult } from './report';
import { schedulerThroughput } from './scheduler.bench';
import { podStartup } from './simulation.bench';
import { uiFrames } from './ui.bench';

/**
 * `npm run bench`: every benchmark, one after another, printed as a table. Figures are wall
 * time on this machine; see docs/benchmarks.md for recorded results and how they were taken.
 */
const suites: Record<string, () => BenchResult[] | Promise<BenchResult[]>> = {
  engine: engineThroughput,
  simulation: podStartup,
  kubelet: kubeletSteadyState,
  controllers: busyHour,
  scheduler: schedulerThroughput,
  bundle: bundleSizes,
  ui: uiFrames,
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  printResults(await run());
}
