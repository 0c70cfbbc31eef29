import type { LogLine, Process, SignalResponse, Stream, TimedStep } from '../../kubelet/workloads/process';
import { rfc3339 } from '../../engine/time';
import { glogTime } from '../../kubelet/workloads/log-time';

/**
 * Building blocks for the NVIDIA programs the operands' images carry. A program is a lazy
 * sequence of timed steps (the kubelet's Process): code between two yields runs when virtual time
 * reaches the earlier step, so a loop that yields a tick every few seconds is the program's main
 * loop, and stops for good when the container is stopped, killed or its machine loses power.
 */
export function step(afterMs: number, ...lines: LogLine[]): TimedStep {
  return lines.length ? { afterMs, event: { kind: 'log', lines } } : { afterMs, event: { kind: 'tick' } };
}

export function exit(code: number, afterMs = 0): TimedStep {
  return { afterMs, event: { kind: 'exit', code } };
}

/** A klog line (`I0105 09:00:03.120000       1 main.go:235] text`), stamped when written. */
export function klog(level: 'I' | 'W' | 'E', source: string, text: string, stream: Stream = 'stderr'): LogLine {
  return { stream, text: (now: number) => `${level}${glogTime(now)} ${String(1).padStart(7)} ${source}] ${text}` };
}

/** A logrus text line (`time="…" level=info msg="…"`), as mig-manager and dcgm-exporter print. */
export function logrus(level: 'info' | 'warning' | 'error', text: string): LogLine {
  return { stream: 'stderr', text: (now: number) => `time="${rfc3339(now)}" level=${level} msg=${JSON.stringify(text)}` };
}


/**
 * Whether a program's main loop still runs: it beats on every pass, and a process that stopped
 * (killed, crashed, machine gone) beats no more, so it counts as gone one period after its last
 * beat — how the kubelet notices a device plugin's socket is gone.
 */
export class Liveness {
  private deadline = Number.POSITIVE_INFINITY;
  private stopped = false;

  constructor(private readonly now: () => number) {}

  beat(periodMs: number): void {
    this.deadline = this.now() + periodMs;
  }

  stop(): void {
    this.stopped = true;
  }

  alive(): boolean {
    return !this.stopped && this.now() <= this.deadline;
  }
}

/** A process from a main loop and a SIGTERM handler. */
export function program(workload: string, steps: Iterator<TimedStep, void>, onTerm: (nowMs: number) => SignalResponse): Process {
  return { workload, steps, stop: onTerm };
}
