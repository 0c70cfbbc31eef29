import { describe, expect, it } from 'vitest';
import { KUBELET_TIMINGS } from '../../../src/core/kubelet/timings';
import { events, oneNode, podYaml, watchContainer } from './helpers';

const CRASHER = podYaml('crasher', '  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "echo starting; sleep 3; exit 1"]\n');
const START_MS = KUBELET_TIMINGS.createContainerMs + KUBELET_TIMINGS.startContainerMs;

describe('restarting a crashing container', () => {
  it('restarts at once after the first crash, then backs off 10, 20, 40, 80, 160 and 300 s', () => {
    const sim = oneNode();
    sim.apply(CRASHER);
    const log = watchContainer(sim, 'crasher');
    sim.advance(1500);
    const exits = log.filter((t) => t.state === 'terminated:Error/1');
    const starts = log.filter((t) => t.state === 'running');
    // The kubelet acts on an exit when the PLEG relists (1 s); the first restart has no back-off yet
    // (kubernetes/kubernetes#133472), every later one waits for the back-off to end.
    const gaps = starts.slice(1).map((s, i) => s.atMs - exits[i]!.atMs - START_MS);
    expect(gaps.slice(0, 8)).toEqual([KUBELET_TIMINGS.plegRelistMs, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    // Each run lasts the three seconds the script sleeps, plus a millisecond for each of its three commands.
    expect(exits.slice(0, 4).map((e, i) => e.atMs - starts[i]!.atMs)).toEqual([3003, 3003, 3003, 3003]);
  });

  it('shows CrashLoopBackOff with the back-off in the waiting message, and counts restarts', () => {
    const sim = oneNode();
    sim.apply(CRASHER);
    const log = watchContainer(sim, 'crasher');
    sim.advance(400);
    const backoffs = log.filter((t) => t.state === 'waiting:CrashLoopBackOff');
    expect(backoffs.map((b) => b.message!.split(' ')[1])).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s']);
    expect(backoffs[0]!.message).toMatch(/^back-off 10s restarting failed container=app pod=crasher_default\([0-9a-f-]{36}\)$/);
    expect(backoffs.map((b) => b.restarts)).toEqual([1, 2, 3, 4, 5, 6]);
    const lastExit = log.filter((t) => t.state === 'terminated:Error/1').at(-1)!;
    // RESTARTS shows the time since lastState.terminated.finishedAt, which has second precision.
    const ago = 400 - Math.floor(lastExit.atMs / 1000);
    expect(sim.kubectl('get pod crasher').stdout.split('\n')[1]).toMatch(new RegExp(`^crasher\\s+0/1\\s+CrashLoopBackOff\\s+6 \\(${ago}s ago\\)\\s+6m40s$`));
  });

  it('records the kubelet events of a crash loop, de-duplicated with counts', () => {
    const sim = oneNode();
    sim.apply(CRASHER);
    sim.advance(120);
    const seen = sim.events().filter((e) => e.involvedObject.name === 'crasher');
    const backOff = seen.find((e) => e.reason === 'BackOff')!;
    expect(backOff.type).toBe('Warning');
    expect(backOff.message).toMatch(/^Back-off restarting failed container app in pod crasher_default\([0-9a-f-]{36}\)$/);
    expect(backOff.involvedObject.fieldPath).toBe('spec.containers{app}');
    expect(events(sim, 'crasher')).toContain('Normal Pulled: Container image "busybox:1.36" already present on machine');
    expect(seen.find((e) => e.reason === 'Started')!.count).toBe(5);
  });

  it('starts the back-off over once a container has run for ten minutes', () => {
    const sim = oneNode();
    const manifest = (crashAfter: string) =>
      podYaml('flaky', '  - name: app\n    image: busybox:1.36\n    command: ["sleep", "infinity"]\n').replace('  name: flaky\n', `  name: flaky\n  annotations:\n    kubelab.dev/crash-after: ${crashAfter}\n`);
    sim.apply(manifest('2s'));
    const log = watchContainer(sim, 'flaky');
    // Crashing every two seconds, the back-off grows to 1m20s; the instance started at 164 s then
    // reads the new annotation and runs for 11 minutes.
    sim.advance(90);
    sim.apply(manifest('11m'));
    sim.advance(210);
    sim.apply(manifest('2s'));
    sim.advance(600);
    const delays = log.filter((t) => t.state === 'waiting:CrashLoopBackOff').map((t) => t.message!.split(' ')[1]);
    // After the long run the back-off has expired: the container restarts at once, and the next
    // crash waits 10 s again, then 20 s.
    expect(delays.slice(0, 6)).toEqual(['10s', '20s', '40s', '1m20s', '10s', '20s']);
    const exits = log.filter((t) => t.state === 'terminated:Error/1');
    const starts = log.filter((t) => t.state === 'running');
    const longRun = starts.findIndex((s, i) => exits[i] && exits[i]!.atMs - s.atMs === 660_000);
    expect(longRun).toBeGreaterThan(0);
    expect(starts[longRun + 1]!.atMs - exits[longRun]!.atMs).toBe(KUBELET_TIMINGS.plegRelistMs + START_MS);
  });
});
