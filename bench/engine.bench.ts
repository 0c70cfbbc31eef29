import { VirtualClock } from '../src/core/engine/clock';
import { Rng } from '../src/core/engine/rng';
import type { BenchResult } from './report';

/**
 * Raw engine throughput: how many timed tasks per wall second the event queue and virtual clock
 * process when each task schedules a follow-up at a random near-future time (a steady population
 * of pending timers, as kubelets and controllers keep).
 */
export function engineThroughput(): BenchResult[] {
  const clock = new VirtualClock();
  const rng = new Rng(1);
  const population = 10_000;
  const total = 2_000_000;
  let done = 0;
  const task = (): void => {
    done++;
    if (done + population <= total) clock.after(1 + rng.int(10_000), 'bench', task);
  };
  for (let i = 0; i < population; i++) clock.after(rng.int(10_000), 'bench', task);
  const start = performance.now();
  clock.runUntil(Number.MAX_SAFE_INTEGER / 2);
  const seconds = (performance.now() - start) / 1000;
  return [{ name: 'engine: timed tasks per second (10k pending timers)', value: Math.round(done / seconds), unit: 'tasks/s' }];
}
