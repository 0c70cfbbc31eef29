import { Rng } from '../../../../src/core/engine/rng';
import { parseImage } from '../../../../src/core/kubelet/images/reference';
import type { ProcessEnv, TimedStep } from '../../../../src/core/kubelet/workloads/process';

/** A process environment for running workloads outside a kubelet; `ports` answers the container's own HTTP requests. */
export function testEnv(argv: string[], over: Partial<ProcessEnv> = {}, ports: Record<number, number> = {}): ProcessEnv {
  let now = 0;
  return {
    argv,
    image: parseImage('busybox:1.36'),
    imageHasShell: true,
    env: {},
    hostname: 'pod-a',
    podIP: '10.244.1.7',
    nodeName: 'node-1',
    kernel: '5.15.0-144-generic',
    hasGpu: false,
    overrides: {},
    rng: new Rng(1),
    fs: new Map(),
    startMs: 0,
    access: {
      http: (port) => ports[port] ?? 'refused',
      listening: (port) => port in ports,
      signalMain: () => {},
      now: () => now,
    },
    ...over,
    // Keep the clock in step with the steps consumed (see drain()).
    ...{ setNow: (t: number) => (now = t) },
  } as ProcessEnv;
}

export interface Run {
  readonly lines: string[];
  readonly exit?: { code: number; atMs: number };
  readonly atMs: number;
}

/** Consume a process's steps up to `untilMs` of virtual time, collecting its output and exit. */
export function drain(steps: Iterator<TimedStep, void>, env: ProcessEnv, untilMs = 60_000): Run {
  const lines: string[] = [];
  let t = 0;
  const setNow = (env as unknown as { setNow: (t: number) => void }).setNow;
  for (;;) {
    const r = steps.next();
    if (r.done || !Number.isFinite(r.value.afterMs)) return { lines, atMs: t };
    if (t + r.value.afterMs > untilMs) return { lines, atMs: t };
    t += r.value.afterMs;
    setNow(t);
    const ev = r.value.event;
    if (ev.kind === 'log') for (const l of ev.lines) lines.push(`${l.stream === 'stderr' ? '2>' : ''}${typeof l.text === 'function' ? l.text(t) : l.text}`);
    if (ev.kind === 'exit') return { lines, exit: { code: ev.code, atMs: t }, atMs: t };
  }
}
