import type { Remote } from 'comlink';
import type { SimWorkerApi } from '../../worker/protocol';
import type { TerminalWorkerApi } from '../terminal/worker-backend';

/** Run a call on the current worker session; undefined while there is none (it is restarting). */
export type SessionCall = <T>(fn: (api: Remote<SimWorkerApi>) => Promise<T>) => Promise<T | undefined>;

/**
 * The terminal's way to the worker: the same session, and so the same core, as the editor's
 * Apply and the fault menus — a `kubectl scale` typed here moves the cluster view as a click
 * does. `unavailable` is what a command prints while the worker restarts; `afterCommand` runs
 * after each command (the playground saves the session).
 */
export function terminalWorkerApi(call: SessionCall, unavailable: () => string, afterCommand: () => void): TerminalWorkerApi {
  const failed = () => ({ stdout: '', stderr: unavailable(), exitCode: 1 });
  return {
    async kubectlWatch(line, stdin, files, onChunk) {
      const out = await call((api) => api.kubectlWatch(line, stdin, files, onChunk));
      afterCommand();
      return out ?? failed();
    },
    async stopWatch() {
      await call((api) => api.stopWatch());
    },
    async completeKubectl(line, cursor, files) {
      return (await call((api) => api.completeKubectl(line, cursor, files))) ?? { candidates: [], replaceFrom: cursor };
    },
    async nodeShell(node, line) {
      return (await call((api) => api.nodeShell(node, line))) ?? { ...failed(), exited: true };
    },
  };
}
