import type { Stream } from './workloads/process';

/**
 * Container logs as the kubelet keeps them on the node: one file per container instance, the
 * current one and the one before it, so that `kubectl logs --previous` shows what a crashed
 * container printed. Each file keeps its last lines (containerLogMaxSize rotates real ones).
 */
export interface LogEntry {
  readonly timeMs: number;
  readonly stream: Stream;
  readonly text: string;
}

/** Lines kept per container instance. */
export const MAX_LOG_LINES = 5000;

/** A write as the process made it; text that depends on the time is formatted when read. */
interface Write {
  readonly timeMs: number;
  readonly stream: Stream;
  readonly text: string | ((timeMs: number) => string);
}

export class ContainerLog {
  private readonly writes: Write[] = [];

  append(write: Write): void {
    this.writes.push(write);
    if (this.writes.length > MAX_LOG_LINES) this.writes.splice(0, this.writes.length - MAX_LOG_LINES);
  }

  /** The log, one entry per line. */
  get entries(): LogEntry[] {
    const out: LogEntry[] = [];
    for (const w of this.writes) {
      const text = typeof w.text === 'function' ? w.text(w.timeMs) : w.text;
      for (const line of text.split('\n')) out.push({ timeMs: w.timeMs, stream: w.stream, text: line });
    }
    return out;
  }
}

interface Files {
  current?: ContainerLog;
  previous?: ContainerLog;
}

export class LogStore {
  private readonly files = new Map<string, Files>();

  /** A container instance starts: its log becomes current, and the one before it previous. */
  start(podUid: string, container: string): ContainerLog {
    const key = `${podUid}/${container}`;
    const f = this.files.get(key) ?? {};
    const log = new ContainerLog();
    this.files.set(key, { current: log, ...(f.current ? { previous: f.current } : {}) });
    return log;
  }

  get(podUid: string, container: string, previous: boolean): ContainerLog | undefined {
    const f = this.files.get(`${podUid}/${container}`);
    return previous ? f?.previous : f?.current;
  }

  /** The pod is gone from the node: its log files are removed. */
  dropPod(podUid: string): void {
    for (const k of [...this.files.keys()]) if (k.startsWith(`${podUid}/`)) this.files.delete(k);
  }
}
