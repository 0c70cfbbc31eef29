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

export class ContainerLog {
  readonly entries: LogEntry[] = [];

  append(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_LOG_LINES) this.entries.splice(0, this.entries.length - MAX_LOG_LINES);
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
