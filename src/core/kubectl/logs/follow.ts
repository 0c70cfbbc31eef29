import type { LogsOptions } from '../../kubelet/logs-api';
import type { KubectlHost } from '../host';

/**
 * What `kubectl logs -f` keeps following after printing the log so far: plain data, so it
 * crosses the worker boundary like a watch request. `printed` is the log text already shown.
 */
export interface LogFollowRequest {
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  readonly timestamps: boolean;
  readonly printed: string;
}

/**
 * The streaming half of `logs -f`: each time the simulation has advanced, read the container's
 * log again and emit what was appended since. Returns the function to call after each advance.
 * A restarted container starts a new log, which is then followed from its start.
 */
export function followLogs(host: KubectlHost, request: LogFollowRequest, emit: (text: string) => void): () => void {
  let printed = request.printed;
  const options: LogsOptions = { container: request.container, timestamps: request.timestamps };
  return () => {
    const r = host.logs?.(request.namespace, request.pod, options);
    if (!r?.ok || r.text === printed) return;
    const fresh = r.text.startsWith(printed) ? r.text.slice(printed.length) : r.text;
    printed = r.text;
    if (fresh !== '') emit(fresh.replace(/\n$/, ''));
  };
}
