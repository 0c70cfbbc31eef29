import { describe, expect, it } from 'vitest';
import { startWatchdog } from '../../src/ui/lib/watchdog';

function harness(answer: boolean) {
  let now = 0;
  let tick: () => void = () => {};
  let cleared = false;
  let pings = 0;
  let timeouts = 0;
  const stop = startWatchdog({
    ping: () => {
      pings++;
      return answer ? Promise.resolve() : new Promise(() => {});
    },
    onTimeout: () => timeouts++,
    everyMs: 1000,
    timeoutMs: 5000,
    now: () => now,
    setInterval: (fn) => ((tick = fn), 1),
    clearInterval: () => (cleared = true),
  });
  const advance = async (ms: number) => {
    for (let t = 0; t < ms; t += 1000) {
      now += 1000;
      tick();
      await Promise.resolve();
    }
  };
  return { advance, stop, state: () => ({ pings, timeouts, cleared }) };
}

describe('worker watchdog', () => {
  it('keeps pinging a worker that answers, and never fires', async () => {
    const h = harness(true);
    await h.advance(30_000);
    expect(h.state().timeouts).toBe(0);
    expect(h.state().pings).toBeGreaterThan(10);
    h.stop();
    expect(h.state().cleared).toBe(true);
  });

  it('fires once, after the timeout, for a worker that stopped answering', async () => {
    const h = harness(false);
    await h.advance(5000);
    expect(h.state().timeouts).toBe(0);
    await h.advance(2000);
    expect(h.state()).toMatchObject({ pings: 1, timeouts: 1, cleared: true });
    await h.advance(10_000);
    expect(h.state().timeouts).toBe(1);
  });
});
