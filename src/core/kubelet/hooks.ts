import type { LifecycleHandler } from 'kubernetes-types/core/v1';
import type { RunningProcess } from './process-runner';
import type { ExecResult } from './workloads/exec';

/**
 * Lifecycle hooks (pkg/kubelet/lifecycle): postStart after a container starts, preStop before it
 * is stopped. A hook takes time (a sleep, a command's run time) and may fail; failures are reported
 * with the kubelet's message.
 */
export interface HookTarget {
  readonly podIP: string;
  readonly clientIp: string;
  readonly process: RunningProcess;
  exec(command: readonly string[]): ExecResult;
  /** `name_namespace(uid)`, as the kubelet names a pod in messages (format.Pod). */
  readonly podDescription: string;
  readonly container: string;
}

export interface HookResult {
  readonly durationMs: number;
  /** The event message when the hook failed. */
  readonly failure?: string;
}

export function runHook(handler: LifecycleHandler, t: HookTarget): HookResult {
  if (handler.sleep) return { durationMs: handler.sleep.seconds * 1000 };
  if (handler.exec) {
    const command = handler.exec.command ?? [];
    const r = t.exec(command);
    if (r.exitCode === 0) return { durationMs: r.durationMs };
    const err = r.startError ?? `command '${command.join(' ')}' exited with ${r.exitCode}: ${r.output}`;
    return {
      durationMs: r.durationMs,
      failure: `Exec lifecycle hook ([${command.join(' ')}]) for Container ${JSON.stringify(t.container)} in Pod ${JSON.stringify(t.podDescription)} failed - error: ${err}, message: ${JSON.stringify(r.output)}`,
    };
  }
  if (handler.httpGet) {
    const port = typeof handler.httpGet.port === 'number' ? handler.httpGet.port : Number(handler.httpGet.port);
    const path = handler.httpGet.path ?? '/';
    const host = handler.httpGet.host || t.podIP;
    const status = t.process.http(port, path, t.clientIp);
    const url = `http://${host}:${port}${path}`;
    const err =
      status === 'refused'
        ? `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`
        : status === 'not-http'
          ? `Get "${url}": EOF`
          : status >= 400
            ? `HTTP lifecycle hook (${path}) returned status ${status}`
            : undefined;
    return err
      ? { durationMs: 5, failure: `HTTP lifecycle hook (${path}) for Container ${JSON.stringify(t.container)} in Pod ${JSON.stringify(t.podDescription)} failed - error: ${err}` }
      : { durationMs: 5 };
  }
  return { durationMs: 0 };
}
