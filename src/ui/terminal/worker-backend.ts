import type { Completion, TerminalBackend, TerminalOutput } from './session';

/**
 * The worker methods the terminal needs, mirroring the core's `sim.kubectlWatch`,
 * `sim.completeKubectl` and `sim.nodeShell`. The worker keeps the stop function of the one open
 * watch; `files` are the editor's files by name, for `kubectl apply -f web.yaml`.
 */
export interface TerminalWorkerApi {
  kubectlWatch(line: string, stdin: string | undefined, files: Record<string, string>, onChunk: (chunk: string) => void): Promise<TerminalOutput>;
  stopWatch(): Promise<void> | void;
  completeKubectl(line: string, cursor: number, files: Record<string, string>): Promise<Completion>;
  nodeShell(node: string, line: string): Promise<TerminalOutput>;
}

/**
 * A TerminalBackend over the worker. `proxy` wraps the streaming callback so it can cross the
 * worker boundary (pass comlink's `Comlink.proxy`).
 */
export function workerTerminalBackend(
  api: TerminalWorkerApi,
  files: () => Record<string, string>,
  proxy: <F extends (chunk: string) => void>(f: F) => F = (f) => f,
): TerminalBackend {
  return {
    run: (line, stdin, onChunk) => api.kubectlWatch(line, stdin, files(), proxy(onChunk)),
    stopWatch: () => api.stopWatch(),
    complete: (line, cursor) => api.completeKubectl(line, cursor, files()),
    runInNode: (node, line) => api.nodeShell(node, line),
  };
}
